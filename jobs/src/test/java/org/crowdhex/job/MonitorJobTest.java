package org.crowdhex.job;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.uber.h3core.H3Core;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.crowdhex.plan.EventPlan;
import org.crowdhex.plan.PlanReader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real monitor job on the embedded engine (a MiniCluster at parallelism 2) over a small
 * hand-made input whose every count is worked out by hand, out-of-order and late posts included.
 */
class MonitorJobTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final double LAT = 51.8939, LON = 4.5232;
  private static H3Core h3;
  private static long cellA, cellB;

  @TempDir Path dir;

  @BeforeAll
  static void cells() throws IOException {
    h3 = H3Core.newInstance();
    cellA = h3.latLngToCell(LAT, LON, 9);
    cellB = h3.gridDisk(cellA, 1).stream().filter(c -> c != cellA).findFirst().orElseThrow();
  }

  private EventPlan plan() throws IOException {
    HandMadeEvent.writeVenue(dir, 600);
    Path plan = dir.resolve("plan.yaml");
    Files.writeString(
        plan,
        """
        name: hand-made match
        time_zone: Europe/Amsterdam
        venues: {file: venues.geojson}
        h3_resolution: 9
        window: {size: 10m, slide: 5m, out_of_orderness: 1m, allowed_lateness: 2m}
        privacy: {min_crowd: 1}   # every count is published: this test checks the counting
        run: {parallelism: 2}
        """);
    return PlanReader.read(plan);
  }

  @Test
  void countsPostsAndAuthorsPerCellAndWindowWithOutOfOrderAndLatePosts() throws Exception {
    List<String> lines = new ArrayList<>();
    lines.add(HandMadeEvent.post(h3, "1", "u1", "12:01:00", cellA));
    lines.add(HandMadeEvent.post(h3, "2", "u1", "12:02:00", cellA)); // same author twice
    lines.add(HandMadeEvent.post(h3, "3", "u2", "12:03:00", cellA));
    lines.add(HandMadeEvent.post(h3, "4", "u3", "12:04:00", cellB));
    lines.add(
        HandMadeEvent.post(
            h3, "5", "u3", "12:00:30", cellA)); // out of order, within out_of_orderness
    lines.add(
        HandMadeEvent.post(
            h3,
            "6",
            "u1",
            "12:12:00",
            cellA)); // watermark 12:11: [11:55,12:05), [12:00,12:10) fire
    lines.add(
        HandMadeEvent.post(
            h3, "7", "u4", "12:08:00", cellB)); // late but within lateness: [12:00,12:10) rev 1
    lines.add(
        HandMadeEvent.post(
            h3, "8", "u5", "12:20:00", cellA)); // watermark 12:19: [12:00,12:10) is gone
    lines.add(
        HandMadeEvent.post(
            h3, "9", "u6", "12:03:00", cellA)); // later than the allowed lateness: late output
    lines.add(
        "{\"id\":\"10\",\"author\":\"u7\",\"time\":\"2026-04-19T12:21:00Z\",\"lat\":52.37,\"lon\":4.89}");
    lines.add("{\"id\":\"11\",\"author\":\"u8\",\"time\":\"2026-04-19T12:21:00Z\",\"lat\":"); // cut
    Path input = dir.resolve("posts.jsonl");
    Files.write(input, lines);
    Path out = dir.resolve("out");

    RunSummary summary =
        EmbeddedRun.replay(
            plan(), MonitorJob.venueZones(plan()), List.of(input.toString()), out, p -> {});

    assertThat(summary.read()).isEqualTo(11);
    assertThat(summary.rejected()).isEqualTo(1);
    assertThat(summary.outsideZones()).isEqualTo(1);
    assertThat(summary.late()).isEqualTo(1);
    assertThat(summary.counted()).isEqualTo(8);

    String a = Long.toHexString(cellA), b = Long.toHexString(cellB);
    Map<String, String> expected = new TreeMap<>();
    // key: cell window revision -> posts/authors
    expected.put(a + " 11:55 0", "4/3");
    expected.put(b + " 11:55 0", "1/1");
    expected.put(a + " 12:00 0", "4/3");
    expected.put(b + " 12:00 0", "1/1");
    expected.put(b + " 12:00 1", "2/2");
    expected.put(a + " 12:05 0", "1/1");
    expected.put(b + " 12:05 0", "1/1");
    expected.put(a + " 12:10 0", "1/1");
    expected.put(a + " 12:15 0", "1/1");
    expected.put(a + " 12:20 0", "1/1");
    Map<String, String> actual = new TreeMap<>();
    for (JsonNode r : jsonLines(out.resolve("density/cells.jsonl"))) {
      String start = r.get("window_start").asText().substring(11, 16);
      actual.put(
          r.get("cell").asText() + " " + start + " " + r.get("revision").asInt(),
          r.get("posts").asLong() + "/" + r.get("authors").asInt());
      assertThat(r.get("venues").get(0).asText()).isEqualTo("kuip");
      assertThat(r.get("density").asDouble())
          .isCloseTo(
              r.get("authors").asInt()
                  / h3.cellArea(
                      Long.parseUnsignedLong(r.get("cell").asText(), 16),
                      com.uber.h3core.AreaUnit.km2),
              org.assertj.core.data.Offset.offset(0.01));
    }
    assertThat(actual).isEqualTo(expected);

    // Venue totals: distinct authors over the zone, not the sum of the cells'.
    Map<String, String> venues = new TreeMap<>();
    for (JsonNode r : jsonLines(out.resolve("density/venues.jsonl"))) {
      venues.put(
          r.get("window_start").asText().substring(11, 16) + " " + r.get("revision").asInt(),
          r.get("posts").asLong() + "/" + r.get("authors").asInt() + "/" + r.get("cells").asInt());
    }
    assertThat(venues)
        .containsEntry("11:55 0", "5/3/2")
        .containsEntry("12:00 0", "5/3/2")
        .containsEntry("12:00 1", "6/4/2")
        .containsEntry("12:05 0", "2/2/2");

    List<JsonNode> rejects = jsonLines(out.resolve("rejects/rejects.jsonl"));
    assertThat(rejects).hasSize(1);
    assertThat(rejects.get(0).get("reason").asText()).isEqualTo("MALFORMED");
    assertThat(rejects.get(0).get("origin").asText()).isEqualTo("posts.jsonl:11");

    List<JsonNode> late = jsonLines(out.resolve("late/late.jsonl"));
    assertThat(late).hasSize(1);
    assertThat(late.get(0).get("time").asText()).isEqualTo("2026-04-19T12:03:00Z");

    JsonNode features = JSON.readTree(out.resolve("density/cells.geojson").toFile());
    assertThat(features.get("type").asText()).isEqualTo("FeatureCollection");
    assertThat(features.get("features")).hasSize(expected.size());
    assertThat(features.get("features").get(0).at("/geometry/coordinates/0")).hasSize(7);
    JsonNode written = JSON.readTree(out.resolve("summary.json").toFile());
    assertThat(written.get("read").asLong()).isEqualTo(11);
    // What ran: the plan's name, and no detection.
    assertThat(written.at("/plan/name").asText()).isEqualTo("hand-made match");
    assertThat(written.at("/plan/detection").isNull()).isTrue();
  }

  static List<JsonNode> jsonLines(Path file) throws IOException {
    List<JsonNode> out = new ArrayList<>();
    for (String line : Files.readAllLines(file)) {
      if (!line.isBlank()) out.add(JSON.readTree(line));
    }
    return out;
  }
}
