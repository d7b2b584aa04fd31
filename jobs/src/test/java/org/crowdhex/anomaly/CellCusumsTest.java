package org.crowdhex.anomaly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The per-cell build-up CUSUMs of one venue. */
class CellCusumsTest {
  private static final double LN2 = Math.log(2);

  @Test
  void aCellThatKeepsDoublingReachesTheThresholdAndStartsAgain() {
    // k = 2, h = 5 nats; cell 0 expects 2 and sees 6 each window: S grows by 6 ln 2 − 2 = 2.16.
    CellCusums c = new CellCusums(2, 2, 5);
    double step = 6 * LN2 - 2;

    assertThat(c.update(new int[] {6, 1}, new double[] {2, 2})).isEmpty();
    assertThat(c.statistic[0]).isCloseTo(step, within(1e-12));
    assertThat(c.statistic[1]).isZero(); // 1 · ln 2 − 2 < 0: floored
    assertThat(c.update(new int[] {6, 1}, new double[] {2, 2})).isEmpty();
    List<CellCusums.CusumAlarm> third = c.update(new int[] {6, 1}, new double[] {2, 2});

    assertThat(third)
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.index()).isZero();
              assertThat(a.statistic()).isCloseTo(3 * step, within(1e-12));
              assertThat(a.windows()).isEqualTo(3);
              assertThat(a.observed()).isEqualTo(18);
              assertThat(a.expected()).isEqualTo(6);
            });
    assertThat(c.statistic[0]).isZero();
    assertThat(c.isQuiet()).isTrue();
  }

  @Test
  void smallExpectationsAreRaisedToTheFloor() {
    CellCusums c = new CellCusums(1, 2, 100);
    c.update(new int[] {1}, new double[] {0.01});
    assertThat(c.statistic[0]).isCloseTo(LN2 - PoissonScore.MIN_EXPECTED, within(1e-12));
    assertThat(c.expected[0]).isEqualTo(PoissonScore.MIN_EXPECTED);
  }

  @Test
  void theThresholdBoundsFalseAlarmsToOnePerNDaysPerVenue() {
    // 30 days of 15-minute windows at 40 cells: h = ln(30 · 96 · 40).
    double h = CellCusums.thresholdFor(30, 96, 40);
    assertThat(h).isCloseTo(Math.log(115_200), within(1e-12));
    // Simulated: 40 cells at their expectation for 300 days raise far fewer than 10 alarms.
    SplittableRandom random = new SplittableRandom(3);
    CellCusums c = new CellCusums(40, 2, h);
    double[] expected = new double[40];
    for (int i = 0; i < 40; i++) expected[i] = 0.5 + i * 0.1;
    int alarms = 0;
    int[] counts = new int[40];
    for (int w = 0; w < 300 * 96; w++) {
      for (int i = 0; i < 40; i++) counts[i] = poisson(random, expected[i]);
      alarms += c.update(counts, expected).size();
    }
    assertThat(alarms).isLessThanOrEqualTo(10);
  }

  @Test
  void refusesSettingsThatCannotWork() {
    assertThatThrownBy(() -> new CellCusums(3, 1, 5)).hasMessageContaining("rate ratio is 1.0");
    assertThatThrownBy(() -> new CellCusums(3, 2, 0)).hasMessageContaining("threshold is 0.0");
    assertThatThrownBy(() -> new CellCusums(2, 2, 5).update(new int[] {1}, new double[] {1, 1}))
        .hasMessageContaining("for the 2 cells");
  }

  private static int poisson(SplittableRandom random, double mean) {
    double l = Math.exp(-mean);
    int k = 0;
    double p = random.nextDouble();
    while (p > l) {
      k++;
      p *= random.nextDouble();
    }
    return k;
  }
}
