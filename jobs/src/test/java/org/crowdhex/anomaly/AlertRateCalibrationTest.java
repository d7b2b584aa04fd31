package org.crowdhex.anomaly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class AlertRateCalibrationTest {

  @Test
  void countsOpeningsAsTheLifecycleWould() {
    double[] scores = {0, 11, 0, 11, 0, 0, 0, 0, 30, 0, 0, 0, 11, 11, 0};
    // At 10: 2 of 3 at windows 1-3 opens; closes after 3 low; 30 opens at once (critical 25);
    // closes; 11, 11 opens again.
    assertThat(AlertRateCalibration.openings(scores, 10, 25, 3)).isEqualTo(3);
    // At 12 only the critical window opens (critical 30 is not exceeded by 30: strict).
    assertThat(AlertRateCalibration.openings(scores, 12, 29, 3)).isEqualTo(1);
    assertThat(AlertRateCalibration.openings(scores, 12, 30, 3)).isZero();
  }

  @Test
  void picksTheLowestThresholdWithAtMostOneAlertPerNDays() {
    double[] quiet = {1, 2, 1, 3, 2, 1, 2, 1};
    double[] noisy = {1, 9, 9, 1, 1, 1, 1, 8, 8, 1, 1, 1, 1, 1};
    ScanThresholds t = AlertRateCalibration.calibrate(List.of(quiet, noisy), 2, 2, 2, 3);
    // One alert allowed per venue: at 8 the noisy venue would open twice (9,9 and 8,8 — the
    // second not above 8 but the first pair is); the lowest threshold with at most one is 8.
    assertThat(AlertRateCalibration.maxOpenings(List.of(quiet, noisy), t.threshold(), 2, 3))
        .isLessThanOrEqualTo(1);
    assertThat(AlertRateCalibration.maxOpenings(List.of(quiet, noisy), 7.9, 2, 3)).isEqualTo(2);
    assertThat(t.threshold()).isGreaterThan(8).isLessThan(8.01);
    assertThat(t.critical()).isEqualTo(t.threshold() * 2);
  }

  @Test
  void refusesAHistoryShorterThanTheRecurrence() {
    assertThatThrownBy(() -> AlertRateCalibration.calibrate(List.of(new double[] {1}), 3, 30, 2, 3))
        .hasMessageContaining("spans 3.0 days; accepted: at least 30.0 days");
  }

  @Test
  void aWindowOpensBelowItsOpeningLevelAndNotAbove() {
    double[] scores = {0, 11, 0, 11, 0, 30, 0, 5};
    double[] levels = AlertRateCalibration.openingLevels(scores, 2);
    // Window 1: 11 alone passes a critical level of 2·t below 5.5; window 3: 11 with 11 two
    // windows before; window 5: 30 alone passes a critical level below 15.
    assertThat(levels).containsExactly(new double[] {0, 5.5, 0, 11, 0, 15, 0, 5}, within(1e-12));
    // Just below window 3's level the rule opens there; at it, it does not (2 of 3 above t).
    assertThat(AlertRateCalibration.openings(Arrays.copyOf(scores, 4), 10.9, 21.8, 100))
        .isEqualTo(1);
    assertThat(AlertRateCalibration.openings(Arrays.copyOf(scores, 4), 11, 22, 100)).isZero();
    // Window 5 opens alone below 15 (30 > 2·t) and not at 15.
    assertThat(AlertRateCalibration.openings(Arrays.copyOfRange(scores, 4, 6), 14.9, 29.8, 100))
        .isEqualTo(1);
    assertThat(AlertRateCalibration.openings(Arrays.copyOfRange(scores, 4, 6), 15, 30, 100))
        .isZero();
  }

  @Test
  void dailyMaximaGroupWindowsIntoDaysAndCountSilentDaysAsZero() {
    long day = 86_400_000L;
    long[] starts = {0, 3_600_000, day + 5, 3 * day + 10};
    double[] levels = {2, 7, 3, 1};
    assertThat(AlertRateCalibration.dailyMaxima(starts, levels, 0, 4)).containsExactly(7, 3, 0, 1);
  }

  @Test
  void aGumbelFitRecoversItsParametersAndReadsReturnLevels() {
    SplittableRandom random = new SplittableRandom(5);
    double[] maxima = new double[20_000];
    for (int i = 0; i < maxima.length; i++) {
      maxima[i] = 10 - 2 * Math.log(-Math.log(random.nextDouble())); // Gumbel(10, 2)
    }
    AlertRateCalibration.Gumbel g = AlertRateCalibration.Gumbel.fit(maxima);
    assertThat(g.location()).isCloseTo(10, within(0.1));
    assertThat(g.scale()).isCloseTo(2, within(0.05));
    // Once in 100 days: about 10 + 2 · 4.6; and the return period inverts the level.
    assertThat(g.returnLevel(100)).isCloseTo(10 - 2 * Math.log(-Math.log(0.99)), within(0.3));
    assertThat(g.returnPeriod(g.returnLevel(90))).isCloseTo(90, within(1e-6));
    // Empirically: the share of days above the 10-day level is about 1 in 10.
    double level = g.returnLevel(10);
    long above = Arrays.stream(maxima).filter(m -> m > level).count();
    assertThat(above / (double) maxima.length).isCloseTo(0.1, within(0.01));
  }

  @Test
  void extrapolatesToTheStrictestVenueAndSkipsSilentOnes() {
    double[] calm = {1, 2, 1, 2, 1, 2, 1, 2};
    double[] wild = {1, 9, 2, 8, 1, 7, 3, 9};
    double[] silent = {0, 0, 0, 0, 0, 0, 0, 0};
    ScanThresholds t = AlertRateCalibration.extrapolate(List.of(calm, wild, silent), 60, 2);
    assertThat(t.threshold())
        .isEqualTo(AlertRateCalibration.Gumbel.fit(wild).returnLevel(60))
        .isGreaterThan(9);
    assertThat(t.critical()).isEqualTo(2 * t.threshold());
    assertThatThrownBy(() -> AlertRateCalibration.extrapolate(List.of(silent), 60, 2))
        .hasMessageContaining("no venue's scores vary");
  }
}
