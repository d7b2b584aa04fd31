package org.crowdhex.anomaly;

import java.util.Arrays;
import java.util.Collection;

/**
 * Calibrates the alert thresholds against the alert rule itself: on event-free history, how many
 * alerts would the lifecycle open (2 hits in 3 windows at the threshold, or one window at the
 * critical level; closed after K windows below half the threshold)? The threshold is the lowest at
 * which no venue opens more than one alert per N days, with the critical level a fixed multiple of
 * it. Reading a quantile of daily maxima ignores both the 2-of-3 rule and the critical level, which
 * alone can open an alert; replaying the rule counts what planners get.
 */
public final class AlertRateCalibration {
  private AlertRateCalibration() {}

  /**
   * @param venues each venue's window scores in time order (one per scanned window)
   * @param days how many days the history spans
   * @param daysPerFalseAlert N: at most one alert per N days per venue
   * @param criticalRatio the critical level as a multiple of the threshold (&gt; 1)
   * @param closeAfter windows below half the threshold that close an alert
   * @return the thresholds
   */
  public static ScanThresholds calibrate(
      Collection<double[]> venues,
      double days,
      double daysPerFalseAlert,
      double criticalRatio,
      int closeAfter) {
    if (!(days >= daysPerFalseAlert)) {
      throw new IllegalArgumentException(
          "the history spans "
              + days
              + " days; accepted: at least "
              + daysPerFalseAlert
              + " days, since a rarer recurrence than the history is long cannot be read from it");
    }
    if (!(criticalRatio > 1)) {
      throw new IllegalArgumentException(
          "critical ratio is " + criticalRatio + "; accepted: a number above 1");
    }
    double allowed = Math.floor(days / daysPerFalseAlert);
    double[] candidates =
        venues.stream()
            .flatMapToDouble(Arrays::stream)
            .filter(s -> s > 0)
            .sorted()
            .distinct()
            .toArray();
    double chosen = candidates.length == 0 ? 1 : candidates[candidates.length - 1] * 1.01;
    int lo = 0, hi = candidates.length - 1;
    while (lo <= hi) { // the fewest alerts come with the highest threshold: search the lowest ok
      int mid = (lo + hi) >>> 1;
      if (maxOpenings(venues, candidates[mid], criticalRatio, closeAfter) <= allowed) {
        chosen = candidates[mid];
        hi = mid - 1;
      } else {
        lo = mid + 1;
      }
    }
    // Strictly above the score that would still open: thresholds alert on score > threshold.
    double threshold = Math.nextUp(chosen);
    return new ScanThresholds(threshold, threshold * criticalRatio);
  }

  /** The most alerts any venue's history opens under the rule at threshold t. */
  static int maxOpenings(
      Collection<double[]> venues, double t, double criticalRatio, int closeAfter) {
    int max = 0;
    for (double[] scores : venues) {
      max = Math.max(max, openings(scores, t, t * criticalRatio, closeAfter));
    }
    return max;
  }

  /** Alerts the lifecycle opens on one venue's scores. */
  public static int openings(double[] scores, double t, double critical, int closeAfter) {
    int opened = 0;
    boolean open = false;
    int low = 0;
    boolean hit1 = false, hit2 = false; // the two windows before this one
    for (double s : scores) {
      boolean hit = s > t;
      if (!open) {
        int hits = (hit ? 1 : 0) + (hit1 ? 1 : 0) + (hit2 ? 1 : 0);
        if (s > critical || hits >= 2) {
          open = true;
          opened++;
          low = 0;
        }
      } else if (s < t / 2) {
        if (++low >= closeAfter) {
          open = false;
          hit1 = false;
          hit2 = false;
          continue;
        }
      } else {
        low = 0;
      }
      hit2 = hit1;
      hit1 = hit;
    }
    return opened;
  }
}
