package org.crowdhex.anomaly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ScanThresholdsTest {
  /** The scores 1, 2, ..., 100 as a hundred days' maxima, shuffled by a stride of 37. */
  private static final double[] HUNDRED_DAYS =
      IntStream.range(0, 100).mapToDouble(i -> 1 + (i * 37) % 100).toArray();

  @Test
  void quantileInterpolatesBetweenOrderStatistics() {
    double[] ascending = {1, 2, 4, 8};
    assertThat(ScanThresholds.quantile(ascending, 0)).isEqualTo(1);
    assertThat(ScanThresholds.quantile(ascending, 1)).isEqualTo(8);
    assertThat(ScanThresholds.quantile(ascending, 0.5)).isCloseTo(3, within(1e-12));
    assertThat(ScanThresholds.quantile(ascending, 0.9)).isCloseTo(4 + 0.7 * 4, within(1e-12));
    assertThat(ScanThresholds.quantile(new double[] {7}, 0.3)).isEqualTo(7);
  }

  @Test
  void longHistoryGivesEmpiricalQuantilesForBothLevels() {
    // N = 5: the 0.8-quantile at position 79.2, between 80 and 81; critical: 0.98 at 97.02.
    ScanThresholds thresholds = ScanThresholds.fromEventFreeDailyMaxima(HUNDRED_DAYS, 5);

    assertThat(thresholds.threshold()).isCloseTo(80.2, within(1e-9));
    assertThat(thresholds.critical()).isCloseTo(98.02, within(1e-9));
  }

  @Test
  void shortHistoryExtrapolatesTheCriticalLevelAlongTheGumbelTail() {
    // N = 20: the 0.95-quantile at position 94.05 is 95.05; 200 days would be needed for the
    // 0.995-quantile, so it is the threshold plus β ln 10 with β = s √6 / π.
    ScanThresholds thresholds = ScanThresholds.fromEventFreeDailyMaxima(HUNDRED_DAYS, 20);

    double s = Math.sqrt(100 * 101 / 12.0); // sample standard deviation of 1..100
    assertThat(thresholds.threshold()).isCloseTo(95.05, within(1e-9));
    assertThat(thresholds.critical())
        .isCloseTo(95.05 + s * Math.sqrt(6) / Math.PI * Math.log(10), within(1e-9));
  }

  @Test
  void alertsAreScoresAboveTheLevels() {
    ScanThresholds thresholds = new ScanThresholds(8, 12);
    assertThat(thresholds.isAlert(8)).isFalse();
    assertThat(thresholds.isAlert(8.5)).isTrue();
    assertThat(thresholds.isCritical(8.5)).isFalse();
    assertThat(thresholds.isCritical(12.5)).isTrue();
  }

  @Test
  void rejectsLevelsOutOfOrderOrOutOfRange() {
    assertThatThrownBy(() -> new ScanThresholds(-1, 2)).hasMessageContaining("threshold is -1.0");
    assertThatThrownBy(() -> new ScanThresholds(5, 4))
        .hasMessageContaining("critical level is 4.0");
    assertThatThrownBy(() -> new ScanThresholds(Double.NaN, 4))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ScanThresholds(1, Double.POSITIVE_INFINITY))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void rejectsHistoriesTooShortOrBrokenForTheRecurrence() {
    assertThatThrownBy(() -> ScanThresholds.fromEventFreeDailyMaxima(new double[10], 30))
        .hasMessageContaining("has 10 days; accepted: at least 30 days");
    assertThatThrownBy(() -> ScanThresholds.fromEventFreeDailyMaxima(HUNDRED_DAYS, 1))
        .hasMessageContaining("above 1");
    double[] broken = HUNDRED_DAYS.clone();
    broken[3] = Double.NaN;
    assertThatThrownBy(() -> ScanThresholds.fromEventFreeDailyMaxima(broken, 5))
        .hasMessageContaining("day 3 is NaN");
  }
}
