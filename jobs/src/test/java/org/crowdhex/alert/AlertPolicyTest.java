package org.crowdhex.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Severity bounds and the policy's validation. */
class AlertPolicyTest {
  @Test
  void severityGrowsWithMultiplesOfTheThresholdAndTheCriticalLevel() {
    AlertPolicy policy = AlertPolicy.of(10, 50);

    assertThat(policy.severityOf(6)).isEqualTo(Severity.LOW);
    assertThat(policy.severityOf(10)).isEqualTo(Severity.LOW);
    assertThat(policy.severityOf(20)).isEqualTo(Severity.MEDIUM);
    assertThat(policy.severityOf(40)).isEqualTo(Severity.HIGH);
    assertThat(policy.severityOf(50)).isEqualTo(Severity.CRITICAL);
    assertThat(policy.holdLevel()).isEqualTo(5);
  }

  @Test
  void aCriticalLevelBelowTheHighMultipleStillMeansCritical() {
    AlertPolicy policy = AlertPolicy.of(10, 15);

    assertThat(policy.severityOf(16)).isEqualTo(Severity.CRITICAL);
    assertThat(policy.severityOf(45)).isEqualTo(Severity.CRITICAL);
  }

  @Test
  void invalidRulesAreRefusedWithTheFieldAndWhatIsAccepted() {
    assertThatThrownBy(() -> AlertPolicy.of(10, 10))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "alert critical level is 10.0; accepted: a finite score above the threshold (10.0)");
    assertThatThrownBy(() -> AlertPolicy.of(0, 10)).hasMessageContaining("alert threshold is 0.0");
    assertThatThrownBy(() -> new AlertPolicy(10, 50, 4, 3, 3, 2, 4))
        .hasMessage("alert open_hits is 4; accepted: 1 to open_windows (3)");
    assertThatThrownBy(() -> new AlertPolicy(10, 50, 2, 3, 0, 2, 4))
        .hasMessage("alert close_after is 0; accepted: 1 or more windows");
    assertThatThrownBy(() -> new AlertPolicy(10, 50, 2, 3, 3, 4, 4))
        .hasMessageContaining("alert high multiple is 4.0");
  }
}
