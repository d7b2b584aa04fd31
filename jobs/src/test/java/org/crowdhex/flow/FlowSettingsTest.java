package org.crowdhex.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class FlowSettingsTest {
  @Test
  void theDefaultsAreTheIssuesFigures() {
    FlowSettings d = FlowSettings.DEFAULT;

    assertThat(d.minGap()).isEqualTo(Duration.ofSeconds(60));
    assertThat(d.maxGap()).isEqualTo(Duration.ofHours(2));
    assertThat(d.maxSpeedKmh()).isEqualTo(150);
    assertThat(d.venueZones()).isTrue();
    assertThat(d.withH3Zones(8).venueZones()).isFalse();
    assertThat(d.withH3Zones(8).zoneResolution()).isEqualTo(8);
  }

  @Test
  void eachBadFieldIsNamedWithItsValueAndWhatIsAccepted() {
    Duration m = Duration.ofSeconds(60);
    Duration h = Duration.ofHours(2);
    assertThatThrownBy(() -> new FlowSettings(Duration.ofSeconds(-1), h, 150, true, 7))
        .hasMessage(
            "flows.min_gap is -1s; accepted: a duration from 0s to 1h (default 60s), shorter than"
                + " flows.max_gap");
    assertThatThrownBy(() -> new FlowSettings(m, Duration.ofSeconds(30), 150, true, 7))
        .hasMessage(
            "flows.max_gap is 30s; accepted: a duration longer than flows.min_gap and at most 24h"
                + " (default 2h)");
    assertThatThrownBy(() -> new FlowSettings(m, Duration.ofHours(25), 150, true, 7))
        .hasMessageStartingWith("flows.max_gap is 90000s;");
    assertThatThrownBy(() -> new FlowSettings(m, h, 0, true, 7))
        .hasMessage(
            "flows.max_speed_kmh is 0.0; accepted: a speed in km/h above 0 and at most 1000"
                + " (default 150)");
    assertThatThrownBy(() -> new FlowSettings(m, h, Double.NaN, true, 7))
        .hasMessageStartingWith("flows.max_speed_kmh is NaN;");
    assertThatThrownBy(() -> new FlowSettings(m, h, 150, false, 16))
        .hasMessageStartingWith("flows.resolution is 16; accepted: an H3 resolution from 0 to 15");
  }

  @Test
  void aMoveGoesForwardInTimeAndHasAnAuthor() {
    assertThatThrownBy(() -> new Move(0, 1, 2, 0, 1)).hasMessageContaining("pseudonym 0");
    assertThatThrownBy(() -> new Move(7, 1, 2, 10, 9)).hasMessageContaining("before it leaves");
  }
}
