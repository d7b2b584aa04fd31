package org.crowdhex.alert;

/**
 * The rules that turn scores into alerts. Scores are those of the scan statistic (the Poisson
 * log-likelihood ratio, dimensionless); counts of windows are counts of consecutive window slides.
 *
 * <ul>
 *   <li>A window is a <em>hit</em> when its strongest incident scores at least {@code threshold}.
 *       An alert opens when {@code openHits} of the last {@code openWindows} windows are hits
 *       (default 2 of 3), or at once when one window scores at least {@code critical}.
 *   <li>An open alert <em>holds</em> in every window that scores at least half the threshold; such
 *       a window is published as an update and ends any run of low windows.
 *   <li>It closes after {@code closeAfter} consecutive windows below half the threshold (windows
 *       with no detection at all count as below).
 *   <li>Severity: {@code LOW} from the threshold, {@code MEDIUM} from {@code mediumMultiple} times
 *       the threshold, {@code HIGH} from {@code highMultiple} times it, {@code CRITICAL} from the
 *       critical level. An alert escalates, and notifies again, only when it reaches a severity
 *       above every severity it had.
 * </ul>
 *
 * @param threshold the score that makes a window a hit; above 0
 * @param critical the score that opens an alert in a single window; above the threshold
 * @param openHits hits needed among the last {@code openWindows} windows; 1 to openWindows
 * @param openWindows how many recent windows the opening rule looks at; 1 to 64
 * @param closeAfter consecutive windows below half the threshold that close an alert; 1 or more
 * @param mediumMultiple multiple of the threshold where {@code MEDIUM} starts; above 1
 * @param highMultiple multiple of the threshold where {@code HIGH} starts; above mediumMultiple
 */
public record AlertPolicy(
    double threshold,
    double critical,
    int openHits,
    int openWindows,
    int closeAfter,
    double mediumMultiple,
    double highMultiple) {

  /** Default opening rule: 2 hits in 3 windows. */
  public static final int DEFAULT_OPEN_HITS = 2;

  /** Default opening rule: 2 hits in 3 windows. */
  public static final int DEFAULT_OPEN_WINDOWS = 3;

  /** Default closing run: 3 windows below half the threshold. */
  public static final int DEFAULT_CLOSE_AFTER = 3;

  public AlertPolicy {
    if (!(threshold > 0) || !Double.isFinite(threshold)) {
      throw new IllegalArgumentException(
          "alert threshold is " + threshold + "; accepted: a finite score above 0");
    }
    if (!(critical > threshold) || !Double.isFinite(critical)) {
      throw new IllegalArgumentException(
          "alert critical level is "
              + critical
              + "; accepted: a finite score above the threshold ("
              + threshold
              + ")");
    }
    if (openWindows < 1 || openWindows > 64) {
      throw new IllegalArgumentException(
          "alert open_windows is " + openWindows + "; accepted: 1 to 64 windows");
    }
    if (openHits < 1 || openHits > openWindows) {
      throw new IllegalArgumentException(
          "alert open_hits is " + openHits + "; accepted: 1 to open_windows (" + openWindows + ")");
    }
    if (closeAfter < 1) {
      throw new IllegalArgumentException(
          "alert close_after is " + closeAfter + "; accepted: 1 or more windows");
    }
    if (!(mediumMultiple > 1) || !Double.isFinite(mediumMultiple)) {
      throw new IllegalArgumentException(
          "alert medium multiple is "
              + mediumMultiple
              + "; accepted: a finite multiple of the threshold above 1");
    }
    if (!(highMultiple > mediumMultiple) || !Double.isFinite(highMultiple)) {
      throw new IllegalArgumentException(
          "alert high multiple is "
              + highMultiple
              + "; accepted: a finite multiple above the medium multiple ("
              + mediumMultiple
              + ")");
    }
  }

  /**
   * The default rules around a threshold and critical level: 2 of 3 windows to open, 3 windows
   * below half the threshold to close, {@code MEDIUM} from 2× and {@code HIGH} from 4× the
   * threshold.
   */
  public static AlertPolicy of(double threshold, double critical) {
    return new AlertPolicy(
        threshold,
        critical,
        DEFAULT_OPEN_HITS,
        DEFAULT_OPEN_WINDOWS,
        DEFAULT_CLOSE_AFTER,
        2.0,
        4.0);
  }

  /** Below this score a window counts toward closing an open alert. */
  public double holdLevel() {
    return threshold / 2;
  }

  /** Whether a window with this score counts toward opening an alert. */
  public boolean isHit(double score) {
    return score >= threshold;
  }

  /** Whether an open alert holds in a window with this score. */
  public boolean holds(double score) {
    return score >= holdLevel();
  }

  /**
   * The severity of a score. Scores below the threshold (an open alert that still holds) are {@code
   * LOW}: an alert never falls below its opening severity.
   */
  public Severity severityOf(double score) {
    // The critical level is checked first so it counts even when set below a multiple.
    if (score >= critical) return Severity.CRITICAL;
    if (score >= threshold * highMultiple) return Severity.HIGH;
    if (score >= threshold * mediumMultiple) return Severity.MEDIUM;
    return Severity.LOW;
  }
}
