package org.crowdhex.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class VolumeScalerTest {
  @Test
  void theRawFactorIsClampedToAFifthAndFiveTimes() {
    assertThat(VolumeScaler.rawFactor(1000, 500)).isEqualTo(0.5);
    assertThat(VolumeScaler.rawFactor(1000, 0)).isEqualTo(0.2);
    assertThat(VolumeScaler.rawFactor(1000, 40_000)).isEqualTo(5.0);
    assertThat(VolumeScaler.rawFactor(0, 300)).isEqualTo(1.0);
  }

  @Test
  void anOutageScalesExpectationsDownOverAFewWindows() {
    VolumeScaler scaler = new VolumeScaler();
    assertThat(scaler.factor()).isEqualTo(1.0);

    double first = scaler.update(1000, 100);
    double second = scaler.update(1000, 100);
    for (int i = 0; i < 30; i++) {
      scaler.update(1000, 100);
    }

    assertThat(first).isCloseTo(Math.pow(0.2, 1.0 / 3), within(1e-9));
    assertThat(second).isLessThan(first);
    assertThat(scaler.factor()).isCloseTo(0.2, within(1e-4));
    assertThat(scaler.scale(8.0)).isCloseTo(1.6, within(1e-3));
  }

  @Test
  void oneOddWindowMovesTheFactorOnlyPartly() {
    VolumeScaler scaler = new VolumeScaler();
    for (int i = 0; i < 10; i++) {
      scaler.update(1000, 1000);
    }

    double afterSpike = scaler.update(1000, 4000);
    for (int i = 0; i < 20; i++) {
      scaler.update(1000, 1000);
    }

    assertThat(afterSpike).isCloseTo(Math.pow(4, 1.0 / 3), within(1e-9)).isLessThan(2);
    assertThat(scaler.factor()).isCloseTo(1.0, within(1e-3));
    assertThat(scaler.windows()).isEqualTo(31);
  }

  @Test
  void aSmoothingOfOneFollowsEachWindow() {
    VolumeScaler scaler = new VolumeScaler(1);

    assertThat(scaler.update(200, 100)).isCloseTo(0.5, within(1e-12));
    assertThat(scaler.update(200, 300)).isCloseTo(1.5, within(1e-12));
  }

  @Test
  void aBadSmoothingIsASentence() {
    assertThatThrownBy(() -> new VolumeScaler(0))
        .hasMessage(
            "smoothing is 0.0; accepted: a weight greater than 0 and at most 1 (1 turns smoothing"
                + " off)");
  }
}
