package org.crowdhex.flow;

import org.crowdhex.density.DistinctSet;

/**
 * The running count of one zone in one window: the distinct authors who came in and who went out. A
 * public POJO for Flink window state.
 */
public class ZoneTally {
  public DistinctSet inbound = new DistinctSet();
  public DistinctSet outbound = new DistinctSet();

  public ZoneTally() {}

  public ZoneTally add(ZoneCrossing.Direction direction, long author) {
    (direction == ZoneCrossing.Direction.IN ? inbound : outbound).add(author);
    return this;
  }

  public ZoneTally merge(ZoneTally other) {
    inbound.addAll(other.inbound);
    outbound.addAll(other.outbound);
    return this;
  }

  /** The record of the zone flows output for this tally. */
  public ZoneFlowWindow toWindow(String zone, long windowStart, long windowEnd, int revision) {
    return new ZoneFlowWindow(
        zone, windowStart, windowEnd, inbound.size(), outbound.size(), revision);
  }
}
