package org.crowdhex.anomaly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PoissonCusumTest {

  @Test
  void crossesTheThresholdAfterTheWorkedOutNumberOfWindows() {
    // Each window adds 3 ln 2 − 1 = 1.079 nats: 4.32 after four windows, 5.40 after five.
    PoissonCusum cusum = new PoissonCusum(2, 5);
    for (int window = 1; window <= 4; window++) {
      CusumStep step = cusum.update(3, 1);
      assertThat(step.statistic()).isCloseTo(window * (3 * Math.log(2) - 1), within(1e-12));
      assertThat(step.alarm()).isFalse();
      assertThat(step.windowsSinceZero()).isEqualTo(window);
    }
    CusumStep fifth = cusum.update(3, 1);
    assertThat(fifth.alarm()).isTrue();
    assertThat(fifth.crossed()).isTrue();
    assertThat(fifth.statistic()).isCloseTo(5 * (3 * Math.log(2) - 1), within(1e-12));

    CusumStep sixth = cusum.update(3, 1);
    assertThat(sixth.alarm()).isTrue();
    assertThat(sixth.crossed()).isFalse();
  }

  @Test
  void findsASlowBuildUpThatNoSingleWindowShows() {
    // 15 authors where 10 are expected: one window scores only 1.08 nats, but each adds
    // 15 ln 2 − 10 = 0.397 to the CUSUM, which passes ln 2016 = 7.609 in the 20th window.
    assertThat(PoissonScore.score(15, 10)).isLessThan(1.1);
    PoissonCusum cusum = new PoissonCusum();
    int firstAlarm = 0;
    for (int window = 1; window <= 30 && firstAlarm == 0; window++) {
      if (cusum.update(15, 10).crossed()) {
        firstAlarm = window;
      }
    }
    assertThat(firstAlarm).isEqualTo(20);
  }

  @Test
  void staysNearZeroWhileTheCrowdFollowsTheBaseline() {
    SplittableRandom random = new SplittableRandom(1L);
    PoissonCusum cusum = new PoissonCusum();
    int atZero = 0;
    double sum = 0;
    int alarms = 0;
    int windows = 10_000;
    for (int w = 0; w < windows; w++) {
      CusumStep step = cusum.update(PoissonCusum.poisson(random, 5), 5);
      atZero += step.statistic() == 0 ? 1 : 0;
      sum += step.statistic();
      alarms += step.crossed() ? 1 : 0;
    }
    assertThat(atZero).isGreaterThan(windows / 2);
    assertThat(sum / windows).isLessThan(1);
    // ARL₀ ≥ e^h ≈ 2016 windows: a handful of false alarms at most in 10,000.
    assertThat(alarms).isLessThanOrEqualTo(10);
  }

  @Test
  void risesAfterTheCrowdDoubles() {
    SplittableRandom random = new SplittableRandom(2L);
    PoissonCusum cusum = new PoissonCusum();
    for (int w = 0; w < 100; w++) {
      assertThat(cusum.update(PoissonCusum.poisson(random, 8), 8).alarm()).isFalse();
    }
    int windowsToAlarm = 0;
    while (!cusum.update(PoissonCusum.poisson(random, 16), 8).alarm()) {
      windowsToAlarm++;
      assertThat(windowsToAlarm).isLessThan(20);
    }
    // Each doubled window adds 16 ln 2 − 8 = 3.09 nats on average: about three to reach 7.6.
    assertThat(windowsToAlarm).isBetween(1, 10);
  }

  @Test
  void resetStartsOver() {
    PoissonCusum cusum = new PoissonCusum(2, 5);
    for (int w = 0; w < 6; w++) {
      cusum.update(3, 1);
    }
    cusum.reset();
    assertThat(cusum.statistic).isZero();
    assertThat(cusum.windowsSinceZero).isZero();
    CusumStep step = cusum.update(3, 1);
    assertThat(step.statistic()).isCloseTo(3 * Math.log(2) - 1, within(1e-12));
    assertThat(step.alarm()).isFalse();
  }

  @Test
  void aQuietWindowPullsTheStatisticBackToZero() {
    PoissonCusum cusum = new PoissonCusum(2, 50);
    cusum.update(3, 1);
    CusumStep quiet = cusum.update(0, 4);
    assertThat(quiet.statistic()).isZero();
    assertThat(quiet.windowsSinceZero()).isZero();
  }

  @Test
  void rejectsRatiosAndThresholdsThatDetectNothing() {
    assertThatThrownBy(() -> new PoissonCusum(1, 5)).hasMessageContaining("rate ratio k is 1.0");
    assertThatThrownBy(() -> new PoissonCusum(0.5, 5)).hasMessageContaining("above 1");
    assertThatThrownBy(() -> new PoissonCusum(Double.NaN, 5))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new PoissonCusum(2, 0)).hasMessageContaining("threshold h is 0.0");
    assertThatThrownBy(() -> new PoissonCusum(2, -1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new PoissonCusum(2, Double.POSITIVE_INFINITY))
        .isInstanceOf(IllegalArgumentException.class);

    PoissonCusum restored = new PoissonCusum();
    restored.rateRatio = 0.9;
    assertThatThrownBy(() -> restored.update(1, 1)).hasMessageContaining("rate ratio k is 0.9");
    PoissonCusum cusum = new PoissonCusum();
    assertThatThrownBy(() -> cusum.update(-1, 1)).hasMessageContaining("observed count is -1");
    assertThatThrownBy(() -> cusum.update(1, Double.NaN))
        .hasMessageContaining("expected count is NaN");
  }

  @Test
  void simulatedFalseAlarmRateRespectsLordensBound() {
    double h = 4;
    double rate = PoissonCusum.falseAlarmRate(2, h, 3, 200_000, 99L);
    // ARL₀ ≥ e^h, so at most e^−h = 1.8% of windows raise an alarm; overshoot makes it fewer.
    assertThat(rate).isPositive().isLessThan(Math.exp(-h));
    assertThat(PoissonCusum.falseAlarmRate(2, h, 3, 200_000, 99L)).isEqualTo(rate);
    assertThat(PoissonCusum.falseAlarmRate(2, h + 2, 3, 200_000, 99L)).isLessThan(rate);
  }

  @Test
  void simulationRejectsBadSettings() {
    assertThatThrownBy(() -> PoissonCusum.falseAlarmRate(2, 4, 0, 100, 1))
        .hasMessageContaining("expected count is 0.0");
    assertThatThrownBy(() -> PoissonCusum.falseAlarmRate(2, 4, 1, 0, 1))
        .hasMessageContaining("0 windows");
    assertThatThrownBy(() -> PoissonCusum.falseAlarmRate(1, 4, 1, 100, 1))
        .hasMessageContaining("rate ratio");
  }

  @Test
  void poissonDrawsHaveTheirMeanAndVarianceForLargeMeans() {
    SplittableRandom random = new SplittableRandom(5L);
    int draws = 20_000;
    double sum = 0;
    double squares = 0;
    for (int i = 0; i < draws; i++) {
      int x = PoissonCusum.poisson(random, 75);
      sum += x;
      squares += (double) x * x;
    }
    double mean = sum / draws;
    assertThat(mean).isCloseTo(75, within(0.5));
    assertThat(squares / draws - mean * mean).isCloseTo(75, within(5.0));
  }
}
