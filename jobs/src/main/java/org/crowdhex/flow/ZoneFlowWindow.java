package org.crowdhex.flow;

/**
 * The authors who came into one zone and who left it in one window: the record of the zone flows
 * output (inflow and outflow per venue).
 *
 * @param zone the zone (a venue id, or an H3 parent cell as hex)
 * @param windowStart inclusive, epoch ms
 * @param windowEnd exclusive, epoch ms
 * @param inflow distinct authors who moved in, or {@link #SUPPRESSED}
 * @param outflow distinct authors who moved out, or {@link #SUPPRESSED}
 * @param revision 0 when first published; incremented by each late change
 */
public record ZoneFlowWindow(
    String zone, long windowStart, long windowEnd, int inflow, int outflow, int revision) {

  /** A figure held back because fewer authors than the minimum crowd stand behind it. */
  public static final int SUPPRESSED = -1;

  /**
   * The record as it may be published under a minimum crowd of {@code k}: each figure below k
   * becomes {@link #SUPPRESSED}; null when both are (nothing to publish).
   */
  public ZoneFlowWindow disclosed(int k) {
    int in = inflow >= k ? inflow : SUPPRESSED;
    int out = outflow >= k ? outflow : SUPPRESSED;
    if (in == SUPPRESSED && out == SUPPRESSED) return null;
    return new ZoneFlowWindow(zone, windowStart, windowEnd, in, out, revision);
  }
}
