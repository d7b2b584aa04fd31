package org.crowdhex.hygiene;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.crowdhex.hygiene.PostVerdict.COUNTED;
import static org.crowdhex.hygiene.PostVerdict.DUPLICATE;
import static org.crowdhex.hygiene.PostVerdict.OVER_CAP;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class AuthorActivityTest {
  static final long A = 0x8a1969a4b1affffL;
  static final long B = 0x8a1969a4b1b7fffL;
  static final long S = 1_000;
  static final long MIN = 60 * S;
  static final long T0 = 1_776_600_000_000L;

  /** Cap 3 per 15 minutes, duplicates within 60 s, 6 minutes of lateness. */
  static final HygieneRules RULES =
      new HygieneRules(3, Duration.ofMinutes(15), Duration.ofSeconds(60), Duration.ofMinutes(6));

  @Test
  void anExactRepeatCountsOnce() {
    AuthorActivity a = new AuthorActivity();

    assertThat(a.admit(A, T0, RULES)).isEqualTo(COUNTED);
    assertThat(a.admit(A, T0, RULES)).isEqualTo(DUPLICATE);
  }

  @Test
  void theSameCellWithinSixtySecondsCountsOnceEitherWay() {
    AuthorActivity a = new AuthorActivity();

    assertThat(a.admit(A, T0, RULES)).isEqualTo(COUNTED);
    assertThat(a.admit(A, T0 + 59_999, RULES)).isEqualTo(DUPLICATE);
    assertThat(a.admit(A, T0 - 59_999, RULES)).isEqualTo(DUPLICATE); // arrived late
    assertThat(a.admit(A, T0 + 60_000, RULES)).isEqualTo(COUNTED);
  }

  @Test
  void anotherCellWithinSixtySecondsCounts() {
    AuthorActivity a = new AuthorActivity();

    assertThat(a.admit(A, T0, RULES)).isEqualTo(COUNTED);
    assertThat(a.admit(B, T0 + 10 * S, RULES)).isEqualTo(COUNTED);
  }

  @Test
  void aRedeliveredCopyAfterOtherPostsIsStillADuplicate() {
    AuthorActivity a = new AuthorActivity();
    a.admit(A, T0, RULES);
    a.admit(B, T0 + 2 * MIN, RULES);

    assertThat(a.admit(A, T0, RULES)).isEqualTo(DUPLICATE);
  }

  @Test
  void aZeroDuplicateWindowStillCatchesExactRepeats() {
    HygieneRules exactOnly =
        new HygieneRules(10, Duration.ofMinutes(15), Duration.ZERO, Duration.ofMinutes(6));
    AuthorActivity a = new AuthorActivity();

    assertThat(a.admit(A, T0, exactOnly)).isEqualTo(COUNTED);
    assertThat(a.admit(A, T0, exactOnly)).isEqualTo(DUPLICATE);
    assertThat(a.admit(A, T0 + 1, exactOnly)).isEqualTo(COUNTED);
  }

  @Test
  void theCapHoldsPerWindowLengthAndDuplicatesDoNotCountTowardsIt() {
    AuthorActivity a = new AuthorActivity();

    assertThat(a.admit(A, T0, RULES)).isEqualTo(COUNTED);
    assertThat(a.admit(A, T0 + 10 * S, RULES)).isEqualTo(DUPLICATE);
    assertThat(a.admit(A, T0 + 2 * MIN, RULES)).isEqualTo(COUNTED);
    assertThat(a.admit(A, T0 + 4 * MIN, RULES)).isEqualTo(COUNTED);
    assertThat(a.admit(A, T0 + 6 * MIN, RULES)).isEqualTo(OVER_CAP);
    assertThat(a.admit(A, T0 + 15 * MIN - 1, RULES)).isEqualTo(OVER_CAP);
    // 15 minutes after the first counted post, a window can hold this one without it.
    assertThat(a.admit(A, T0 + 15 * MIN, RULES)).isEqualTo(COUNTED);
  }

  @Test
  void aBotPostingEveryMinuteCountsThreeTimesPerQuarterHour() {
    AuthorActivity a = new AuthorActivity();
    int counted = 0;
    for (int i = 0; i < 24 * 60; i++) {
      if (a.admit(A, T0 + i * MIN, RULES) == COUNTED) counted++;
    }
    assertThat(counted).isEqualTo(24 * 4 * 3);
    assertThat(a.size).isLessThanOrEqualTo(9);
  }

  @Test
  void noWindowEverHoldsMoreThanTheCapEvenOutOfOrder() {
    SplittableRandom random = new SplittableRandom(11);
    AuthorActivity a = new AuthorActivity();
    List<Long> counted = new ArrayList<>();
    long newest = T0;
    for (int i = 0; i < 5_000; i++) {
      newest += random.nextLong(90 * S);
      long t = newest - random.nextLong(4 * MIN); // up to four minutes out of order
      long cell = random.nextBoolean() ? A : B;
      if (a.admit(cell, t, RULES) == COUNTED) counted.add(t);
      assertThat(a.size).isLessThan(40);
    }
    counted.sort(null);
    long window = 15 * MIN;
    for (int i = 0; i + RULES.postCap() < counted.size(); i++) {
      assertThat(counted.get(i + RULES.postCap()) - counted.get(i))
          .as("4 counted posts must span a whole window")
          .isGreaterThanOrEqualTo(window);
    }
    // About 62 hours of posts allow at most 3 per 15 minutes, 750; the rule keeps most of them.
    assertThat(counted.size()).isBetween(650, 750);
  }

  @Test
  void forgetsPostsOlderThanTheMemoryAndExpiresAfterIt() {
    AuthorActivity a = new AuthorActivity();
    a.admit(A, T0, RULES);
    a.admit(B, T0 + 5 * MIN, RULES);

    assertThat(a.expiresAt(RULES)).isEqualTo(T0 + 5 * MIN + 21 * MIN);
    a.admit(A, T0 + 30 * MIN, RULES);
    assertThat(a.size).isEqualTo(1);
    assertThat(a.isEmpty()).isFalse();
    assertThat(new AuthorActivity().expiresAt(RULES)).isEqualTo(Long.MIN_VALUE);
    assertThat(new AuthorActivity().isEmpty()).isTrue();
    assertThat(RULES.memoryMillis()).isEqualTo(21 * MIN);
  }

  @Test
  void rulesRefuseANonsenseCap() {
    assertThatThrownBy(
            () -> new HygieneRules(0, Duration.ofMinutes(15), Duration.ZERO, Duration.ZERO))
        .hasMessage("privacy.post_cap is 0; accepted: a whole number of at least 1");
  }
}
