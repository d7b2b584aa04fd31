package org.crowdhex.flow;

/**
 * A pair of zones that authors moved between: the key of the flows output.
 *
 * @param origin the zone moved out of (a venue id or an H3 parent cell as hex)
 * @param destination the zone moved into; never the origin
 */
public record FlowEdge(String origin, String destination) {
  public FlowEdge {
    if (origin == null || destination == null) {
      throw new IllegalArgumentException("a flow edge needs an origin and a destination zone");
    }
    if (origin.equals(destination)) {
      throw new IllegalArgumentException(
          "a flow edge joins two zones, not " + origin + " to itself");
    }
  }
}
