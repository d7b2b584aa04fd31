package org.crowdhex.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.crowdhex.baseline.TestCells.KUIP;
import static org.crowdhex.baseline.TestCells.KUIP_PARENT;
import static org.crowdhex.baseline.TestCells.RESOLUTION;
import static org.crowdhex.baseline.TestCells.SIBLINGS;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class BaselineLearnerTest {
  static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
  static final long HOUR = Duration.ofHours(1).toMillis();
  static final long WEEK = Duration.ofDays(7).toMillis();
  static final long FIVE_MINUTES = Duration.ofMinutes(5).toMillis();
  static final Instant CREATED = Instant.parse("2026-04-01T10:00:00Z");
  // Monday 2026-04-27 to Monday 2026-05-25: four whole weeks of summer time.
  static final long HISTORY_START = local("2026-04-27T00:00");
  static final Interval FOUR_WEEKS = new Interval(HISTORY_START, HISTORY_START + 4 * WEEK);
  static final int MONDAY_10 = 10;

  static long local(String dateTime) {
    return LocalDateTime.parse(dateTime).atZone(AMSTERDAM).toInstant().toEpochMilli();
  }

  /** Hourly tumbling windows: each hour of the week has exactly one window per week. */
  static BaselineSettings hourly() {
    return BaselineSettings.of(RESOLUTION, HOUR, HOUR, AMSTERDAM, FOUR_WEEKS);
  }

  @Test
  void windowsWithoutPostsCountAsZeroInTheMean() {
    BaselineLearner learner =
        new BaselineLearner(hourly().withShrinkage(new Shrinkage(1, 0, 0.05)));
    long mondayTen = HISTORY_START + 10 * HOUR;

    learner.observe(KUIP, mondayTen, 3);
    learner.observe(KUIP, mondayTen + 2 * WEEK, 1);
    Baseline baseline = learner.build(CREATED, "test");

    assertThat(learner.windowsIn(MONDAY_10)).isEqualTo(4);
    assertThat(baseline.expected(KUIP, MONDAY_10)).isEqualTo(1.0);
    assertThat(baseline.expected(KUIP, MONDAY_10 + 1)).isEqualTo(0.05);
    assertThat(baseline.expectedAt(KUIP, mondayTen + 3 * WEEK)).isEqualTo(1.0);
  }

  @Test
  void aRepublishedWindowReplacesItsEarlierCount() {
    BaselineLearner learner =
        new BaselineLearner(hourly().withShrinkage(new Shrinkage(1, 0, 0.05)));
    long mondayTen = HISTORY_START + 10 * HOUR;

    learner.observe(KUIP, mondayTen, 3);
    learner.observe(KUIP, mondayTen, 4);

    assertThat(learner.build(CREATED, "test").expected(KUIP, MONDAY_10)).isEqualTo(1.0);
  }

  @Test
  void windowsOverlappingAnExcludedEventAreLeftOut() {
    long mondayTen = HISTORY_START + 10 * HOUR;
    // A match in the second week, 10:30-10:45: overlaps that week's 10:00-11:00 window only.
    Interval match = new Interval(mondayTen + WEEK + 30 * 60_000, mondayTen + WEEK + 45 * 60_000);
    BaselineLearner learner =
        new BaselineLearner(
            hourly().withExcluded(List.of(match)).withShrinkage(new Shrinkage(1, 0, 0.05)));

    assertThat(learner.observe(KUIP, mondayTen, 3)).isTrue();
    assertThat(learner.observe(KUIP, mondayTen + WEEK, 900)).isFalse();
    assertThat(learner.observe(KUIP, mondayTen + 2 * WEEK, 1)).isTrue();
    Baseline baseline = learner.build(CREATED, "test");

    assertThat(learner.windowsIn(MONDAY_10)).isEqualTo(3);
    assertThat(learner.learnedWindows()).isEqualTo(4 * 168 - 1);
    assertThat(learner.observationsExcluded()).isEqualTo(1);
    assertThat(baseline.expected(KUIP, MONDAY_10)).isCloseTo(4.0 / 3, within(1e-4));
    assertThat(baseline.info().excluded()).containsExactly(match);
  }

  @Test
  void everySlidingWindowTouchingAnEventIsLeftOut() {
    long mondayTen = HISTORY_START + 10 * HOUR;
    Interval incident = new Interval(mondayTen, mondayTen + FIVE_MINUTES);
    BaselineLearner learner =
        new BaselineLearner(
            BaselineSettings.of(RESOLUTION, 3 * FIVE_MINUTES, FIVE_MINUTES, AMSTERDAM, FOUR_WEEKS)
                .withExcluded(List.of(incident)));

    // The windows starting 09:50, 09:55 and 10:00 all hold 10:00-10:05.
    assertThat(learner.windowsIn(9)).isEqualTo(4 * 12 - 2);
    assertThat(learner.windowsIn(MONDAY_10)).isEqualTo(4 * 12 - 1);
    assertThat(learner.observe(KUIP, mondayTen - 2 * FIVE_MINUTES, 5)).isFalse();
    assertThat(learner.observe(KUIP, mondayTen + FIVE_MINUTES, 5)).isTrue();
  }

  @Test
  void windowsNotWhollyInsideTheHistoryAreLeftOut() {
    BaselineLearner learner = new BaselineLearner(hourly());

    assertThat(learner.observe(KUIP, HISTORY_START - HOUR, 7)).isFalse();
    assertThat(learner.observe(KUIP, HISTORY_START + 4 * WEEK, 7)).isFalse();
    assertThat(learner.observationsOutsideHistory()).isEqualTo(2);
    // The cell still gets a row, with the floor.
    assertThat(learner.build(CREATED, "test").knows(KUIP)).isTrue();
  }

  @Test
  void shrinkagePullsASparseCellTowardItsParentAndLeavesADenseCellNearItsOwnMean() {
    BaselineLearner learner =
        new BaselineLearner(
            BaselineSettings.of(RESOLUTION, 3 * FIVE_MINUTES, FIVE_MINUTES, AMSTERDAM, FOUR_WEEKS));
    long dense = SIBLINGS.get(0);
    long sparse = SIBLINGS.get(1);
    learner.watch(SIBLINGS);
    long firstMondayTen = HISTORY_START + 10 * HOUR;
    for (int week = 0; week < 4; week++) {
      for (int w = 0; w < 12; w++) {
        long start = firstMondayTen + week * WEEK + w * FIVE_MINUTES;
        learner.observe(dense, start, 10);
        for (long other : SIBLINGS.subList(2, 7)) {
          learner.observe(other, start, 2);
        }
      }
    }
    learner.observe(sparse, firstMondayTen + WEEK, 3);
    Baseline baseline = learner.build(CREATED, "test");

    int windows = 48;
    double prior = (10.0 * windows + 3 + 5 * 2.0 * windows) / (windows * 7.0);
    double sparseMean = 3.0 / windows;
    assertThat(learner.windowsIn(MONDAY_10)).isEqualTo(windows);
    assertThat(baseline.expected(sparse, MONDAY_10))
        .isCloseTo((1 * sparseMean + 5 * prior) / (1 + 5), within(1e-4))
        .isGreaterThan(sparseMean * 30);
    assertThat(baseline.expected(dense, MONDAY_10))
        .isCloseTo((windows * 10.0 + 5 * prior) / (windows + 5), within(1e-4))
        .isCloseTo(10.0, within(1.0));
    // A cell never seen gets the prior; so does an unknown cell with a known parent.
    assertThat(baseline.expected(SIBLINGS.get(2), MONDAY_10))
        .isCloseTo((windows * 2.0 + 5 * prior) / (windows + 5), within(1e-4));
    assertThat(baseline.knows(KUIP)).isTrue();
    assertThat(KUIP_PARENT).isEqualTo(H3Cells.parent(dense, RESOLUTION - 1));
  }

  @Test
  void anUnknownCellGetsItsParentsPriorOrTheFloor() {
    BaselineLearner learner =
        new BaselineLearner(hourly().withShrinkage(new Shrinkage(1, 0, 0.05)));
    long mondayTen = HISTORY_START + 10 * HOUR;
    for (int week = 0; week < 4; week++) {
      learner.observe(SIBLINGS.get(0), mondayTen + week * WEEK, 14);
    }
    Baseline baseline = learner.build(CREATED, "test");

    long unknownSibling = SIBLINGS.get(3);
    assertThat(baseline.knows(unknownSibling)).isFalse();
    // The only watched child of the parent: its prior per child is that child's own mean.
    assertThat(baseline.expected(unknownSibling, MONDAY_10)).isEqualTo(14.0);
    assertThat(baseline.expected(TestCells.farAway(), MONDAY_10)).isEqualTo(0.05);
  }

  @Test
  void theVolumeIsTheStreamsWhenGivenAndTheCellsOtherwise() {
    BaselineLearner learner =
        new BaselineLearner(hourly().withShrinkage(new Shrinkage(1, 0, 0.05)));
    long mondayTen = HISTORY_START + 10 * HOUR;
    learner.observe(KUIP, mondayTen, 8);
    Baseline fromCells = learner.build(CREATED, "test");
    for (int week = 0; week < 4; week++) {
      learner.observeVolume(mondayTen + week * WEEK, 1000 + week * 100);
    }
    Baseline fromStream = learner.build(CREATED, "test");

    assertThat(fromCells.info().volumeSource()).isEqualTo("cells");
    assertThat(fromCells.expectedVolume(MONDAY_10)).isEqualTo(2.0);
    assertThat(fromStream.info().volumeSource()).isEqualTo("stream");
    assertThat(fromStream.expectedVolume(MONDAY_10)).isEqualTo(1150.0);
    assertThat(fromStream.expectedVolume(MONDAY_10 + 1)).isZero();
  }

  @Test
  void slotsAShortHistoryNeverCoversTakeTheWholeHistorysEstimate() {
    long monday = HISTORY_START;
    BaselineLearner learner =
        new BaselineLearner(
            BaselineSettings.of(
                    RESOLUTION, HOUR, HOUR, AMSTERDAM, new Interval(monday, monday + 4 * HOUR))
                .withShrinkage(new Shrinkage(1, 0, 0.05)));
    learner.observe(KUIP, monday, 2);
    learner.observe(KUIP, monday + HOUR, 6);
    Baseline baseline = learner.build(CREATED, "test");

    assertThat(baseline.expected(KUIP, 0)).isEqualTo(2.0);
    assertThat(baseline.expected(KUIP, 100)).isEqualTo(2.0);
    assertThat(baseline.info().windowsPerHourOfWeek().get(100)).isZero();
  }

  @Test
  void badObservationsAreSentences() {
    BaselineLearner learner = new BaselineLearner(hourly());

    assertThatThrownBy(() -> learner.observe(KUIP_PARENT, HISTORY_START, 1))
        .hasMessage(
            "cell is "
                + Long.toHexString(KUIP_PARENT)
                + ", a cell of resolution 9; accepted: an H3 cell at the plan's h3_resolution (10)");
    assertThatThrownBy(() -> learner.observe(KUIP, HISTORY_START + 1, 1))
        .hasMessageStartingWith("windowStart is ")
        .hasMessageEndingWith(
            "; accepted: a multiple of the slide (3600000 ms) since the epoch, as the plan's"
                + " windows start");
    assertThatThrownBy(() -> learner.observe(KUIP, HISTORY_START, -1))
        .hasMessage("authors is -1 for cell " + Long.toHexString(KUIP) + "; accepted: 0 or more");
  }

  @Test
  void aHistoryWhollyExcludedHasNothingToLearn() {
    BaselineLearner learner = new BaselineLearner(hourly().withExcluded(List.of(FOUR_WEEKS)));

    assertThatThrownBy(() -> learner.build(CREATED, "test"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("nothing is left to learn from");
  }

  @Test
  void parentsByBitArithmeticEqualH3s() {
    for (long cell : SIBLINGS) {
      assertThat(H3Cells.resolution(cell)).isEqualTo(TestCells.H3.getResolution(cell));
      for (int resolution = 0; resolution <= RESOLUTION; resolution++) {
        assertThat(H3Cells.parent(cell, resolution))
            .isEqualTo(TestCells.H3.cellToParent(cell, resolution));
      }
    }
    assertThat(H3Cells.isCellIndex(KUIP)).isTrue();
    assertThat(H3Cells.isCellIndex(0L)).isFalse();
  }
}
