package org.crowdhex.flow;

/**
 * The authors who moved from one zone to another in one window: the record of the flows output.
 *
 * @param origin the zone moved out of
 * @param destination the zone moved into
 * @param windowStart inclusive, epoch ms; a move counts in the windows of its destination time
 * @param windowEnd exclusive, epoch ms
 * @param authors distinct authors who moved along the edge
 * @param moves moves along the edge (an author may move back and forth)
 * @param revision 0 when first published; incremented by each late change
 */
public record FlowWindow(
    String origin,
    String destination,
    long windowStart,
    long windowEnd,
    int authors,
    long moves,
    int revision) {

  /** Whether the record may be published under a minimum crowd of {@code k} distinct authors. */
  public boolean publishable(int k) {
    return authors >= k;
  }
}
