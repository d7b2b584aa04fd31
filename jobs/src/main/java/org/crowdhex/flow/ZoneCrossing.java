package org.crowdhex.flow;

/**
 * A move seen from one zone: an author came in, or went out.
 *
 * @param zone the zone (a venue id or an H3 parent cell as hex)
 * @param direction whether the author entered or left it
 */
public record ZoneCrossing(String zone, Direction direction) {

  /** Into the zone or out of it. */
  public enum Direction {
    IN,
    OUT
  }
}
