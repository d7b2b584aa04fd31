package org.crowdhex.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.crowdhex.baseline.TestCells.SIBLINGS;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class OnlineBaselineTest {
  static final long FIVE_MINUTES = Duration.ofMinutes(5).toMillis();
  static final long FIRST = Instant.parse("2026-04-19T10:00:00Z").toEpochMilli();
  static final long QUIET = SIBLINGS.get(0);
  static final long BUSY = SIBLINGS.get(1);

  /** Window {@code i} after the first the stream produced. */
  static long window(int i) {
    return FIRST + i * FIVE_MINUTES;
  }

  @Test
  void warmsUpAfterTwelveWholeWindowsAndCountsWindowsWithoutPostsAsZero() {
    OnlineBaseline fallback = new OnlineBaseline(3 * FIVE_MINUTES, FIVE_MINUTES);
    // The first three windows started before the stream: partial, not learned from.
    for (int i = 0; i < 3; i++) {
      fallback.observe(BUSY, window(i), 1);
    }
    assertThat(fallback.windowsLearned()).isZero();
    assertThat(fallback.expectation(BUSY).note()).isEqualTo("no baseline yet");

    for (int i = 3; i < 3 + 11; i++) {
      fallback.observe(QUIET, window(i), 2);
      if (i % 2 == 0) {
        fallback.observe(BUSY, window(i), 6);
      }
    }
    assertThat(fallback.isWarm()).isFalse();
    assertThat(fallback.expectation(QUIET)).isEqualTo(new OnlineBaseline.Expectation(2.0, false));

    fallback.observe(QUIET, window(14), 2);
    fallback.observe(BUSY, window(14), 6);

    assertThat(fallback.isWarm()).isTrue();
    assertThat(fallback.windowsLearned()).isEqualTo(12);
    assertThat(fallback.expectation(QUIET)).isEqualTo(new OnlineBaseline.Expectation(2.0, true));
    assertThat(fallback.expectation(QUIET).note()).isEmpty();
    // Six windows of 6 authors in twelve.
    assertThat(fallback.expected(BUSY)).isEqualTo(3.0);
    assertThat(fallback.expected(SIBLINGS.get(2))).isEqualTo(0.05);
  }

  @Test
  void aGatheringAfterTheWarmUpIsNotAbsorbedIntoTheExpectation() {
    OnlineBaseline fallback = new OnlineBaseline(3 * FIVE_MINUTES, FIVE_MINUTES, 4, 0.05);
    for (int i = 0; i < 7; i++) {
      fallback.observe(QUIET, window(i), 1);
    }

    fallback.observe(QUIET, window(7), 500);

    assertThat(fallback.isWarm()).isTrue();
    assertThat(fallback.expected(QUIET)).isEqualTo(1.0);
  }

  @Test
  void aWindowWithoutAnyPostStillCounts() {
    OnlineBaseline fallback = new OnlineBaseline(FIVE_MINUTES, FIVE_MINUTES, 4, 0.05);
    fallback.observe(QUIET, window(0), 1);
    fallback.observe(QUIET, window(1), 8);

    fallback.windowPublished(window(2));
    fallback.windowPublished(window(3));
    fallback.windowPublished(window(4));

    assertThat(fallback.isWarm()).isTrue();
    assertThat(fallback.expected(QUIET)).isEqualTo(2.0);
  }

  @Test
  void aRepublishedWindowReplacesItsCount() {
    OnlineBaseline fallback = new OnlineBaseline(FIVE_MINUTES, FIVE_MINUTES, 2, 0.05);
    fallback.observe(QUIET, window(0), 1);
    fallback.observe(QUIET, window(1), 4);
    fallback.observe(QUIET, window(1), 6);
    fallback.observe(QUIET, window(2), 2);

    assertThat(fallback.expected(QUIET)).isEqualTo(4.0);
  }
}
