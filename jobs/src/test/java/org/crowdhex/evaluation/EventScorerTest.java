package org.crowdhex.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Scores hand-made alerts against hand-made truth events, where every number is known. */
class EventScorerTest {
  static final Instant DAY_1 = Instant.parse("2026-04-19T00:00:00Z");
  static final Instant DAY_3 = Instant.parse("2026-04-21T00:00:00Z");
  static final List<String> WATCHED = List.of("kuip", "centraal", "ahoy");

  static final TruthEvent ARRIVAL =
      event("match-1-kuip/arrival", "kuip", "2026-04-19T10:30:00Z", "2026-04-19T12:30:00Z");
  static final TruthEvent EGRESS =
      event("match-1-kuip/egress", "kuip", "2026-04-19T14:15:00Z", "2026-04-19T15:00:00Z");
  static final TruthEvent CONCERT =
      event("concert-1", "ahoy", "2026-04-19T19:00:00Z", "2026-04-19T21:00:00Z");
  static final TruthEvent SECOND_CONCERT =
      event("concert-2", "ahoy", "2026-04-20T19:00:00Z", "2026-04-20T21:00:00Z");
  static final TruthSet TRUTH =
      new TruthSet(DAY_1, DAY_3, List.of(ARRIVAL, EGRESS, CONCERT, SECOND_CONCERT));

  static TruthEvent event(String id, String venue, String onset, String end) {
    return new TruthEvent(
        id,
        "stadium_match",
        venue,
        Instant.parse(onset),
        Instant.parse(end),
        venue.equals("kuip") ? List.of("kuip", "centraal") : List.of());
  }

  static AlertSpan alert(String id, String venue, String start, String end) {
    return new AlertSpan(id, venue, Instant.parse(start), Instant.parse(end));
  }

  @Test
  void countsDetectedEventsMatchedAlertsDelaysAndFalseAlertsPerVenueDay() {
    List<AlertSpan> alerts =
        List.of(
            alert("a1", "kuip", "2026-04-19T10:35:00Z", "2026-04-19T11:30:00Z"),
            // At an affected hub, later than a1: matches but is not the first.
            alert("a2", "centraal", "2026-04-19T10:50:00Z", "2026-04-19T11:20:00Z"),
            alert("a3", "kuip", "2026-04-19T14:10:00Z", "2026-04-19T15:00:00Z"),
            alert("a4", "ahoy", "2026-04-19T19:20:00Z", "2026-04-19T20:00:00Z"),
            alert("a5", "kuip", "2026-04-20T03:00:00Z", "2026-04-20T03:15:00Z"));

    EvaluationReport report = new EventScorer().score("scan", TRUTH, WATCHED, alerts);

    assertThat(report.events()).isEqualTo(4);
    assertThat(report.detectedEvents()).isEqualTo(3);
    assertThat(report.recall()).isEqualTo(0.75);
    assertThat(report.alerts()).isEqualTo(5);
    assertThat(report.matchedAlerts()).isEqualTo(4);
    assertThat(report.precision()).isEqualTo(0.8);
    assertThat(report.f1()).isCloseTo(2 * 0.8 * 0.75 / (0.8 + 0.75), within(1e-12));
    assertThat(report.detections())
        .containsExactly(
            new Detection(ARRIVAL.id(), "a1", Duration.ofMinutes(5)),
            new Detection(EGRESS.id(), "a3", Duration.ofMinutes(-5)),
            new Detection(CONCERT.id(), "a4", Duration.ofMinutes(20)));
    assertThat(report.medianDelay()).isEqualTo(Duration.ofMinutes(5));
    assertThat(report.p90Delay()).isEqualTo(Duration.ofMinutes(20));
    assertThat(report.missedEvents()).containsExactly(SECOND_CONCERT);
    assertThat(report.falseAlerts()).extracting(AlertSpan::id).containsExactly("a5");
    assertThat(report.venues()).isEqualTo(3);
    assertThat(report.days()).isEqualTo(2.0);
    assertThat(report.falseAlertsPerVenueDay()).isCloseTo(1.0 / 6, within(1e-12));
  }

  @Test
  void delaysCountToWhenAnAlertWasRaisedWhenTheFileSaysSo() {
    Instant onset = ARRIVAL.onset();
    // Opened at its second hit, so raised 20 minutes after its first window's start.
    AlertSpan twoHits =
        new AlertSpan(
            "two-hits",
            "kuip",
            List.of(),
            onset,
            onset.plusSeconds(3600),
            onset.plusSeconds(20 * 60));
    // Only its first window is known: raised one window size (15 min) after that window's start.
    AlertSpan unknown =
        new AlertSpan("unknown", "kuip", onset.plusSeconds(10 * 60), onset.plusSeconds(3600));
    EventScorer scorer = new EventScorer(Duration.ofMinutes(15), Duration.ofMinutes(15));

    EvaluationReport report =
        scorer.score(
            "scan",
            new TruthSet(DAY_1, DAY_3, List.of(ARRIVAL)),
            WATCHED,
            List.of(unknown, twoHits));

    // The earlier-starting alert was raised first: 20 minutes against 10 + 15 = 25.
    assertThat(report.detections())
        .containsExactly(new Detection(ARRIVAL.id(), "two-hits", Duration.ofMinutes(20)));
    assertThatThrownBy(
            () ->
                new AlertSpan(
                    "x", "kuip", List.of(), onset, onset.plusSeconds(60), onset.minusSeconds(1)))
        .hasMessageContaining("raised at");
  }

  @Test
  void medianAndNinetiethPercentileOfKnownDelays() {
    // Descending, so the scorer has to sort.
    List<Duration> oneToTen =
        IntStream.rangeClosed(1, 10).mapToObj(i -> Duration.ofMinutes(11 - i)).toList();
    assertThat(EventScorer.median(oneToTen)).isEqualTo(Duration.ofSeconds(330));
    assertThat(EventScorer.percentile90(oneToTen)).isEqualTo(Duration.ofMinutes(9));

    List<Duration> odd = List.of(Duration.ofMinutes(-3), Duration.ofMinutes(7), Duration.ZERO);
    assertThat(EventScorer.median(odd)).isEqualTo(Duration.ZERO);
    assertThat(EventScorer.percentile90(odd)).isEqualTo(Duration.ofMinutes(7));

    assertThat(EventScorer.median(List.of(Duration.ofMinutes(4)))).isEqualTo(Duration.ofMinutes(4));
    assertThat(EventScorer.percentile90(List.of(Duration.ofMinutes(4))))
        .isEqualTo(Duration.ofMinutes(4));
    assertThat(EventScorer.median(List.of())).isNull();
    assertThat(EventScorer.percentile90(List.of())).isNull();
  }

  @Test
  void anAlertMatchesWhenItsOnsetIsWithinTheToleranceOfTheEvent() {
    EventScorer scorer = new EventScorer(Duration.ofMinutes(15));
    // Egress 14:15-15:00: onsets from 14:00 up to, not including, 15:15 match.
    assertThat(
            scorer.matches(
                EGRESS, alert("x", "kuip", "2026-04-19T14:00:00Z", "2026-04-19T14:20:00Z")))
        .isTrue();
    assertThat(
            scorer.matches(
                EGRESS, alert("x", "kuip", "2026-04-19T13:59:59Z", "2026-04-19T14:20:00Z")))
        .isFalse();
    assertThat(
            scorer.matches(
                EGRESS, alert("x", "kuip", "2026-04-19T15:14:59Z", "2026-04-19T15:30:00Z")))
        .isTrue();
    assertThat(
            scorer.matches(
                EGRESS, alert("x", "kuip", "2026-04-19T15:15:00Z", "2026-04-19T15:30:00Z")))
        .isFalse();
    // A window that ends at the onset holds none of the crowd.
    assertThat(
            scorer.matches(
                EGRESS, alert("x", "kuip", "2026-04-19T14:00:00Z", "2026-04-19T14:15:00Z")))
        .isFalse();
    // An unaffected venue never matches.
    assertThat(
            scorer.matches(
                EGRESS, alert("x", "ahoy", "2026-04-19T14:20:00Z", "2026-04-19T14:35:00Z")))
        .isFalse();
    assertThat(
            scorer.matches(
                EGRESS, alert("x", "centraal", "2026-04-19T14:20:00Z", "2026-04-19T14:35:00Z")))
        .isTrue();
  }

  @Test
  void aLongAlertDetectsOnlyTheEventItOpenedFor() {
    AlertSpan allDay = alert("long", "kuip", "2026-04-19T10:40:00Z", "2026-04-19T15:00:00Z");
    TruthSet match = new TruthSet(DAY_1, DAY_1.plus(Duration.ofDays(1)), List.of(ARRIVAL, EGRESS));

    EvaluationReport report = new EventScorer().score("scan", match, WATCHED, List.of(allDay));

    assertThat(report.detections()).extracting(Detection::eventId).containsExactly(ARRIVAL.id());
    assertThat(report.missedEvents()).containsExactly(EGRESS);
    assertThat(report.precision()).isEqualTo(1.0);
    assertThat(report.recall()).isEqualTo(0.5);
  }

  @Test
  void oneAlertDetectsTwoEventsThatBeginTogetherAndCountsOnce() {
    TruthEvent fanWalk =
        event("fan-walk", "centraal", "2026-04-19T10:30:00Z", "2026-04-19T11:30:00Z");
    TruthSet together =
        new TruthSet(DAY_1, DAY_1.plus(Duration.ofDays(1)), List.of(ARRIVAL, fanWalk));
    AlertSpan atCentraal = alert("c1", "centraal", "2026-04-19T10:25:00Z", "2026-04-19T11:00:00Z");

    EvaluationReport report =
        new EventScorer().score("scan", together, WATCHED, List.of(atCentraal));

    assertThat(report.detections())
        .containsExactly(
            new Detection(ARRIVAL.id(), "c1", Duration.ofMinutes(-5)),
            new Detection("fan-walk", "c1", Duration.ofMinutes(-5)));
    assertThat(report.recall()).isEqualTo(1.0);
    assertThat(report.alerts()).isEqualTo(1);
    assertThat(report.matchedAlerts()).isEqualTo(1);
    assertThat(report.precision()).isEqualTo(1.0);
    assertThat(report.f1()).isEqualTo(1.0);
  }

  @Test
  void withoutAlertsPrecisionIsUndefinedAndF1IsZero() {
    EvaluationReport report = new EventScorer().score("silent", TRUTH, WATCHED, List.of());

    assertThat(report.precision()).isNaN();
    assertThat(report.recall()).isZero();
    assertThat(report.f1()).isZero();
    assertThat(report.medianDelay()).isNull();
    assertThat(report.p90Delay()).isNull();
    assertThat(report.falseAlertsPerVenueDay()).isZero();
    assertThat(report.missedEvents()).hasSize(4);
  }

  @Test
  void venuesOfAlertsOutsideTheWatchedListStillCountAsVenues() {
    AlertSpan elsewhere = alert("z", "erasmusbrug", "2026-04-19T08:00:00Z", "2026-04-19T08:15:00Z");

    EvaluationReport report =
        new EventScorer().score("scan", TRUTH, List.of("kuip"), List.of(elsewhere));

    // kuip, centraal (affected by the match), ahoy (the concerts) and erasmusbrug.
    assertThat(report.venues()).isEqualTo(4);
    assertThat(report.falseAlertsPerVenueDay()).isEqualTo(1.0 / 8);
  }

  @Test
  void rejectsRepeatedAlertIdsAndANegativeTolerance() {
    AlertSpan a = alert("a", "kuip", "2026-04-19T10:35:00Z", "2026-04-19T11:30:00Z");
    assertThatThrownBy(() -> new EventScorer().score("scan", TRUTH, WATCHED, List.of(a, a)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("alert id a appears twice; expected one span per alert id");
    assertThatThrownBy(() -> new EventScorer(Duration.ofMinutes(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("tolerance is PT-1M; expected zero or a positive duration");
  }
}
