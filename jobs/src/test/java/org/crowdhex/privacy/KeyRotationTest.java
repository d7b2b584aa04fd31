package org.crowdhex.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class KeyRotationTest {
  static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

  static long at(String instant) {
    return Instant.parse(instant).toEpochMilli();
  }

  @Test
  void aDayRunsFromLocalMidnightToLocalMidnight() {
    KeyPeriod p = KeyRotation.perDay(AMSTERDAM).periodOf(at("2026-04-19T12:30:00Z"));

    assertThat(p.id()).isEqualTo("day:2026-04-19");
    assertThat(p.startMillis()).isEqualTo(at("2026-04-18T22:00:00Z"));
    assertThat(p.endMillis()).isEqualTo(at("2026-04-19T22:00:00Z"));
  }

  @Test
  void theLocalDayDecidesNotTheUtcDay() {
    KeyRotation daily = KeyRotation.perDay(AMSTERDAM);

    assertThat(daily.periodOf(at("2026-04-19T21:59:59.999Z")).id()).isEqualTo("day:2026-04-19");
    assertThat(daily.periodOf(at("2026-04-19T22:00:00Z")).id()).isEqualTo("day:2026-04-20");
  }

  @Test
  void theDayClocksGoForwardHas23Hours() {
    KeyPeriod p = KeyRotation.perDay(AMSTERDAM).periodOf(at("2026-03-29T12:00:00Z"));

    assertThat(p.endMillis() - p.startMillis()).isEqualTo(23 * 3_600_000L);
  }

  @Test
  void perEventThereIsOnePeriodNamedAfterTheEvent() {
    KeyRotation event = KeyRotation.perEvent("Match day");

    KeyPeriod p = event.periodOf(at("2026-04-19T12:30:00Z"));
    assertThat(p.id()).isEqualTo("event:Match day");
    assertThat(p).isEqualTo(event.periodOf(at("2030-01-01T00:00:00Z")));
    assertThat(p.contains(Long.MIN_VALUE)).isTrue();
    assertThat(KeyRotation.perEvent("Other").periodOf(0).id()).isNotEqualTo(p.id());
  }

  @Test
  void planWordsParseAndAnUnknownWordIsASentence() {
    assertThat(KeyRotation.Kind.parse("day")).isEqualTo(KeyRotation.Kind.DAY);
    assertThat(KeyRotation.Kind.parse(" Event ")).isEqualTo(KeyRotation.Kind.EVENT);
    assertThatThrownBy(() -> KeyRotation.Kind.parse("hourly"))
        .hasMessage(
            "privacy.rotation is \"hourly\"; accepted: event (one key for the whole event) or day"
                + " (a new key at local midnight)");
  }

  @Test
  void ofBuildsTheKindAsked() {
    assertThat(KeyRotation.of(KeyRotation.Kind.DAY, "x", AMSTERDAM))
        .isEqualTo(KeyRotation.perDay(AMSTERDAM));
    assertThat(KeyRotation.of(KeyRotation.Kind.EVENT, "x", AMSTERDAM))
        .isEqualTo(KeyRotation.perEvent("x"));
    assertThat(KeyRotation.perDay(AMSTERDAM).describe())
        .isEqualTo("a new key every local day (Europe/Amsterdam)");
  }
}
