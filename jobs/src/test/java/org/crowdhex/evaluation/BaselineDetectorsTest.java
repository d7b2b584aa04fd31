package org.crowdhex.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.crowdhex.evaluation.BaselineDetectors.SpanGrouping;
import org.junit.jupiter.api.Test;

/**
 * Runs both baselines on a synthetic day of windows: Poisson-like noise around the baseline in
 * every cell, and one jump in one cell of one venue.
 */
class BaselineDetectorsTest {
  static final Instant START = Instant.parse("2026-04-19T00:00:00Z");
  static final Duration SLIDE = Duration.ofMinutes(5);
  static final Duration SIZE = Duration.ofMinutes(15);
  static final int WINDOWS = 288;
  static final double BASELINE = 4;
  static final SpanGrouping ONE_QUIET_WINDOW_CLOSES = new SpanGrouping(SLIDE, 1);

  static Instant windowStart(int w) {
    return START.plus(SLIDE.multipliedBy(w));
  }

  /**
   * Two venues of two cells each; every cell sees 2 to 6 authors (z at most 1 against b = 4),
   * except cell k-a of kuip, which sees 30 during the given windows.
   */
  static List<CellWindowCount> day(Set<Integer> jumpWindows) {
    SplittableRandom random = new SplittableRandom(7);
    List<CellWindowCount> counts = new ArrayList<>();
    for (int w = 0; w < WINDOWS; w++) {
      for (String venue : List.of("kuip", "ahoy")) {
        for (String cell : List.of(venue + "-a", venue + "-b")) {
          long authors =
              jumpWindows.contains(w) && cell.equals("kuip-a") ? 30 : random.nextInt(2, 7);
          counts.add(
              new CellWindowCount(
                  venue,
                  cell,
                  windowStart(w),
                  windowStart(w).plus(SIZE),
                  authors,
                  BASELINE,
                  Double.NaN));
        }
      }
    }
    return counts;
  }

  @Test
  void aJumpInOneCellMakesOneAlertAndTheNoiseNone() {
    List<AlertSpan> alerts =
        BaselineDetectors.zScore(day(Set.of(120, 121, 122, 123)), 3, ONE_QUIET_WINDOW_CLOSES);

    assertThat(alerts)
        .containsExactly(
            new AlertSpan(
                "z-score/kuip/1",
                "kuip",
                List.of("kuip-a"),
                windowStart(120),
                windowStart(123).plus(SIZE)));
  }

  @Test
  void theFixedThresholdAlertsOnTheVenueTotal() {
    List<CellWindowCount> counts = day(Set.of(120, 121));

    // The noise reaches at most 12 authors per venue, the jump at least 32.
    assertThat(BaselineDetectors.fixedThreshold(counts, 13, ONE_QUIET_WINDOW_CLOSES))
        .containsExactly(
            new AlertSpan("fixed-threshold/kuip/1", "kuip", windowStart(120), windowStart(124)));
    assertThat(BaselineDetectors.fixedThreshold(counts, 40, ONE_QUIET_WINDOW_CLOSES)).isEmpty();
  }

  @Test
  void quietWindowsFewerThanKKeepTheSpanOpen() {
    // Alerting 100, 101, quiet 102 and 103, alerting 104.
    List<CellWindowCount> counts = day(Set.of(100, 101, 104));

    assertThat(BaselineDetectors.zScore(counts, 3, new SpanGrouping(SLIDE, 2)))
        .extracting(AlertSpan::id, AlertSpan::start)
        .containsExactly(
            tuple("z-score/kuip/1", windowStart(100)), tuple("z-score/kuip/2", windowStart(104)));
    assertThat(BaselineDetectors.zScore(counts, 3, new SpanGrouping(SLIDE, 3)))
        .containsExactly(
            new AlertSpan(
                "z-score/kuip/1",
                "kuip",
                List.of("kuip-a"),
                windowStart(100),
                windowStart(104).plus(SIZE)));
  }

  @Test
  void theZScoreUsesTheBaselinesDeviationOrPoissonWithAFloor() {
    Instant s = START;
    Instant e = START.plus(SIZE);
    assertThat(BaselineDetectors.zScore(new CellWindowCount("v", "c", s, e, 13, 4, Double.NaN)))
        .isEqualTo(4.5);
    assertThat(BaselineDetectors.zScore(new CellWindowCount("v", "c", s, e, 13, 4, 3)))
        .isEqualTo(3.0);
    // Expected empty: divided by 1, not 0, so 3 authors give z = 3.
    assertThat(BaselineDetectors.zScore(new CellWindowCount("v", "c", s, e, 3, 0, Double.NaN)))
        .isCloseTo(3.0, within(1e-12));
    assertThatThrownBy(() -> BaselineDetectors.zScore(CellWindowCount.observed("v", "c", s, e, 3)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "cell c of v at 2026-04-19T00:00:00Z has no expected count; expected a baseline for"
                + " every cell the z-score scores");
  }

  @Test
  void theBaselinesSpansAreScoredLikeAnyAlerts() {
    List<CellWindowCount> counts = day(Set.of(120, 121, 122, 123));
    TruthSet truth =
        new TruthSet(
            START,
            START.plus(Duration.ofDays(1)),
            List.of(
                new TruthEvent(
                    "flash-1",
                    "flash_crowd",
                    "kuip",
                    windowStart(122),
                    windowStart(126),
                    List.of())));

    EvaluationReport report =
        new EventScorer(SIZE)
            .score(
                BaselineDetectors.Z_SCORE,
                truth,
                List.of("kuip", "ahoy"),
                BaselineDetectors.zScore(counts, 3, ONE_QUIET_WINDOW_CLOSES));

    assertThat(report.recall()).isEqualTo(1.0);
    assertThat(report.precision()).isEqualTo(1.0);
    // The first alerting window starts two slides before the onset: it already holds 5 minutes.
    assertThat(report.medianDelay()).isEqualTo(Duration.ofMinutes(-10));
  }
}
