package org.crowdhex.anomaly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class PoissonScoreTest {

  @Test
  void doubledCrowdScoresTenLnTwoMinusFive() {
    assertThat(PoissonScore.score(10, 5)).isCloseTo(10 * Math.log(2) - 5, within(1e-12));
    assertThat(PoissonScore.score(10, 5)).isCloseTo(1.9314718056, within(1e-9));
  }

  @Test
  void noMoreThanExpectedScoresZero() {
    assertThat(PoissonScore.score(5, 5)).isZero();
    assertThat(PoissonScore.score(3, 5)).isZero();
    assertThat(PoissonScore.score(0, 5)).isZero();
    assertThat(PoissonScore.score(0, 0)).isZero();
  }

  @Test
  void largeCrowdsStayAccurate() {
    assertThat(PoissonScore.score(2e9, 1e9)).isCloseTo(2e9 * Math.log(2) - 1e9, within(1e-3));
    // Near C = B the score is (C − B)²/(2B) to leading order: 1000²/(2·10⁶) = 0.5 minus a
    // third-order term.
    double nearlyExpected = PoissonScore.score(1_001_000, 1_000_000);
    assertThat(nearlyExpected).isCloseTo(0.49983, within(1e-5));
  }

  @Test
  void growsWithTheCrowdForAFixedExpectation() {
    assertThat(PoissonScore.score(20, 5)).isGreaterThan(PoissonScore.score(10, 5));
    assertThat(PoissonScore.score(20, 10)).isGreaterThan(PoissonScore.score(10, 5));
  }

  @Test
  void raisesTinyExpectationsToHalfAnAuthor() {
    assertThat(PoissonScore.score(3, 0)).isEqualTo(PoissonScore.score(3, 0.5));
    assertThat(PoissonScore.score(3, 0.001)).isEqualTo(PoissonScore.score(3, 0.5));
    assertThat(PoissonScore.score(3, 0)).isCloseTo(3 * Math.log(6) + 0.5 - 3, within(1e-12));
  }

  @Test
  void rejectsInputsThatNoBaselineOrCountCanHave() {
    assertThatThrownBy(() -> PoissonScore.score(Double.NaN, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("observed count is NaN");
    assertThatThrownBy(() -> PoissonScore.score(-1, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("observed count is -1.0");
    assertThatThrownBy(() -> PoissonScore.score(1, -0.1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("expected count is -0.1");
    assertThatThrownBy(() -> PoissonScore.score(1, Double.NaN))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("expected count is NaN");
    assertThatThrownBy(() -> PoissonScore.score(Double.POSITIVE_INFINITY, 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> PoissonScore.score(1, Double.POSITIVE_INFINITY))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
