package org.crowdhex.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PlatformVolumeTest {
  @Test
  void aBusierPlatformEverywhereMovesTheMedian() {
    double[] expected = {10, 20, 40, 5};
    assertThat(PlatformVolume.ratio(new double[] {30, 60, 120, 15}, expected)).isEqualTo(3.0);
    assertThat(PlatformVolume.ratio(new double[] {1, 2, 4, 0.5}, expected)).isEqualTo(0.1);
  }

  @Test
  void aCrowdAtOneVenueDoesNotRescaleItself() {
    double[] expected = {10, 20, 40, 5, 8};
    double[] observed = {900, 20, 40, 5, 8}; // a match at the first venue
    assertThat(PlatformVolume.ratio(observed, expected)).isEqualTo(1.0);
  }

  @Test
  void anEvenNumberOfVenuesTakesTheMeanOfTheMiddleTwo() {
    assertThat(PlatformVolume.ratio(new double[] {10, 20, 30, 40}, new double[] {10, 10, 10, 10}))
        .isEqualTo(2.5);
  }

  @Test
  void sparseVenuesAndTooFewVenuesSayNothing() {
    // Only two venues are expected to have an author per window.
    assertThat(PlatformVolume.ratio(new double[] {50, 50, 0}, new double[] {10, 10, 0.5}))
        .isEqualTo(1.0);
    assertThat(PlatformVolume.ratio(new double[0], new double[0])).isEqualTo(1.0);
  }

  @Test
  void refusesMismatchedOrNegativeVolumes() {
    assertThatThrownBy(() -> PlatformVolume.ratio(new double[] {1}, new double[] {1, 2}))
        .hasMessage("1 observed and 2 expected volumes; accepted: one of each per venue");
    assertThatThrownBy(() -> PlatformVolume.ratio(new double[] {-1}, new double[] {1}))
        .hasMessageContaining("venue 0 has observed -1.0");
  }
}
