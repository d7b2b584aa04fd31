package org.crowdhex.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class HourOfWeekTest {
  private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

  private static long local(String dateTime) {
    return LocalDateTime.parse(dateTime).atZone(AMSTERDAM).toInstant().toEpochMilli();
  }

  @Test
  void mondayMidnightLocalIsSlotZero() {
    // 2026-04-20 is a Monday; midnight in Amsterdam (summer time) is 22:00 UTC on Sunday.
    assertThat(HourOfWeek.of(local("2026-04-20T00:00"), AMSTERDAM)).isZero();
    assertThat(HourOfWeek.of(Instant.parse("2026-04-19T22:00:00Z").toEpochMilli(), AMSTERDAM))
        .isZero();
    assertThat(HourOfWeek.of(Instant.parse("2026-04-19T22:00:00Z").toEpochMilli(), ZoneOffset.UTC))
        .isEqualTo(167 - 1);
  }

  @Test
  void sundayOneMinuteBeforeMidnightIsTheLastSlot() {
    assertThat(HourOfWeek.of(local("2026-04-19T23:59:59"), AMSTERDAM)).isEqualTo(167);
    assertThat(HourOfWeek.of(local("2026-04-19T23:59:59") + 1000, AMSTERDAM)).isZero();
  }

  @Test
  void aWindowBelongsToTheHourOfItsStart() {
    long start = local("2026-04-22T16:55");

    assertThat(HourOfWeek.ofWindow(start, AMSTERDAM)).isEqualTo(2 * 24 + 16);
    assertThat(HourOfWeek.describe(HourOfWeek.ofWindow(start, AMSTERDAM)))
        .isEqualTo("Wednesday 16:00");
  }

  @Test
  void theHourSkippedWhenClocksGoForwardHasNoSlotThatNight() {
    // 2026-03-29, Sunday: at 02:00 CET the clocks jump to 03:00 CEST.
    long beforeJump = Instant.parse("2026-03-29T00:59:59Z").toEpochMilli();
    long afterJump = Instant.parse("2026-03-29T01:00:00Z").toEpochMilli();

    assertThat(HourOfWeek.of(beforeJump, AMSTERDAM)).isEqualTo(6 * 24 + 1);
    assertThat(HourOfWeek.of(afterJump, AMSTERDAM)).isEqualTo(6 * 24 + 3);
  }

  @Test
  void theHourRepeatedWhenClocksGoBackFallsInOneSlotTwice() {
    // 2026-10-25, Sunday: 02:00-03:00 happens first in CEST, then again in CET.
    long first = Instant.parse("2026-10-25T00:30:00Z").toEpochMilli();
    long second = Instant.parse("2026-10-25T01:30:00Z").toEpochMilli();

    assertThat(HourOfWeek.of(first, AMSTERDAM)).isEqualTo(6 * 24 + 2);
    assertThat(HourOfWeek.of(second, AMSTERDAM)).isEqualTo(6 * 24 + 2);
  }

  @Test
  void theLearnerCountsTheWindowsThatDaylightSavingTimeReallyGivesEachSlot() {
    long fiveMinutes = Duration.ofMinutes(5).toMillis();
    BaselineSettings spring =
        BaselineSettings.of(
            10,
            3 * fiveMinutes,
            fiveMinutes,
            AMSTERDAM,
            new Interval(local("2026-03-23T00:00"), local("2026-03-30T00:00")));
    BaselineSettings autumn =
        BaselineSettings.of(
            10,
            3 * fiveMinutes,
            fiveMinutes,
            AMSTERDAM,
            new Interval(local("2026-10-19T00:00"), local("2026-10-26T00:00")));

    BaselineLearner springWeek = new BaselineLearner(spring);
    BaselineLearner autumnWeek = new BaselineLearner(autumn);

    assertThat(springWeek.windowsIn(6 * 24 + 2)).isZero();
    assertThat(springWeek.windowsIn(6 * 24 + 1)).isEqualTo(12);
    assertThat(autumnWeek.windowsIn(6 * 24 + 2)).isEqualTo(24);
    // The last two windows of the week would end after the history: left out.
    assertThat(autumnWeek.windowsIn(167)).isEqualTo(10);
  }

  @Test
  void aSlotOutsideTheWeekIsASentence() {
    assertThatThrownBy(() -> HourOfWeek.check(168))
        .hasMessage(
            "hourOfWeek is 168; accepted: a whole number from 0 (Monday 00:00 local time) to 167"
                + " (Sunday 23:00)");
  }
}
