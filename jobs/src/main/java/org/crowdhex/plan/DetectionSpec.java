package org.crowdhex.plan;

import java.io.Serializable;
import java.nio.file.Path;
import java.time.Duration;

/**
 * How the monitor detects crowds far above what is normal for the place and hour.
 *
 * @param enabled whether detection runs
 * @param baseline the baseline file ({@code crowdhex baseline}), or null: then expectations are
 *     learned from the stream's own first {@code warmUp} (the online fallback)
 * @param threshold the scan score that counts as a hit (2 hits in 3 windows open an alert)
 * @param critical the scan score that opens an alert at once
 * @param radius the scan neighbourhood: H3 grid distance 1 (7 cells) or 2 (19 cells)
 * @param windows how many recent windows a scan region may span (1 to 6)
 * @param closeAfter windows below half the threshold that close an alert
 * @param daysPerFalseAlert N of "one false alert per N days per venue", the rate {@code crowdhex
 *     calibrate} sets the thresholds for
 * @param buildUpRatio k of the per-cell CUSUMs that catch slow build-ups: the rise in the crowd
 *     they are tuned to (2: a doubling); 0 switches them off
 * @param warmUp without a baseline file: how much of the stream the expectations are learned from
 *     (whole slides, after the first window); alerts until then are marked "no baseline yet"
 * @param volumeRescale whether expectations follow the platform's volume: multiplied by the
 *     smoothed median over the venues of observed / expected ({@code PlatformVolume}); needs a
 *     baseline file and at least three venues
 */
public record DetectionSpec(
    boolean enabled,
    Path baseline,
    double threshold,
    double critical,
    int radius,
    int windows,
    int closeAfter,
    double daysPerFalseAlert,
    double buildUpRatio,
    Duration warmUp,
    boolean volumeRescale)
    implements Serializable {

  /** The build-up CUSUMs look for a doubling of a cell's crowd unless the plan says otherwise. */
  public static final double DEFAULT_BUILD_UP_RATIO = 2;

  /** Without a baseline file, expectations are learned from the stream's first hour. */
  public static final Duration DEFAULT_WARM_UP = Duration.ofHours(1);

  /** One false alert per 30 days per venue unless the plan says otherwise. */
  public static final double DEFAULT_DAYS_PER_FALSE_ALERT = 30;

  public static final DetectionSpec OFF =
      new DetectionSpec(
          false,
          null,
          12,
          40,
          1,
          3,
          3,
          DEFAULT_DAYS_PER_FALSE_ALERT,
          DEFAULT_BUILD_UP_RATIO,
          DEFAULT_WARM_UP,
          false);

  /** Settings with the default false-alert rate. */
  public DetectionSpec(
      boolean enabled,
      Path baseline,
      double threshold,
      double critical,
      int radius,
      int windows,
      int closeAfter) {
    this(
        enabled,
        baseline,
        threshold,
        critical,
        radius,
        windows,
        closeAfter,
        DEFAULT_DAYS_PER_FALSE_ALERT,
        DEFAULT_BUILD_UP_RATIO,
        DEFAULT_WARM_UP,
        false);
  }

  /** What the detector compares the counts with, for people: a line to put after "detection". */
  public String describe() {
    if (!enabled) return "off";
    String rule = "threshold " + threshold + ", critical " + critical;
    if (baseline != null) {
      return "against the baseline " + baseline.getFileName() + " (" + rule + ")";
    }
    return "without a baseline file: each venue learns its expected crowd from its first "
        + Durations.format(warmUp)
        + " of posts, the same for every hour; alerts until then are marked \"no baseline yet\""
        + " (learn one with crowdhex baseline for the daily rhythm; "
        + rule
        + ")";
  }

  /** Whether the per-cell build-up CUSUMs run. */
  public boolean buildUps() {
    return buildUpRatio > 0;
  }

  /** The same settings switched on or off. */
  public DetectionSpec withEnabled(boolean on) {
    return new DetectionSpec(
        on,
        baseline,
        threshold,
        critical,
        radius,
        windows,
        closeAfter,
        daysPerFalseAlert,
        buildUpRatio,
        warmUp,
        volumeRescale);
  }

  /** The same settings without the baseline's path, once the baseline itself is loaded. */
  public DetectionSpec withoutFile() {
    return new DetectionSpec(
        enabled,
        null,
        threshold,
        critical,
        radius,
        windows,
        closeAfter,
        daysPerFalseAlert,
        buildUpRatio,
        warmUp,
        volumeRescale);
  }
}
