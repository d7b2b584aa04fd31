package org.crowdhex.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationsTest {

  @ParameterizedTest
  @CsvSource({
    "250ms, PT0.25S",
    "90s, PT1M30S",
    "15m, PT15M",
    "2h, PT2H",
    "1d, PT24H",
    "0s, PT0S",
    "15M, PT15M",
    "' 5 m ', PT5M",
    "PT5M, PT5M",
    "pt1h30m, PT1H30M",
    "P1D, PT24H"
  })
  void parsesTheShortFormsAndIso8601(String text, String expected) {
    assertThat(Durations.parse(text)).contains(Duration.parse(expected));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "15",
        "7x",
        "m",
        "1.5h",
        "-5m",
        "5 minutes",
        "1w",
        "9223372036854775807d",
        "99999999999999999999s",
        "PT"
      })
  void findsNoDurationInOtherText(String text) {
    assertThat(Durations.parse(text)).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({
    "PT0S, 0s",
    "PT0.001S, 1ms",
    "PT1.5S, 1500ms",
    "PT45S, 45s",
    "PT90S, 90s",
    "PT15M, 15m",
    "PT90M, 90m",
    "PT2H, 2h",
    "PT24H, 1d",
    "PT168H, 7d",
    "PT36H, 36h"
  })
  void formatsTheShortestPlanForm(String iso, String expected) {
    assertThat(Durations.format(Duration.parse(iso))).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {"1ms", "1500ms", "59s", "90s", "15m", "36h", "1d", "7d"})
  void readsBackWhatItFormats(String text) {
    Duration d = Durations.parse(text).orElseThrow();

    assertThat(Durations.format(d)).isEqualTo(text);
  }
}
