package org.crowdhex.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo as a user runs it ({@code crowdhex demo --no-serve}), read for what it must never
 * publish: no input author id and no post text in any output file, tiles included; no published
 * figure below the minimum crowd; flows good enough to follow the match's crowd ({@code crowdhex
 * eval --flows}); and alerts, against the baseline the demo learns from its event-free days, at the
 * match's venues around the match and nowhere else ({@code crowdhex eval --alerts}).
 */
class DemoPrivacyTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MIN_CROWD = 10; // the demo plan's privacy.min_crowd

  @TempDir static Path dir;
  private static String demoOutput;

  @BeforeAll
  static void runTheDemo() {
    demoOutput = InProcess.demo(dir);
  }

  private static Path output() {
    return dir.resolve("output");
  }

  @Test
  void noOutputFileHoldsAnInputAuthorIdOrPostText() throws Exception {
    Set<String> authors = new HashSet<>();
    Set<String> texts = new HashSet<>();
    for (String line : Files.readAllLines(dir.resolve("input/posts.jsonl"))) {
      JsonNode post = JSON.readTree(line);
      authors.add(post.get("author").asText());
      if (post.hasNonNull("text")) texts.add(post.get("text").asText());
    }
    assertThat(authors).hasSizeGreaterThan(10_000);
    assertThat(texts).isNotEmpty();
    // Compared byte for byte: every file (PNG, MVT and PMTiles too) read as ISO-8859-1, and each
    // text as its UTF-8 bytes read the same way.
    List<String> needles = new ArrayList<>();
    for (String t : texts) {
      needles.add(new String(t.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1));
    }
    Pattern word = Pattern.compile("[A-Za-z0-9_]+");

    List<Path> files;
    try (Stream<Path> s = Files.walk(output())) {
      files = s.filter(Files::isRegularFile).toList();
    }
    Set<String> kinds = new HashSet<>();
    Map<Path, String> leaks = new HashMap<>();
    for (Path f : files) {
      String name = f.getFileName().toString();
      kinds.add(name.contains(".") ? name.substring(name.lastIndexOf('.')) : name);
      String bytes = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
      Matcher m = word.matcher(bytes);
      while (m.find()) {
        if (authors.contains(m.group())) leaks.put(f, "author id " + m.group());
      }
      for (String t : needles) {
        if (bytes.contains(t)) leaks.put(f, "post text " + t);
      }
    }
    assertThat(kinds).contains(".jsonl", ".geojson", ".csv", ".json", ".png", ".mvt", ".pmtiles");
    assertThat(files).hasSizeGreaterThan(100);
    assertThat(leaks).isEmpty();
  }

  @Test
  void publishesNoFigureBelowTheMinimumCrowd() throws Exception {
    Path out = output();
    for (JsonNode r : lines(out.resolve("density/cells.jsonl"))) {
      assertThat(r.get("authors").asInt()).as("%s", r).isGreaterThanOrEqualTo(MIN_CROWD);
    }
    for (JsonNode r : lines(out.resolve("density/venues.jsonl"))) {
      assertThat(r.get("authors").asInt()).as("%s", r).isGreaterThanOrEqualTo(MIN_CROWD);
    }
    List<JsonNode> flows = lines(out.resolve("flows/flows.jsonl"));
    assertThat(flows).isNotEmpty();
    for (JsonNode r : flows) {
      assertThat(r.get("authors").asInt()).as("%s", r).isGreaterThanOrEqualTo(MIN_CROWD);
    }
    for (JsonNode r : lines(out.resolve("flows/zones.jsonl"))) {
      for (String figure : List.of("inflow", "outflow")) {
        if (!r.get(figure).isNull()) {
          assertThat(r.get(figure).asInt()).as("%s", r).isGreaterThanOrEqualTo(MIN_CROWD);
        }
      }
    }
    JsonNode summary = JSON.readTree(out.resolve("summary.json").toFile());
    assertThat(summary.get("cells_suppressed").asLong()).isPositive();
    assertThat(summary.get("read").asLong())
        .isEqualTo(
            summary.get("counted").asLong()
                + summary.get("rejected").asLong()
                + summary.get("outside_zones").asLong()
                + summary.get("duplicates").asLong()
                + summary.get("over_cap").asLong()
                + summary.get("late").asLong());
  }

  @Test
  void saysItUsesAThrowawayKeyAndShowsOnlyItsFingerprint() {
    assertThat(demoOutput)
        .containsPattern("throwaway key made for this run \\(fingerprint [0-9a-f]{8}\\)")
        .contains("minimum crowd 10 distinct authors");
  }

  @Test
  void evalScoresTheArrivalAndEgressFlowsAtACommonPartOfAtLeast80Percent() throws Exception {
    Path report = dir.resolve("flow-accuracy.json");
    String table =
        InProcess.crowdhex(
            "eval",
            "--flows",
            output().resolve("flows/flows.jsonl").toString(),
            "--truth",
            dir.resolve("input/truth.json").toString(),
            "--json",
            report.toString());
    assertThat(table).contains("arrival").contains("egress").contains("centraal -> kuip");

    Map<String, Double> cpc = new HashMap<>();
    for (JsonNode phase : JSON.readTree(report.toFile()).get("flows")) {
      cpc.put(phase.get("phase").asText(), phase.get("cpc").asDouble());
      assertThat(phase.get("estimated_authors").asLong()).isPositive();
    }
    assertThat(cpc).containsOnlyKeys("arrival", "egress");
    assertThat(cpc.get("arrival")).isGreaterThanOrEqualTo(0.8);
    assertThat(cpc.get("egress")).isGreaterThanOrEqualTo(0.8);
  }

  @Test
  void raisesAlertsOnlyAtTheMatchsVenuesAroundTheMatch() throws Exception {
    JsonNode truth = JSON.readTree(dir.resolve("input/truth.json").toFile());
    assertThat(truth.get("events")).hasSize(1);
    JsonNode match = truth.get("events").get(0);
    Instant from =
        Instant.parse(match.at("/intervals/arrival/start").asText()).minus(Duration.ofMinutes(15));
    Instant to =
        Instant.parse(match.at("/intervals/egress/end").asText()).plus(Duration.ofHours(1));
    Set<String> venues = new HashSet<>(List.of("kuip", "stadion_halt", "centraal"));
    match.get("affected_venues").forEach(v -> venues.add(v.asText()));

    List<JsonNode> alerts = lines(output().resolve("alerts/alerts.jsonl"));
    assertThat(alerts)
        .filteredOn(a -> a.get("state").asText().equals("opened"))
        .extracting(a -> a.get("venue").asText())
        .contains("kuip");
    for (JsonNode a : alerts) {
      assertThat(a.get("venue").asText()).as("%s", a).isIn(venues);
      assertThat(a.get("baseline").asText()).as("%s", a).isEqualTo("history");
      assertThat(Instant.parse(a.get("first_window_start").asText()))
          .as("%s", a)
          .isAfterOrEqualTo(from);
      assertThat(Instant.parse(a.get("window_end").asText())).as("%s", a).isBeforeOrEqualTo(to);
      assertThat(a.get("observed").asInt()).as("%s", a).isGreaterThanOrEqualTo(MIN_CROWD);
      assertThat(a.get("peak_observed").asInt()).as("%s", a).isGreaterThanOrEqualTo(MIN_CROWD);
      // How many are there: the window alone, never more than the scan's sum over its windows,
      // and held back (null) rather than published below the minimum crowd.
      for (String[] f :
          new String[][] {{"present", "observed"}, {"peak_present", "peak_observed"}}) {
        JsonNode present = a.get(f[0]);
        assertThat(present.isNull() || present.isIntegralNumber()).as("%s", a).isTrue();
        if (present.isNull()) continue;
        assertThat(present.asLong())
            .as("%s of %s", f[0], a)
            .isBetween((long) MIN_CROWD, a.get(f[1]).asLong());
      }
    }
    // At its peak De Kuip's alert holds fewer people than the 3,000 at the match, though the scan
    // counts more: it adds up three overlapping windows.
    JsonNode kuipPeak =
        alerts.stream()
            .filter(a -> a.get("venue").asText().equals("kuip"))
            .max(java.util.Comparator.comparingDouble(a -> a.get("peak_score").asDouble()))
            .orElseThrow();
    assertThat(kuipPeak.get("peak_present").asLong()).as("%s", kuipPeak).isBetween(500L, 3_000L);
    JsonNode features = JSON.readTree(output().resolve("alerts/alerts.geojson").toFile());
    assertThat(features.get("features")).hasSize(alerts.size());
    long opened = alerts.stream().filter(a -> a.get("state").asText().equals("opened")).count();
    assertThat(demoOutput)
        .contains(opened + " alerts opened at ")
        .containsPattern(
            "\\n  kuip +12:[34]\\d - 1[67]:\\d\\d  critical  peak \\d\\d:\\d\\d - \\d\\d:\\d\\d:"
                + " [0-9,]+ present; scan [0-9,]+ observed");

    // Scored against the truth: both phases of the match found, no alert that is not the match.
    Path report = dir.resolve("alert-accuracy.json");
    InProcess.crowdhex(
        "eval",
        "--alerts",
        output().resolve("alerts/alerts.jsonl").toString(),
        "--truth",
        dir.resolve("input/truth.json").toString(),
        "--json",
        report.toString());
    JsonNode scored = JSON.readTree(report.toFile()).get("reports").get(0);
    assertThat(scored.get("precision").asDouble()).as("%s", scored).isEqualTo(1.0);
    assertThat(scored.get("recall").asDouble()).as("%s", scored).isEqualTo(1.0);
  }

  /**
   * The plan the demo leaves behind is the one it ran, detection included: {@code crowdhex run} on
   * it, as the demo prints, raises the very same alerts (under another throwaway key: pseudonyms
   * change, counts do not).
   */
  @Test
  void itsPlanReplaysTheSameAlertsWithCrowdhexRun() throws Exception {
    Path plan = dir.resolve("geo-data/plans/rotterdam-match.yaml");
    assertThat(Files.readString(plan))
        .contains("detection:")
        .contains("baseline: ../../input/baseline.json.gz");
    Path rerun = dir.resolve("rerun");
    assertThat(demoOutput)
        .contains(
            "crowdhex run "
                + plan
                + " --input "
                + dir.resolve("input/posts.jsonl")
                + " --throwaway-key --out "
                + rerun);

    String printed =
        InProcess.crowdhex(
            "run",
            plan.toString(),
            "--input",
            dir.resolve("input/posts.jsonl").toString(),
            "--throwaway-key",
            "--out",
            rerun.toString());

    assertThat(printed).contains("detection against the baseline baseline.json.gz");
    // Each run's summary says what it ran with.
    for (Path out : List.of(output(), rerun)) {
      JsonNode ran = JSON.readTree(out.resolve("summary.json").toFile()).get("plan");
      assertThat(ran.get("name").asText()).isEqualTo("Feyenoord match day at De Kuip");
      assertThat(ran.get("time_zone").asText()).isEqualTo("Europe/Amsterdam");
      assertThat(ran.at("/detection/baseline").asText()).isEqualTo("baseline.json.gz");
      assertThat(ran.at("/detection/threshold").asDouble()).isEqualTo(25);
      assertThat(ran.at("/detection/critical").asDouble()).isEqualTo(80);
      assertThat(ran.at("/detection/windows").asInt()).isEqualTo(3);
    }
    assertThat(Files.readAllLines(rerun.resolve("alerts/alerts.jsonl")))
        .isNotEmpty()
        .containsExactlyInAnyOrderElementsOf(
            Files.readAllLines(output().resolve("alerts/alerts.jsonl")));
  }

  private static List<JsonNode> lines(Path file) throws IOException {
    List<JsonNode> out = new ArrayList<>();
    for (String line : Files.readAllLines(file)) {
      if (!line.isBlank()) out.add(JSON.readTree(line));
    }
    return out;
  }
}
