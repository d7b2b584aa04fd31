package org.crowdhex.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Prints and writes the reports of two detectors scored on the same truth. */
class ReportTableTest {
  @TempDir Path dir;

  static List<EvaluationReport> reports() {
    TruthSet truth = EventScorerTest.TRUTH;
    EventScorer scorer = new EventScorer();
    EvaluationReport scan =
        scorer.score(
            "scan",
            truth,
            EventScorerTest.WATCHED,
            List.of(
                EventScorerTest.alert("a1", "kuip", "2026-04-19T10:35:00Z", "2026-04-19T11:30:00Z"),
                EventScorerTest.alert("a3", "kuip", "2026-04-19T14:10:00Z", "2026-04-19T15:00:00Z"),
                EventScorerTest.alert(
                    "a5", "kuip", "2026-04-20T03:00:00Z", "2026-04-20T03:15:00Z")));
    EvaluationReport silent =
        scorer.score(BaselineDetectors.Z_SCORE, truth, EventScorerTest.WATCHED, List.of());
    return List.of(scan, silent);
  }

  @Test
  void printsOneFixedWidthRowPerDetector() {
    assertThat(ReportTable.text(reports()))
        .isEqualTo(
            """
            detector  precision  recall     F1  median delay  p90 delay  false/venue-day  events  alerts
            --------  ---------  ------  -----  ------------  ---------  ---------------  ------  ------
            scan          0.667   0.500  0.571        +0m00s     +5m00s            0.167       4       3
            z-score           -   0.000  0.000             -          -            0.000       4       0
            """);
  }

  @Test
  void printsEachEventsDelayPerDetector() {
    assertThat(ReportTable.delays(EventScorerTest.TRUTH, reports()))
        .isEqualTo(
            """
            event                          kind    scan  z-score
            --------------------  -------------  ------  -------
            match-1-kuip/arrival  stadium_match  +5m00s   missed
            match-1-kuip/egress   stadium_match  -5m00s   missed
            concert-1             stadium_match  missed   missed
            concert-2             stadium_match  missed   missed
            """);
  }

  @Test
  void writesEveryNumberAndListAsJson() throws Exception {
    Path file = dir.resolve("evaluation.json");
    ReportTable.writeJson(reports(), file);

    JsonNode root = new ObjectMapper().readTree(Files.readString(file));
    assertThat(root.get("reports")).hasSize(2);
    JsonNode scan = root.get("reports").get(0);
    assertThat(scan.get("detector").asText()).isEqualTo("scan");
    assertThat(scan.get("tolerance_s").asLong()).isEqualTo(900);
    assertThat(scan.get("events").asInt()).isEqualTo(4);
    assertThat(scan.get("detected_events").asInt()).isEqualTo(2);
    assertThat(scan.get("alerts").asInt()).isEqualTo(3);
    assertThat(scan.get("matched_alerts").asInt()).isEqualTo(2);
    assertThat(scan.get("precision").asDouble()).isEqualTo(0.666667);
    assertThat(scan.get("recall").asDouble()).isEqualTo(0.5);
    assertThat(scan.get("f1").asDouble()).isEqualTo(0.571429);
    assertThat(scan.get("median_delay_s").asDouble()).isEqualTo(0.0);
    assertThat(scan.get("p90_delay_s").asDouble()).isEqualTo(300.0);
    assertThat(scan.get("venues").asInt()).isEqualTo(3);
    assertThat(scan.get("days").asDouble()).isEqualTo(2.0);
    assertThat(scan.get("false_alerts_per_venue_day").asDouble()).isEqualTo(0.166667);
    assertThat(scan.get("detections").get(1).toString())
        .isEqualTo("{\"event\":\"match-1-kuip/egress\",\"alert\":\"a3\",\"delay_s\":-300.0}");
    assertThat(scan.get("missed_events"))
        .extracting(n -> n.get("id").asText())
        .containsExactly("concert-1", "concert-2");
    assertThat(scan.get("false_alerts").get(0).toString())
        .isEqualTo(
            "{\"id\":\"a5\",\"venue\":\"kuip\",\"start\":\"2026-04-20T03:00:00Z\","
                + "\"end\":\"2026-04-20T03:15:00Z\"}");

    JsonNode silent = root.get("reports").get(1);
    assertThat(silent.get("precision").isNull()).isTrue();
    assertThat(silent.get("median_delay_s").isNull()).isTrue();
    assertThat(silent.get("f1").asDouble()).isZero();
    assertThat(Files.readString(file)).isEqualTo(ReportTable.json(reports())).endsWith("}\n");
  }

  @Test
  void delaysAreSignedMinutesAndSeconds() {
    assertThat(ReportTable.delay(Duration.ofSeconds(-150))).isEqualTo("-2m30s");
    assertThat(ReportTable.delay(Duration.ofMinutes(65))).isEqualTo("+65m00s");
    assertThat(ReportTable.delay(null)).isEqualTo("-");
  }
}
