package org.crowdhex.tileset;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.crowdhex.alert.Hotspot;
import org.crowdhex.alert.OpenAlert;

/**
 * What the detector of one venue marks on the map of one window: the scan score of each hot cell,
 * the cells of the venue's open alert, and that alert. The tile stage draws the scores and alert
 * ids into the hex tiles and lists the open alerts beside the window's tiles.
 *
 * @param venue the venue id
 * @param windowStart epoch ms
 * @param windowEnd epoch ms
 * @param cells H3 cells, ascending, each once
 * @param scores per cell, the best score of a scanned region containing it that scored at least
 *     half the threshold; 0 for a cell marked only because it is in the open alert
 * @param alertIds per cell, the id of the venue's open alert when the cell is one of its cells,
 *     else null
 * @param openAlert the venue's alert open at the window's end, or null
 */
public record VenueMarks(
    String venue,
    long windowStart,
    long windowEnd,
    long[] cells,
    double[] scores,
    String[] alertIds,
    OpenAlert openAlert) {

  public VenueMarks {
    Objects.requireNonNull(venue, "venue");
    if (cells == null || scores == null || alertIds == null) {
      throw new IllegalArgumentException("venue marks of " + venue + " need cells, scores and ids");
    }
    if (scores.length != cells.length || alertIds.length != cells.length) {
      throw new IllegalArgumentException(
          "venue marks of "
              + venue
              + " have "
              + cells.length
              + " cells, "
              + scores.length
              + " scores and "
              + alertIds.length
              + " alert ids; accepted: one of each per cell");
    }
    for (int i = 1; i < cells.length; i++) {
      if (cells[i] <= cells[i - 1]) {
        throw new IllegalArgumentException(
            "venue marks of " + venue + " list cells out of order; accepted: ascending, each once");
      }
    }
    cells = cells.clone();
    scores = scores.clone();
    alertIds = alertIds.clone();
  }

  /**
   * The marks of one venue and window.
   *
   * @param hotspots the regions the scan found scoring at least half the threshold
   * @param openAlert the venue's alert open after this window was applied, or null
   */
  public static VenueMarks of(
      String venue, long windowStart, long windowEnd, List<Hotspot> hotspots, OpenAlert openAlert) {
    Map<Long, Double> best = new TreeMap<>();
    for (Hotspot h : hotspots) {
      for (int i = 0; i < h.size(); i++) best.merge(h.cell(i), h.score(), Math::max);
    }
    if (openAlert != null) {
      for (long c : openAlert.cells()) best.putIfAbsent(c, 0.0);
    }
    int n = best.size();
    long[] cells = new long[n];
    double[] scores = new double[n];
    String[] ids = new String[n];
    int i = 0;
    for (Map.Entry<Long, Double> e : best.entrySet()) {
      cells[i] = e.getKey();
      scores[i] = e.getValue();
      ids[i] = openAlert != null && openAlert.contains(cells[i]) ? openAlert.id() : null;
      i++;
    }
    return new VenueMarks(venue, windowStart, windowEnd, cells, scores, ids, openAlert);
  }

  /** Whether there is nothing to mark: no hot cell and no open alert. */
  public boolean isEmpty() {
    return cells.length == 0 && openAlert == null;
  }

  /** The same marks with another form of the open alert (its public form). */
  public VenueMarks withAlert(OpenAlert alert) {
    if (alert == openAlert) return this;
    return new VenueMarks(venue, windowStart, windowEnd, cells, scores, alertIds, alert);
  }

  /**
   * The same scores without the alert: for an alert whose figures may not be published. Cells that
   * were marked only for being in the alert are left out.
   */
  public VenueMarks withoutAlert() {
    if (openAlert == null) return this;
    int n = 0;
    for (int i = 0; i < cells.length; i++) if (scores[i] > 0) n++;
    long[] c = new long[n];
    double[] s = new double[n];
    int k = 0;
    for (int i = 0; i < cells.length; i++) {
      if (scores[i] > 0) {
        c[k] = cells[i];
        s[k++] = scores[i];
      }
    }
    return new VenueMarks(venue, windowStart, windowEnd, c, s, new String[n], null);
  }

  /** A copy: the record stays immutable. */
  @Override
  public long[] cells() {
    return cells.clone();
  }

  /** A copy: the record stays immutable. */
  @Override
  public double[] scores() {
    return scores.clone();
  }

  /** A copy: the record stays immutable. */
  @Override
  public String[] alertIds() {
    return alertIds.clone();
  }

  /** Number of marked cells. */
  public int size() {
    return cells.length;
  }

  /** The i-th cell, without copying the array. */
  public long cell(int i) {
    return cells[i];
  }

  /** The i-th cell's score. */
  public double scoreAt(int i) {
    return scores[i];
  }

  /** The i-th cell's alert id, or null. */
  public String alertIdAt(int i) {
    return alertIds[i];
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof VenueMarks m
        && venue.equals(m.venue)
        && windowStart == m.windowStart
        && windowEnd == m.windowEnd
        && Arrays.equals(cells, m.cells)
        && Arrays.equals(scores, m.scores)
        && Arrays.equals(alertIds, m.alertIds)
        && Objects.equals(openAlert, m.openAlert);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * venue.hashCode() + Long.hashCode(windowStart)) + Arrays.hashCode(cells);
  }

  @Override
  public String toString() {
    return "VenueMarks[venue="
        + venue
        + ", windowStart="
        + windowStart
        + ", cells="
        + cells.length
        + ", alert="
        + (openAlert == null ? null : openAlert.id())
        + "]";
  }
}
