package org.crowdhex.disclosure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DiscreteLaplaceTest {
  static final int N = 400_000;

  @Test
  void theNoiseHasTheDiscreteLaplaceDistribution() {
    DiscreteLaplace noise = new DiscreteLaplace(1.0, 2);
    double a = Math.exp(-0.5);
    SplittableRandom random = new SplittableRandom(42);
    long[] counts = new long[41];
    double sum = 0;
    double squares = 0;
    for (int i = 0; i < N; i++) {
      long x = noise.sample(random);
      sum += x;
      squares += (double) x * x;
      if (Math.abs(x) <= 20) counts[(int) x + 20]++;
    }

    assertThat(noise.decay()).isCloseTo(a, within(1e-15));
    assertThat(sum / N).isCloseTo(0, within(0.03));
    assertThat(squares / N).isCloseTo(noise.variance(), within(noise.variance() * 0.02));
    for (int x = -5; x <= 5; x++) {
      double expected = (1 - a) / (1 + a) * Math.pow(a, Math.abs(x));
      assertThat(counts[x + 20] / (double) N).as("P(X = %d)", x).isCloseTo(expected, within(0.003));
    }
  }

  @Test
  void theDocumentedFiguresHold() {
    DiscreteLaplace noise = new DiscreteLaplace(1.0, 2);

    assertThat(Math.sqrt(noise.variance())).isCloseTo(2.8, within(0.05));
    assertThat(noise.bound(0.95)).isEqualTo(6);
    assertThat(noise.tail(0)).isEqualTo(1);
    assertThat(noise.tail(7)).isLessThanOrEqualTo(0.05);
    assertThat(noise.tail(6)).isGreaterThan(0.05);
  }

  @Test
  void theTailMatchesSampling() {
    DiscreteLaplace noise = new DiscreteLaplace(0.5, 1);
    SplittableRandom random = new SplittableRandom(3);
    int atLeast3 = 0;
    for (int i = 0; i < N; i++) {
      if (Math.abs(noise.sample(random)) >= 3) atLeast3++;
    }
    assertThat(atLeast3 / (double) N).isCloseTo(noise.tail(3), within(0.004));
  }

  @Test
  void moreEpsilonOrLessSensitivityMeansLessNoise() {
    assertThat(new DiscreteLaplace(2, 1).variance())
        .isLessThan(new DiscreteLaplace(1, 1).variance());
    assertThat(new DiscreteLaplace(1, 1).variance())
        .isLessThan(new DiscreteLaplace(1, 3).variance());
  }

  @Test
  void aReleasedCountIsNeverNegativeAndTheSameSeedGivesTheSameRelease() {
    DiscreteLaplace noise = new DiscreteLaplace(0.1, 1);
    SplittableRandom random = new SplittableRandom(5);
    for (int i = 0; i < 10_000; i++) {
      assertThat(noise.release(0, random)).isNotNegative();
    }
    assertThat(noise.release(100, new SplittableRandom(9)))
        .isEqualTo(noise.release(100, new SplittableRandom(9)));
  }

  @Test
  void refusesNonsenseSettings() {
    assertThatThrownBy(() -> new DiscreteLaplace(0, 1))
        .hasMessage("privacy.dp_epsilon is 0.0; accepted: a finite number above 0");
    assertThatThrownBy(() -> new DiscreteLaplace(Double.POSITIVE_INFINITY, 1))
        .hasMessageStartingWith("privacy.dp_epsilon is Infinity");
    assertThatThrownBy(() -> new DiscreteLaplace(1, 0))
        .hasMessage("privacy.dp_max_cells is 0; accepted: a whole number of at least 1");
    assertThat(new DiscreteLaplace(1, 2)).hasToString("DiscreteLaplace[ε=1.0 per window, Δ=2]");
  }
}
