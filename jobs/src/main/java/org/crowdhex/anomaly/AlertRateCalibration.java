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

  /**
   * The level at which each window would open an alert under the rule, whatever the threshold t:
   * the window opens one when its score and one of the two before it pass t, or its score alone
   * passes the critical level {@code criticalRatio · t}. So window w opens at every t below {@code
   * max(min(s[w], max(s[w-1], s[w-2])), s[w] / criticalRatio)}. (Ignoring that an alert already
   * open opens nothing: levels over-count, which errs toward higher thresholds.)
   */
  public static double[] openingLevels(double[] scores, double criticalRatio) {
    double[] levels = new double[scores.length];
    for (int w = 0; w < scores.length; w++) {
      double before = Math.max(w >= 1 ? scores[w - 1] : 0, w >= 2 ? scores[w - 2] : 0);
      levels[w] = Math.max(Math.min(scores[w], before), scores[w] / criticalRatio);
    }
    return levels;
  }

  /**
   * The highest opening level of each day: windows grouped into days of 24 hours from {@code
   * firstDay} (epoch ms), days without any window counted as 0.
   *
   * @param starts each window's start, epoch ms, ascending
   * @param levels each window's opening level
   * @param days how many days the history spans
   */
  public static double[] dailyMaxima(long[] starts, double[] levels, long firstDay, int days) {
    double[] max = new double[days];
    for (int w = 0; w < starts.length; w++) {
      int d = (int) Math.floorDiv(starts[w] - firstDay, 86_400_000L);
      if (d >= 0 && d < days) max[d] = Math.max(max[d], levels[w]);
    }
    return max;
  }

  /**
   * A Gumbel distribution fitted to daily maxima by the method of moments: location μ = mean −
   * 0.5772·β and scale β = sd·√6/π. The maximum of many windows' scan statistics under no event is
   * close to Gumbel (the approximation scan statistics use for p-values), which lets a recurrence
   * longer than the history be read from it.
   *
   * @param location μ
   * @param scale β, above 0
   */
  public record Gumbel(double location, double scale) {
    private static final double EULER = 0.5772156649015329;

    /** Fits the daily maxima (at least 2, not all equal). */
    public static Gumbel fit(double[] maxima) {
      if (maxima.length < 2) {
        throw new IllegalArgumentException(
            maxima.length + " daily maxima; accepted: at least 2 days of history to fit");
      }
      double mean = Arrays.stream(maxima).average().orElse(0);
      double var = 0;
      for (double m : maxima) var += (m - mean) * (m - mean);
      var /= maxima.length - 1;
      double scale = Math.sqrt(var) * Math.sqrt(6) / Math.PI;
      if (!(scale > 0)) {
        throw new IllegalArgumentException(
            "the daily maxima are all " + mean + "; accepted: maxima that vary from day to day");
      }
      return new Gumbel(mean - EULER * scale, scale);
    }

    /** The level a day's maximum passes once in {@code days} days on average. */
    public double returnLevel(double days) {
      return location - scale * Math.log(-Math.log1p(-1 / days));
    }

    /** How many days pass on average between days whose maximum passes {@code level}. */
    public double returnPeriod(double level) {
      return 1 / -Math.expm1(-Math.exp(-(level - location) / scale));
    }
  }

  /**
   * Calibrates for a recurrence longer than the history: fits a {@link Gumbel} to each venue's
   * daily maximum opening level and takes the highest of the venues' {@code daysPerFalseAlert}-day
   * return levels.
   *
   * @param dailyMaxima each venue's daily maximum opening levels ({@link #dailyMaxima})
   * @param daysPerFalseAlert N: at most one alert per N days per venue, above 1
   * @param criticalRatio the critical level as a multiple of the threshold (&gt; 1)
   */
  public static ScanThresholds extrapolate(
      Collection<double[]> dailyMaxima, double daysPerFalseAlert, double criticalRatio) {
    if (!(daysPerFalseAlert > 1)) {
      throw new IllegalArgumentException(
          "days per false alert is " + daysPerFalseAlert + "; accepted: more than 1 day");
    }
    if (!(criticalRatio > 1)) {
      throw new IllegalArgumentException(
          "critical ratio is " + criticalRatio + "; accepted: a number above 1");
    }
    double threshold = 0;
    for (double[] maxima : dailyMaxima) {
      if (Arrays.stream(maxima).allMatch(m -> m == maxima[0])) continue; // a silent venue
      threshold = Math.max(threshold, Gumbel.fit(maxima).returnLevel(daysPerFalseAlert));
    }
    if (!(threshold > 0)) {
      throw new IllegalArgumentException(
          "no venue's scores vary from day to day; accepted: history with posts at the venues");
    }
    return new ScanThresholds(threshold, threshold * criticalRatio);
  }
}
