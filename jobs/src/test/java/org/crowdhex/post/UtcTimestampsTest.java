package org.crowdhex.post;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UtcTimestampsTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2026-04-19T12:03:44.120Z",
        "2026-04-19T12:03:44Z",
        "2026-04-19T12:03Z",
        "2024-02-29T23:59:59.999999999Z",
        "1969-12-31T23:59:59.5Z",
        "1600-03-01T00:00:00Z",
        "2000-01-01T00:00:00.1Z"
      })
  void agreesWithTheGeneralParser(String text) {
    assertThat(UtcTimestamps.parse(text))
        .isEqualTo(java.time.OffsetDateTime.parse(text).toInstant().toEpochMilli());
  }

  @Test
  void agreesWithInstantParseOnRandomTimes() {
    SplittableRandom r = new SplittableRandom(1);
    for (int i = 0; i < 100_000; i++) {
      long ms = r.nextLong(-5_000_000_000_000L, 5_000_000_000_000L);
      String text = Instant.ofEpochMilli(ms).toString();
      assertThat(UtcTimestamps.parse(text)).as(text).isEqualTo(ms);
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2026-04-19T12:03:44+02:00",
        "2026-04-19T12:03:44",
        "2026-02-30T12:03:44Z",
        "2025-02-29T12:03:44Z",
        "2026-13-01T00:00:00Z",
        "2026-04-19T24:00:00Z",
        "2026-04-19T12:60:00Z",
        "2026-04-19T12:03:60Z",
        "2026-04-19T12:03:44.Z",
        "2026-04-19T12:03:44.1234567890Z",
        "2026-04-19 12:03:44Z",
        "2026-4-19T12:03:44Z",
        "+2026-04-19T12:03:44Z",
        "2026-04-19T12:03:4xZ",
        "yesterday at noon Z"
      })
  void leavesEveryOtherFormToTheGeneralPath(String text) {
    assertThat(UtcTimestamps.parse(text)).isEqualTo(UtcTimestamps.NOT_THIS_FORM);
  }
}
