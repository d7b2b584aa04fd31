package org.crowdhex.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ContributionBoundTest {
  static final long W1 = 1_000;
  static final long W2 = 2_000;

  @Test
  void keepsTheFirstCellsOfAWindowUpToTheBound() {
    ContributionBound b = new ContributionBound();

    assertThat(b.admit(W1, 11, 2)).isTrue();
    assertThat(b.admit(W1, 12, 2)).isTrue();
    assertThat(b.admit(W1, 11, 2)).as("a cell already in").isTrue();
    assertThat(b.admit(W1, 13, 2)).as("a third cell").isFalse();
    assertThat(b.admit(W2, 13, 2)).as("another window").isTrue();
    assertThat(b.size).isEqualTo(3);
  }

  @Test
  void forgetsClosedWindows() {
    ContributionBound b = new ContributionBound();
    b.admit(W1, 11, 1);
    b.admit(W2, 12, 1);

    b.forgetBefore(W2);

    assertThat(b.size).isEqualTo(1);
    assertThat(b.admit(W2, 13, 1)).isFalse();
    b.forgetBefore(W2 + 1);
    assertThat(b.isEmpty()).isTrue();
  }

  @Test
  void growsAsWindowsOverlap() {
    ContributionBound b = new ContributionBound();
    for (long w = 0; w < 20; w++) {
      assertThat(b.admit(w, 7, 1)).isTrue();
    }
    assertThat(b.size).isEqualTo(20);
  }
}
