package org.crowdhex.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reads alert JSON lines written into a temporary folder. */
class AlertFileTest {
  @TempDir Path dir;

  @Test
  void collapsesTheUpdatesOfOneAlertIntoOneSpan() throws Exception {
    Path file = dir.resolve("alerts.jsonl");
    Files.writeString(
        file,
        """
        {"id":"k1","venue":"kuip","first_window_start":"2026-04-19T14:15:00Z","last_window_end":"2026-04-19T14:30:00Z","state":"open","cells":["8a1969"]}
        {"id":"c1","venue":"centraal","first_window_start":"2026-04-19T14:30:00Z","last_window_end":"2026-04-19T14:45:00Z"}

        {"id":"k1","venue":"kuip","first_window_start":"2026-04-19T14:10:00Z","last_window_end":"2026-04-19T14:50:00Z","state":"open","cells":["8a1968","8a1969"]}
        {"id":"k1","venue":"kuip","first_window_start":"2026-04-19T14:15:00Z","last_window_end":"2026-04-19T14:40:00Z","state":"closed","extra":1}
        """);

    List<AlertSpan> alerts = AlertFile.read(file);

    assertThat(alerts)
        .containsExactly(
            new AlertSpan(
                "k1",
                "kuip",
                List.of("8a1968", "8a1969"),
                Instant.parse("2026-04-19T14:10:00Z"),
                Instant.parse("2026-04-19T14:50:00Z")),
            new AlertSpan(
                "c1",
                "centraal",
                Instant.parse("2026-04-19T14:30:00Z"),
                Instant.parse("2026-04-19T14:45:00Z")));
  }

  @Test
  void theEarliestWindowEndOfAnAlertsRecordsIsWhenItWasRaised() throws Exception {
    Path file = dir.resolve("alerts.jsonl");
    Files.writeString(
        file,
        """
        {"id":"k1","venue":"kuip","first_window_start":"2026-04-19T14:15:00Z","last_window_end":"2026-04-19T14:35:00Z","window_end":"2026-04-19T14:35:00Z","state":"opened"}
        {"id":"k1","venue":"kuip","first_window_start":"2026-04-19T14:15:00Z","last_window_end":"2026-04-19T14:40:00Z","window_end":"2026-04-19T14:40:00Z","state":"updated"}
        """);

    assertThat(AlertFile.read(file))
        .singleElement()
        .satisfies(a -> assertThat(a.raised()).isEqualTo(Instant.parse("2026-04-19T14:35:00Z")));
  }

  @Test
  void listsEveryProblemWithItsLine() throws Exception {
    Path file = dir.resolve("bad.jsonl");
    Files.writeString(
        file,
        """
        {"id":"k1","venue":"kuip","first_window_start":"2026-04-19T14:15:00Z","last_window_end":"2026-04-19T14:30:00Z"}
        {"id":"k1","venue":"ahoy","first_window_start":"2026-04-19T14:15:00Z","last_window_end":"2026-04-19T14:30:00Z"}
        {"venue":"kuip","first_window_start":"19/04/2026 14:15","last_window_end":"2026-04-19T14:30:00Z"}
        not json
        {"id":"k2","venue":"kuip","first_window_start":"2026-04-19T14:30:00Z","last_window_end":"2026-04-19T14:30:00Z"}
        """);

    assertThatThrownBy(() -> AlertFile.read(file))
        .isInstanceOfSatisfying(
            EvaluationFileException.class,
            e ->
                assertThat(e.problems())
                    .hasSize(5)
                    .satisfiesExactly(
                        p ->
                            assertThat(p)
                                .isEqualTo(
                                    "bad.jsonl line 2: venue is ahoy; expected kuip as in alert k1"
                                        + " before"),
                        p ->
                            assertThat(p)
                                .isEqualTo("bad.jsonl line 3: id is missing; expected a text"),
                        p ->
                            assertThat(p)
                                .isEqualTo(
                                    "bad.jsonl line 3: first_window_start is \"19/04/2026 14:15\";"
                                        + " expected an ISO-8601 UTC instant such as"
                                        + " 2026-04-19T14:15:00Z"),
                        p -> assertThat(p).startsWith("bad.jsonl line 4 is not JSON: "),
                        p ->
                            assertThat(p)
                                .isEqualTo(
                                    "bad.jsonl line 5: last_window_end is 2026-04-19T14:30:00Z;"
                                        + " expected an instant after first_window_start"
                                        + " 2026-04-19T14:30:00Z")))
        .hasMessageStartingWith("bad.jsonl has 5 problems:");
  }

  @Test
  void aMissingFileIsOneProblem() {
    assertThatThrownBy(() -> AlertFile.read(dir.resolve("none.jsonl")))
        .isInstanceOf(EvaluationFileException.class)
        .hasMessage("none.jsonl does not exist; expected a file of alert JSON lines");
  }
}
