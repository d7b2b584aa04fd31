package org.crowdhex.tileset;

import java.util.List;
import org.crowdhex.alert.OpenAlert;

/**
 * Every cell of one window as it stands at one revision: what the tiles of that revision are drawn
 * from. Parallel arrays keep it compact on the wire (one record per window, fanned out to tiles).
 *
 * @param windowStart epoch ms
 * @param windowEnd epoch ms
 * @param revision 0 when first published, then 1, 2... as late posts change the window
 * @param cells H3 cells
 * @param posts posts per cell
 * @param authors distinct authors per cell
 * @param density distinct authors per km² per cell
 * @param scores per cell, the best anomaly scan score of a region containing it (0 when none)
 * @param alerts per cell, the id of the open alert it is in, or null
 * @param openAlerts the alerts open at the window's end, by venue then id; null when the run does
 *     not detect anomalies (the window then has no alerts document)
 * @param flows the window's flows document (GeoJSON, written beside its tiles), or null when the
 *     tile stage is given no flows
 */
public record WindowCells(
    long windowStart,
    long windowEnd,
    int revision,
    long[] cells,
    long[] posts,
    int[] authors,
    double[] density,
    double[] scores,
    String[] alerts,
    OpenAlert[] openAlerts,
    String flows) {

  /** A window without anomaly marks: every score 0, no alert, no alerts document. */
  public WindowCells(
      long windowStart,
      long windowEnd,
      int revision,
      long[] cells,
      long[] posts,
      int[] authors,
      double[] density) {
    this(
        windowStart,
        windowEnd,
        revision,
        cells,
        posts,
        authors,
        density,
        new double[cells.length],
        new String[cells.length],
        null,
        null);
  }

  public String id() {
    return WindowId.of(windowStart, revision);
  }

  public int size() {
    return cells.length;
  }

  /** The highest density of the window, for the manifest. */
  public double maxDensity() {
    double max = 0;
    for (double d : density) max = Math.max(max, d);
    return max;
  }

  /** Whether the window has an alerts document (the run detects anomalies). */
  public boolean hasAlerts() {
    return openAlerts != null;
  }

  /** The open alerts; empty when none or when the run does not detect anomalies. */
  public List<OpenAlert> openAlertList() {
    return openAlerts == null ? List.of() : List.of(openAlerts);
  }
}
