package org.crowdhex.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class OnlineBaselineTest {
  static final long FIVE_MINUTES = Duration.ofMinutes(5).toMillis();
  static final long FIRST = Instant.parse("2026-04-19T10:00:00Z").toEpochMilli();
  static final int QUIET = 0;
  static final int BUSY = 1;
  static final int NEVER = 2;

  /** Window {@code i} after the first the stream produced. */
  static long window(int i) {
    return FIRST + i * FIVE_MINUTES;
  }

  @Test
  void warmsUpAfterItsWholeWindowsAndCountsWindowsWithoutPostsAsZero() {
    OnlineBaseline fallback = new OnlineBaseline(3, 3 * FIVE_MINUTES, FIVE_MINUTES, 12, 0.05, 0);
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
    assertThat(fallback.expected(NEVER)).isEqualTo(0.05);
  }

  @Test
  void aGatheringAfterTheWarmUpIsNotAbsorbedIntoTheExpectation() {
    OnlineBaseline fallback = new OnlineBaseline(3, 3 * FIVE_MINUTES, FIVE_MINUTES, 4, 0.05, 0);
    for (int i = 0; i < 7; i++) {
      fallback.observe(QUIET, window(i), 1);
    }

    fallback.observe(QUIET, window(7), 500);

    assertThat(fallback.isWarm()).isTrue();
    assertThat(fallback.expected(QUIET)).isEqualTo(1.0);
  }

  @Test
  void aWindowWithoutAnyPostStillCounts() {
    OnlineBaseline fallback = new OnlineBaseline(3, FIVE_MINUTES, FIVE_MINUTES, 4, 0.05, 0);
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
    OnlineBaseline fallback = new OnlineBaseline(3, FIVE_MINUTES, FIVE_MINUTES, 2, 0.05, 0);
    fallback.observe(QUIET, window(0), 1);
    fallback.observe(QUIET, window(1), 4);
    fallback.observe(QUIET, window(1), 6);
    fallback.observe(QUIET, window(2), 2);

    assertThat(fallback.expected(QUIET)).isEqualTo(4.0);
  }

  @Test
  void takesAWholeWindowAtOnceWithZerosForCellsWithoutPosts() {
    OnlineBaseline fallback = new OnlineBaseline(3, FIVE_MINUTES, FIVE_MINUTES, 2, 0.05, 0);
    fallback.observeWindow(window(0), new int[] {9, 9, 9}); // partial: not learned from
    fallback.observeWindow(window(1), new int[] {4, 0, 0});
    fallback.observeWindow(window(1), new int[] {2, 0, 0}); // re-published: replaces
    fallback.observeWindow(window(2), new int[] {0, 6, 0});

    assertThat(fallback.isWarm()).isTrue();
    assertThat(fallback.expected(QUIET)).isEqualTo(1.0);
    assertThat(fallback.expected(BUSY)).isEqualTo(3.0);
    assertThat(fallback.expected(NEVER)).isEqualTo(0.05);
  }

  @Test
  void refusesAWindowOfAnotherSizeAndAnUnknownCell() {
    OnlineBaseline fallback = new OnlineBaseline(3, FIVE_MINUTES, FIVE_MINUTES);

    assertThatThrownBy(() -> fallback.observeWindow(window(0), new int[] {1, 2}))
        .hasMessageContaining("a window of 2 cells; accepted: one count for each of the 3 cells");
    assertThatThrownBy(() -> fallback.observe(3, window(0), 1))
        .hasMessageContaining("cell index 3; accepted: 0 to 2");
  }

  @Test
  void shrinksEachCellTowardTheMeanOfAllCells() {
    OnlineBaseline fallback = new OnlineBaseline(2, FIVE_MINUTES, FIVE_MINUTES, 4, 0.05, 5);
    fallback.observeWindow(window(0), new int[] {0, 0}); // partial
    for (int i = 1; i <= 3; i++) fallback.observeWindow(window(i), new int[] {0, 4});

    // Three windows: sums 0 and 12, a prior of 2 per cell and window.
    assertThat(fallback.expected(0)).isCloseTo((0 + 5 * 2.0) / (3 + 5), within(1e-12));
    assertThat(fallback.expected(1)).isCloseTo((12 + 5 * 2.0) / (3 + 5), within(1e-12));
    assertThat(new OnlineBaseline(2, FIVE_MINUTES, FIVE_MINUTES).pseudoWindows).isEqualTo(5.0);
    assertThat(new OnlineBaseline(2, FIVE_MINUTES, FIVE_MINUTES).warmUpWindows).isEqualTo(12);
  }
}
