package org.crowdhex.job;

import org.crowdhex.flow.FlowWindow;
import org.crowdhex.flow.ZoneFlowWindow;
import org.crowdhex.tileset.VenueMarks;

/**
 * One thing drawn beside a window's cells, as the tile stage receives it: a venue's detector marks,
 * a published flow between zones, or a zone's published inflow and outflow. Exactly one is set.
 *
 * @param marks a venue's marks of one window, or null
 * @param flow a published flow of one window, or null
 * @param zone a zone's published inflow and outflow of one window, or null
 */
public record WindowExtra(VenueMarks marks, FlowWindow flow, ZoneFlowWindow zone) {

  /** Marks of one venue and window. */
  public static WindowExtra of(VenueMarks marks) {
    return new WindowExtra(marks, null, null);
  }

  /** A published flow. */
  public static WindowExtra of(FlowWindow flow) {
    return new WindowExtra(null, flow, null);
  }

  /** A zone's published inflow and outflow. */
  public static WindowExtra of(ZoneFlowWindow zone) {
    return new WindowExtra(null, null, zone);
  }

  /** The start of the window it belongs to, epoch ms: the tile stage's key. */
  public long windowStart() {
    if (marks != null) return marks.windowStart();
    if (flow != null) return flow.windowStart();
    return zone.windowStart();
  }
}
