package org.crowdhex.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The commands as a user meets them: exit codes, messages, files written. */
class CommandLineTest {
  private static final Path DEMO_PLAN = repoFile("geo-data/plans/rotterdam-match.yaml");

  @TempDir Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cl = Crowdhex.commandLine();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    return cl.execute(args);
  }

  static Path repoFile(String relative) {
    Path p = Path.of(relative);
    return Files.exists(p) ? p : Path.of("..").resolve(relative);
  }

  @Test
  void validateAcceptsTheDemoPlanAndSaysWhatItWatches() {
    assertThat(run("validate", DEMO_PLAN.toString())).isZero();
    assertThat(out.toString())
        .contains("valid")
        .contains("resolution 10")
        .contains("kuip")
        .contains("15m sliding every 5m");
  }

  @Test
  void validateSaysWhatTheDetectorComparesWith() throws Exception {
    Files.copy(repoFile("geo-data/venues/rotterdam.geojson"), dir.resolve("venues.geojson"));
    Path plan = dir.resolve("online.yaml");
    Files.writeString(
        plan,
        """
        name: online
        venues: {file: venues.geojson, include: [kuip]}
        detection: {threshold: 20, critical: 60, warm_up: 2h}
        """);
    assertThat(run("validate", plan.toString())).isZero();
    assertThat(out.toString())
        .contains(
            "detection    without a baseline file: each venue learns its expected crowd"
                + " from its first 2h of posts")
        .contains("\"no baseline yet\"")
        .contains("threshold 20.0, critical 60.0");
  }

  @Test
  void validatePrintsEveryProblemAtOnceAndExitsOne() throws Exception {
    Files.copy(repoFile("geo-data/venues/rotterdam.geojson"), dir.resolve("venues.geojson"));
    Path plan = dir.resolve("bad.yaml");
    Files.writeString(
        plan,
        """
        name: bad
        venues: {file: venues.geojson}
        h3_resolution: 14
        window: {size: 15m, slide: 20m}
        windw: {}
        """);
    assertThat(run("validate", plan.toString())).isEqualTo(Crowdhex.USER_ERROR);
    assertThat(err.toString())
        .contains("3 problems")
        .contains("h3_resolution is 14; accepted: a whole number from 5 to 12")
        .contains("window.slide is 20m; accepted: a slide no longer than window.size (15m)")
        .contains("windw is an unknown field")
        .doesNotContain("Exception");
  }

  @Test
  void aMissingPlanIsASentenceNotAStackTrace() {
    assertThat(run("validate", dir.resolve("nope.yaml").toString())).isEqualTo(Crowdhex.USER_ERROR);
    assertThat(err.toString()).contains("nope.yaml").doesNotContain("\tat ");
  }

  @Test
  void anUnknownVenueInIncludeIsNamed() throws Exception {
    Files.copy(repoFile("geo-data/venues/rotterdam.geojson"), dir.resolve("venues.geojson"));
    Path plan = dir.resolve("plan.yaml");
    Files.writeString(plan, "name: x\nvenues: {file: venues.geojson, include: [kuip, wembley]}\n");
    assertThat(run("validate", plan.toString())).isEqualTo(Crowdhex.USER_ERROR);
    assertThat(err.toString()).contains("wembley").contains("kuip");
  }

  @Test
  void generateWithOneSeedWritesIdenticalFiles() throws Exception {
    String[] common = {
      "generate",
      "--plan",
      DEMO_PLAN.toString(),
      "--seed",
      "7",
      "--population",
      "300",
      "--attendance",
      "400"
    };
    assertThat(run(concat(common, "--out", dir.resolve("a").toString()))).isZero();
    assertThat(run(concat(common, "--out", dir.resolve("b").toString()))).isZero();
    for (String f : new String[] {"posts.jsonl", "truth.json"}) {
      byte[] a = Files.readAllBytes(dir.resolve("a").resolve(f));
      assertThat(a).isNotEmpty().isEqualTo(Files.readAllBytes(dir.resolve("b").resolve(f)));
    }
    assertThat(Files.readString(dir.resolve("a/truth.json"))).contains("kuip");
  }

  @Test
  void evalScoresAlertsAgainstTheGroundTruth() throws Exception {
    Path gen = dir.resolve("gen");
    assertThat(
            run(
                "generate",
                "--plan",
                DEMO_PLAN.toString(),
                "--seed",
                "5",
                "--population",
                "200",
                "--attendance",
                "300",
                "--out",
                gen.toString()))
        .isZero();
    var truth =
        new com.fasterxml.jackson.databind.ObjectMapper()
            .readTree(gen.resolve("truth.json").toFile());
    String egress = truth.at("/events/0/intervals/egress/start").asText();
    java.time.Instant onset = java.time.Instant.parse(egress);
    Path alerts = dir.resolve("scan.jsonl");
    Files.writeString(
        alerts,
        String.format(
            "{\"id\":\"a1\",\"venue\":\"kuip\",\"first_window_start\":\"%s\","
                + "\"last_window_end\":\"%s\"}%n"
                + "{\"id\":\"a2\",\"venue\":\"ahoy\",\"first_window_start\":\"%s\","
                + "\"last_window_end\":\"%s\"}%n",
            onset.plusSeconds(300),
            onset.plusSeconds(1800),
            onset.minusSeconds(6 * 3600),
            onset.minusSeconds(5 * 3600)));
    Path json = dir.resolve("eval.json");
    String printed =
        InProcess.crowdhex(
            "eval",
            "--alerts",
            alerts.toString(),
            "--truth",
            gen.resolve("truth.json").toString(),
            "--json",
            json.toString());
    assertThat(printed).contains("scan");
    var report =
        new com.fasterxml.jackson.databind.ObjectMapper().readTree(json.toFile()).at("/reports/0");
    // The match has two anomalies (arrival and egress); one alert finds the egress, one is false.
    assertThat(report.get("precision").asDouble()).isEqualTo(0.5);
    assertThat(report.get("recall").asDouble()).isEqualTo(0.5);
  }

  @Test
  void generateWritesABenchmarkWeekWithEveryScenario() throws Exception {
    Files.copy(repoFile("geo-data/venues/rotterdam.geojson"), dir.resolve("venues.geojson"));
    Path plan = dir.resolve("week.yaml");
    Files.writeString(
        plan, "name: week\ntime_zone: Europe/Amsterdam\nvenues: {file: venues.geojson}\n");
    int code =
        run(
            "generate",
            "--plan",
            plan.toString(),
            "--week",
            "--kick-off",
            "2026-04-13T14:30",
            "--population",
            "400",
            "--attendance",
            "300",
            "--out",
            dir.resolve("w").toString());
    assertThat(code).as(err.toString()).isZero();
    var truth =
        new com.fasterxml.jackson.databind.ObjectMapper()
            .readTree(dir.resolve("w/truth.json").toFile());
    java.util.Set<String> kinds = new java.util.TreeSet<>();
    truth.get("events").forEach(e -> kinds.add(e.get("kind").asText()));
    assertThat(kinds).contains("stadium_match", "flash_crowd", "march", "build_up", "outage");
  }

  @Test
  void everyCommandExplainsItsOptions() {
    for (String command : new String[] {"validate", "generate", "run", "demo", "serve", "eval"}) {
      out.getBuffer().setLength(0);
      assertThat(run(command, "--help")).isZero();
      assertThat(out.toString()).as(command).contains("Usage: crowdhex " + command);
    }
    out.getBuffer().setLength(0);
    run("generate", "--help");
    assertThat(out.toString()).contains("Default: 42").contains("--kick-off");
  }

  private static String[] concat(String[] a, String... b) {
    String[] r = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, r, a.length, b.length);
    return r;
  }
}
