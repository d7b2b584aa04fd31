package org.crowdhex.anomaly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
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
}
