package org.crowdhex.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.crowdhex.generate.GeneratorSpec;
import org.crowdhex.generate.MatchScenario;
import org.crowdhex.generate.SyntheticStream;
import org.crowdhex.venue.Venue;
import org.crowdhex.venue.VenueCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reads truth files: small hand-written ones and one written by the real generator. */
class TruthFileTest {
  @TempDir Path dir;

  static Path repoFile(String relative) {
    Path p = Path.of(relative);
    return Files.exists(p) ? p : Path.of("..").resolve(relative);
  }

  @Test
  void aMatchGivesArrivalAndEgressAnOutageNothingAndOtherKindsTheirWholeSpan() throws Exception {
    Path file = dir.resolve("truth.json");
    Files.writeString(
        file,
        """
        {
          "seed": 1,
          "spec": {"start": "2026-04-18T22:00:00.000Z", "end": "2026-04-19T22:00:00.000Z"},
          "events": [
            {
              "id": "match-1-kuip",
              "kind": "stadium_match",
              "venue_id": "kuip",
              "intervals": {
                "arrival": {"start": "2026-04-19T10:30:00.000Z", "end": "2026-04-19T12:30:00.000Z"},
                "match": {"start": "2026-04-19T12:30:00.000Z", "end": "2026-04-19T14:15:00.000Z"},
                "egress": {"start": "2026-04-19T14:15:00.000Z", "end": "2026-04-19T15:00:00.000Z"}
              },
              "affected_venues": ["kuip", "centraal", "stadion_halt"],
              "affected_cells": ["891969a4b2bffff"]
            },
            {
              "id": "outage-1",
              "kind": "outage",
              "venue_id": null,
              "intervals": {
                "outage": {"start": "2026-04-19T16:00:00Z", "end": "2026-04-19T16:30:00Z"}
              },
              "drop_fraction": 0.5
            },
            {
              "id": "build-1",
              "kind": "build_up",
              "venue_id": "coolsingel",
              "intervals": {
                "build_up": {"start": "2026-04-19T17:00:00Z", "end": "2026-04-19T17:30:00Z"},
                "steady": {"start": "2026-04-19T17:30:00Z", "end": "2026-04-19T17:50:00Z"}
              }
            },
            {
              "id": "flash-1",
              "kind": "flash_crowd",
              "venue_id": "coolsingel",
              "intervals": {
                "crowd": {"start": "2026-04-19T18:00:00Z", "end": "2026-04-19T18:40:00Z"}
              }
            }
          ],
          "flows": []
        }
        """);

    TruthSet truth = TruthFile.read(file);

    assertThat(truth.start()).isEqualTo(Instant.parse("2026-04-18T22:00:00Z"));
    assertThat(truth.end()).isEqualTo(Instant.parse("2026-04-19T22:00:00Z"));
    assertThat(truth.days()).isEqualTo(1.0);
    List<String> matchVenues = List.of("kuip", "centraal", "stadion_halt");
    assertThat(truth.events())
        .containsExactly(
            new TruthEvent(
                "match-1-kuip/arrival",
                "stadium_match",
                "kuip",
                Instant.parse("2026-04-19T10:30:00Z"),
                Instant.parse("2026-04-19T12:30:00Z"),
                matchVenues),
            new TruthEvent(
                "match-1-kuip/egress",
                "stadium_match",
                "kuip",
                Instant.parse("2026-04-19T14:15:00Z"),
                Instant.parse("2026-04-19T15:00:00Z"),
                matchVenues),
            new TruthEvent(
                "build-1",
                "build_up",
                "coolsingel",
                Instant.parse("2026-04-19T17:00:00Z"),
                Instant.parse("2026-04-19T17:50:00Z"),
                List.of()),
            new TruthEvent(
                "flash-1",
                "flash_crowd",
                "coolsingel",
                Instant.parse("2026-04-19T18:00:00Z"),
                Instant.parse("2026-04-19T18:40:00Z"),
                List.of("coolsingel")));
  }

  @Test
  void listsEveryProblemOfTheEvents() throws Exception {
    Path file = dir.resolve("bad.json");
    Files.writeString(
        file,
        """
        {"spec": {"start": "2026-04-19T00:00:00Z"},
         "events": [
           {"id": "m", "kind": "stadium_match", "venue_id": "kuip",
            "intervals": {"arrival": {"start": "2026-04-19T10:30:00Z", "end": "2026-04-19T12:30:00Z"}}},
           {"id": "f", "kind": "flash_crowd", "venue_id": "coolsingel",
            "intervals": {"crowd": {"start": "2026-04-19T19:00:00Z", "end": "2026-04-19T18:00:00Z"}}},
           {"id": "x", "kind": "march"}
         ]}
        """);

    assertThatThrownBy(() -> TruthFile.read(file))
        .isInstanceOfSatisfying(
            EvaluationFileException.class,
            e ->
                assertThat(e.problems())
                    .containsExactly(
                        "bad.json: spec.end is missing; expected an ISO-8601 UTC instant such as"
                            + " 2026-04-19T14:15:00Z",
                        "bad.json: events[0].intervals.egress is missing; expected it for an event"
                            + " of kind stadium_match",
                        "bad.json: events[1].intervals: truth event f ends at"
                            + " 2026-04-19T18:00:00Z; expected an end after its onset"
                            + " 2026-04-19T19:00:00Z",
                        "bad.json: events[2].venue_id is missing; expected a non-blank text",
                        "bad.json: events[2].intervals is missing; expected an object of named"
                            + " intervals with start and end"));
  }

  @Test
  void aFileThatIsNotJsonIsOneProblem() throws Exception {
    Path file = dir.resolve("truth.json");
    Files.writeString(file, "{\"events\": [");
    assertThatThrownBy(() -> TruthFile.read(file))
        .isInstanceOf(EvaluationFileException.class)
        .hasMessageStartingWith("truth.json is not JSON: ");
    assertThatThrownBy(() -> TruthFile.read(dir.resolve("none.json")))
        .isInstanceOf(EvaluationFileException.class)
        .hasMessage("none.json does not exist; expected the truth.json of a generated stream");
  }

  @Test
  void readsTheTruthTheGeneratorWrites() throws Exception {
    List<Venue> venues = VenueCatalog.read(repoFile("geo-data/venues/rotterdam.geojson"), 100);
    Instant kickOff = Instant.parse("2026-04-19T12:30:00Z");
    GeneratorSpec spec =
        GeneratorSpec.matchDay(
            42, ZoneId.of("Europe/Amsterdam"), new MatchScenario("kuip", kickOff, 500));
    Path truthFile = dir.resolve("truth.json");
    SyntheticStream.writeFiles(spec, venues, dir.resolve("posts.jsonl"), truthFile, null);

    TruthSet truth = TruthFile.read(truthFile);

    assertThat(truth.start()).isEqualTo(spec.start());
    assertThat(truth.end()).isEqualTo(spec.end());
    Instant finalWhistle = kickOff.plus(MatchScenario.DEFAULT_LENGTH);
    assertThat(truth.events())
        .extracting(TruthEvent::id, TruthEvent::venue, TruthEvent::onset, TruthEvent::end)
        .containsExactly(
            tuple("match-1-kuip/arrival", "kuip", kickOff.minus(Duration.ofHours(2)), kickOff),
            tuple(
                "match-1-kuip/egress",
                "kuip",
                finalWhistle,
                finalWhistle.plus(Duration.ofMinutes(45))));
    // The match's hubs are the plan's stations.
    assertThat(truth.events().get(0).affectedVenues())
        .startsWith("kuip")
        .contains("centraal", "stadion_halt");
  }
}
