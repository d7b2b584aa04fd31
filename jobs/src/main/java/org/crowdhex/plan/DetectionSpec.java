package org.crowdhex.plan;

import java.io.Serializable;
import java.nio.file.Path;

/**
 * How the monitor detects crowds far above what is normal for the place and hour.
 *
 * @param enabled whether detection runs (it needs a baseline)
 * @param baseline the baseline file ({@code crowdhex baseline}), or null
 * @param threshold the scan score that counts as a hit (2 hits in 3 windows open an alert)
 * @param critical the scan score that opens an alert at once
 * @param radius the scan neighbourhood: H3 grid distance 1 (7 cells) or 2 (19 cells)
 * @param windows how many recent windows a scan region may span (1 to 6)
 * @param closeAfter windows below half the threshold that close an alert
 */
public record DetectionSpec(
    boolean enabled,
    Path baseline,
    double threshold,
    double critical,
    int radius,
    int windows,
    int closeAfter)
    implements Serializable {

  public static final DetectionSpec OFF = new DetectionSpec(false, null, 12, 40, 1, 3, 3);

  /** The same settings switched on or off. */
  public DetectionSpec withEnabled(boolean on) {
    return new DetectionSpec(on, baseline, threshold, critical, radius, windows, closeAfter);
  }

  /** The same settings without the baseline's path, once the baseline itself is loaded. */
  public DetectionSpec withoutFile() {
    return new DetectionSpec(enabled, null, threshold, critical, radius, windows, closeAfter);
  }
}
