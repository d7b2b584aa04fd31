package org.crowdhex.alert;

import java.util.List;
import java.util.Map;

/**
 * What the scan statistic found for one venue in one window: the input of the alert state machine.
 * A window in which the venue had no hotspot may come as a detection with no hotspots or not at all
 * (see {@link VenueAlerts#onQuietWindow}).
 *
 * @param venue the venue id
 * @param phase the event schedule's phase at the window (e.g. {@code egress}), or null when the
 *     plan has no schedule
 * @param windowStart inclusive, epoch ms
 * @param windowEnd exclusive, epoch ms
 * @param hotspots the scan's regions that passed its minimal level, in any order
 * @param buildUps the cells whose CUSUM reached its threshold in this window
 * @param baseline where the expected crowd the scan compared against came from
 * @param authors distinct authors per cell of the venue in this window alone (cells without any may
 *     be left out): how many people an alert's cells hold now, where the scan's counts add up the
 *     windows of its regions
 */
public record Detection(
    String venue,
    String phase,
    long windowStart,
    long windowEnd,
    List<Hotspot> hotspots,
    List<BuildUp> buildUps,
    ExpectationSource baseline,
    Map<Long, Integer> authors) {

  /** A detection of the scan alone, against a baseline file. */
  public Detection(
      String venue, String phase, long windowStart, long windowEnd, List<Hotspot> hotspots) {
    this(venue, phase, windowStart, windowEnd, hotspots, List.of());
  }

  /** A detection against a baseline file that does not say how many authors each cell holds. */
  public Detection(
      String venue,
      String phase,
      long windowStart,
      long windowEnd,
      List<Hotspot> hotspots,
      List<BuildUp> buildUps) {
    this(
        venue,
        phase,
        windowStart,
        windowEnd,
        hotspots,
        buildUps,
        ExpectationSource.HISTORY,
        Map.of());
  }

  public Detection {
    if (venue == null || venue.isBlank()) {
      throw new IllegalArgumentException(
          "detection venue is " + (venue == null ? "missing" : "blank") + "; accepted: a venue id");
    }
    if (windowEnd <= windowStart) {
      throw new IllegalArgumentException(
          "detection window_end "
              + windowEnd
              + " is not after window_start "
              + windowStart
              + "; accepted: an end after the start (epoch ms)");
    }
    if (hotspots == null) {
      throw new IllegalArgumentException(
          "detection hotspots is missing; accepted: a list, empty when nothing passed");
    }
    hotspots = List.copyOf(hotspots);
    buildUps = buildUps == null ? List.of() : List.copyOf(buildUps);
    if (baseline == null) baseline = ExpectationSource.HISTORY;
    authors = authors == null ? Map.of() : Map.copyOf(authors);
    for (Map.Entry<Long, Integer> e : authors.entrySet()) {
      if (e.getValue() < 0) {
        throw new IllegalArgumentException(
            "detection authors of cell "
                + Long.toHexString(e.getKey())
                + " is "
                + e.getValue()
                + "; accepted: a count of 0 or more");
      }
    }
  }

  /** Distinct authors in {@code cells} in this window, summed over the cells. */
  public long present(long[] cells) {
    long n = 0;
    for (long cell : cells) n += authors.getOrDefault(cell, 0);
    return n;
  }
}
