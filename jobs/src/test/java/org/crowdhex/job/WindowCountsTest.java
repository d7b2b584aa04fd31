package org.crowdhex.job;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The detector's recent windows of one venue are the last few slides in time. */
class WindowCountsTest {
  static final long SLIDE = 300_000;

  @Test
  void keepsTheLastSlidesAndDropsOlderWindows() {
    WindowCounts w = new WindowCounts(2);
    for (int i = 0; i < 5; i++) w.append(i * SLIDE, new int[] {i, 10 + i}, 3, SLIDE);

    assertThat(w.starts).containsExactly(2 * SLIDE, 3 * SLIDE, 4 * SLIDE);
    assertThat(w.authors).containsExactly(2, 12, 3, 13, 4, 14);
  }

  @Test
  void aSlideWithoutAnyPostIsARowOfZeros() {
    WindowCounts w = new WindowCounts(2);
    w.append(0, new int[] {5, 6}, 3, SLIDE);
    w.append(2 * SLIDE, new int[] {7, 8}, 3, SLIDE);

    assertThat(w.starts).containsExactly(0, SLIDE, 2 * SLIDE);
    assertThat(w.authors).containsExactly(5, 6, 0, 0, 7, 8);
  }

  @Test
  void aCrowdThatLeftLongAgoIsNotInTheScansReach() {
    WindowCounts w = new WindowCounts(1);
    w.append(0, new int[] {400}, 3, SLIDE);
    w.append(SLIDE, new int[] {300}, 3, SLIDE);
    // Silent for an hour, then one author.
    w.append(13 * SLIDE, new int[] {1}, 3, SLIDE);

    assertThat(w.starts).containsExactly(11 * SLIDE, 12 * SLIDE, 13 * SLIDE);
    assertThat(w.authors).containsExactly(0, 0, 1);
  }

  @Test
  void aLateRevisionReplacesItsRowAndAppendsNothing() {
    WindowCounts w = new WindowCounts(1);
    w.append(5 * SLIDE, new int[] {3}, 3, SLIDE);
    w.append(6 * SLIDE, new int[] {4}, 3, SLIDE);

    assertThat(w.revise(5 * SLIDE, new int[] {9})).isTrue();
    assertThat(w.revise(1 * SLIDE, new int[] {9})).isTrue(); // too old to keep: dropped
    assertThat(w.revise(7 * SLIDE, new int[] {9})).isFalse();

    assertThat(w.starts).containsExactly(5 * SLIDE, 6 * SLIDE);
    assertThat(w.authors).containsExactly(9, 4);
  }
}
