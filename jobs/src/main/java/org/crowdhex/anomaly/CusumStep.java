package org.crowdhex.anomaly;

/**
 * One window's outcome of a {@link PoissonCusum}.
 *
 * @param statistic the CUSUM statistic S after the window, in nats, 0 or more
 * @param alarm whether S has reached the decision threshold h
 * @param crossed whether this window took S to h from below: the first window of an alarm
 * @param windowsSinceZero windows since S last stood at 0: an estimate of how long the build-up has
 *     been going on, which Page's CUSUM gives as the change point
 */
public record CusumStep(double statistic, boolean alarm, boolean crossed, int windowsSinceZero) {
  public CusumStep {
    if (!(statistic >= 0) || Double.isInfinite(statistic)) {
      throw new IllegalArgumentException(
          "the CUSUM statistic is " + statistic + "; accepted: a finite number, 0 or more");
    }
    if (crossed && !alarm) {
      throw new IllegalArgumentException(
          "the step crossed the threshold without an alarm; accepted: crossed only with alarm");
    }
    if (windowsSinceZero < 0) {
      throw new IllegalArgumentException(
          "the windows since zero are " + windowsSinceZero + "; accepted: 0 or more");
    }
  }
}
