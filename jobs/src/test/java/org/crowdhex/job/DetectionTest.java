package org.crowdhex.job;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.crowdhex.cli.Crowdhex;
import org.crowdhex.plan.DetectionSpec;
import org.crowdhex.plan.EventPlan;
import org.crowdhex.plan.PlanReader;
import org.crowdhex.plan.Schedule;
import org.crowdhex.plan.SchedulePhase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The detector on the embedded engine: a baseline learned from three generated event-free days,
 * then a match day (alerts at the stadium around the match) and another event-free day (none).
 */
class DetectionTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path dir;
  private static Path plan;

  @BeforeAll
  static void learnTheBaseline() throws Exception {
    Path repo = Files.exists(Path.of("geo-data")) ? Path.of(".") : Path.of("..");
    Files.copy(repo.resolve("geo-data/venues/rotterdam.geojson"), dir.resolve("venues.geojson"));
    plan = dir.resolve("plan.yaml");
    Files.writeString(
        plan,
        """
        name: detection
        time_zone: Europe/Amsterdam
        venues: {file: venues.geojson, include: [kuip, stadion_halt, centraal, coolsingel, ahoy]}
        h3_resolution: 10
        tiles: {enabled: false}
        """);
    generate(
        "--no-match",
        "--days",
        "3",
        "--kick-off",
        "2026-04-13T12:00",
        "--seed",
        "21",
        "--out",
        dir.resolve("history").toString());
    int code =
        Crowdhex.commandLine()
            .execute(
                "baseline",
                plan.toString(),
                "--history",
                dir.resolve("history/posts.jsonl").toString(),
                "--out",
                dir.resolve("baseline.json.gz").toString());
    assertThat(code).isZero();
  }

  /**
   * Generates the match day of 19 April (kick-off 14:30 local, 3,000 fans) into a folder, once: the
   * tests that read the same day share it.
   */
  private static void matchDay(String folder, int seed) {
    if (Files.exists(dir.resolve(folder).resolve("truth.json"))) return;
    generate(
        "--kick-off",
        "2026-04-19T14:30",
        "--attendance",
        "3000",
        "--seed",
        String.valueOf(seed),
        "--out",
        dir.resolve(folder).toString());
  }

  private static void generate(String... args) {
    List<String> all =
        new ArrayList<>(List.of("generate", "--plan", plan.toString(), "--population", "15000"));
    all.addAll(List.of(args));
    assertThat(Crowdhex.commandLine().execute(all.toArray(String[]::new))).isZero();
  }

  private static List<JsonNode> replay(Path input, Path out) throws Exception {
    return replay(input, out, Schedule.NONE);
  }

  private static List<JsonNode> replay(Path input, Path out, Schedule schedule) throws Exception {
    EventPlan p = PlanReader.read(plan).withSchedule(schedule);
    p = p.withDetection(new DetectionSpec(true, dir.resolve("baseline.json.gz"), 25, 80, 1, 3, 3));
    EmbeddedRun.replay(p, MonitorJob.venueZones(p), List.of(input.toString()), out, x -> {});
    List<JsonNode> lines = MonitorJobTest.jsonLines(out.resolve("alerts/alerts.jsonl"));
    JsonNode features = JSON.readTree(out.resolve("alerts/alerts.geojson").toFile());
    assertThat(features.get("type").asText()).isEqualTo("FeatureCollection");
    assertThat(features.get("features")).hasSize(lines.size());
    return lines;
  }

  @Test
  void alertsAtTheStadiumOnTheMatchDay() throws Exception {
    matchDay("match", 22);
    List<JsonNode> alerts = replay(dir.resolve("match/posts.jsonl"), dir.resolve("match-out"));
    JsonNode truth = JSON.readTree(dir.resolve("match/truth.json").toFile());
    Instant arrival = Instant.parse(truth.at("/events/0/intervals/arrival/start").asText());
    Instant egressEnd = Instant.parse(truth.at("/events/0/intervals/egress/end").asText());

    List<JsonNode> opened =
        alerts.stream().filter(a -> a.get("state").asText().equals("opened")).toList();
    assertThat(opened).as("alerts opened: %s", opened).isNotEmpty();
    assertThat(opened)
        .extracting(a -> a.get("venue").asText())
        .containsAnyOf("kuip", "stadion_halt");
    for (JsonNode a : opened) {
      Instant first = Instant.parse(a.get("first_window_start").asText());
      assertThat(first).as("%s", a).isBetween(arrival.minusSeconds(900), egressEnd);
    }

    // The scan's alerts and the two reference detectors, scored side by side on the same counts.
    Path report = dir.resolve("eval.json");
    int code =
        Crowdhex.commandLine()
            .execute(
                "eval",
                "--alerts",
                dir.resolve("match-out/alerts/alerts.jsonl").toString(),
                "--truth",
                dir.resolve("match/truth.json").toString(),
                "--cells",
                dir.resolve("match-out/density/cells.jsonl").toString(),
                "--baseline",
                dir.resolve("baseline.json.gz").toString(),
                "--json",
                report.toString());
    assertThat(code).isZero();
    JsonNode reports = JSON.readTree(report.toFile()).get("reports");
    assertThat(reports).hasSize(3);
    assertThat(reports.get(0).get("recall").asDouble()).isEqualTo(1.0);
  }

  @Test
  void alertsCarryTheSchedulesPhaseAndAnExpectedFullStadiumIsNoAnomaly() throws Exception {
    matchDay("match", 22);
    Path posts = dir.resolve("match/posts.jsonl");
    long kickOff = Instant.parse("2026-04-19T12:30:00Z").toEpochMilli();
    long whistle = Instant.parse("2026-04-19T14:15:00Z").toEpochMilli();
    SchedulePhase arrival = new SchedulePhase("arrival", kickOff - 7_200_000, kickOff, Map.of());
    SchedulePhase match = new SchedulePhase("match", kickOff, whistle, Map.of("kuip", 1000.0));
    SchedulePhase egress = new SchedulePhase("egress", whistle, whistle + 2_700_000, Map.of());

    List<JsonNode> plain = replay(posts, dir.resolve("unscheduled-out"));
    List<JsonNode> scheduled =
        replay(posts, dir.resolve("scheduled-out"), new Schedule(List.of(arrival, match, egress)));

    // Without a schedule the crowd in the stadium holds an alert at De Kuip during play.
    assertThat(kuipHeldDuring(plain, kickOff + 1_800_000, whistle)).isNotEmpty();
    // With the full stadium expected, none holds there during play once the scan's windows (the
    // last three, 25 minutes back) no longer reach into the arrival.
    assertThat(kuipHeldDuring(scheduled, kickOff + 2_700_000, whistle)).isEmpty();
    // Every record carries the phase its window ends in.
    assertThat(scheduled).isNotEmpty();
    for (JsonNode a : scheduled) {
      long end = Instant.parse(a.get("window_end").asText()).toEpochMilli() - 1;
      String phase =
          end >= arrival.startMillis() && end < egress.endMillis()
              ? (end < kickOff ? "arrival" : end < whistle ? "match" : "egress")
              : null;
      if (a.get("state").asText().equals("closed")) continue; // quiet windows carry none
      assertThat(a.get("phase").isNull() ? null : a.get("phase").asText())
          .as("%s", a)
          .isEqualTo(phase);
    }
  }

  @Test
  void withoutABaselineFileEachVenueLearnsFromTheStreamsFirstHour() throws Exception {
    matchDay("online", 25);
    // The stream starts two and a half hours before kick-off (12:00 local, 10:00 UTC); the arrival
    // starts at 12:30, before the hour of warm-up is over.
    Path online = dir.resolve("plan-online.yaml");
    Files.writeString(
        online,
        Files.readString(plan)
            + """
            time_range: {start: 2026-04-19T12:00, end: 2026-04-19T17:00}
            detection: {threshold: 25, critical: 80, warm_up: 1h}
            """);
    EventPlan p = PlanReader.read(online);
    assertThat(p.detection().enabled()).isTrue();
    assertThat(p.detection().baseline()).isNull();
    Path out = dir.resolve("online-out");
    EmbeddedRun.replay(
        p,
        MonitorJob.venueZones(p),
        List.of(dir.resolve("online/posts.jsonl").toString()),
        out,
        x -> {});
    List<JsonNode> alerts = MonitorJobTest.jsonLines(out.resolve("alerts/alerts.jsonl"));
    List<JsonNode> scores = MonitorJobTest.jsonLines(out.resolve("alerts/scores.jsonl"));

    // The stream's first window starts at 09:50 UTC (a venue's first may be later); learning starts
    // a window size after a venue's first window, and scanning once a window size is learned.
    assertThat(scores).isNotEmpty();
    Map<String, Instant> firstScanned = new java.util.HashMap<>();
    for (JsonNode r : scores) {
      Instant start = Instant.parse(r.get("window_start").asText());
      assertThat(start).isAfterOrEqualTo(Instant.parse("2026-04-19T10:20:00Z"));
      firstScanned.merge(r.get("venue").asText(), start, (x, y) -> x.isBefore(y) ? x : y);
    }
    // Twelve windows learned make a venue's fallback warm: the window after the twelfth is the
    // first compared with the whole hour, nine slides after the first window scanned.
    assertThat(alerts).as("alerts around the match").isNotEmpty();
    for (JsonNode a : alerts) {
      if (a.get("state").asText().equals("closed")) continue;
      Instant start = Instant.parse(a.get("last_window_start").asText());
      Instant warm = firstScanned.get(a.get("venue").asText()).plusSeconds(9 * 300);
      assertThat(a.get("baseline").asText())
          .as("%s", a)
          .isEqualTo(start.isBefore(warm) ? "no baseline yet" : "online");
    }
    assertThat(alerts)
        .extracting(a -> a.get("venue").asText())
        .containsAnyOf("kuip", "stadion_halt");
    assertThat(alerts)
        .extracting(a -> a.get("baseline").asText())
        .contains("no baseline yet", "online");
  }

  /** The records of De Kuip alerts that hold (not closed) in windows ending in [from, to). */
  private static List<JsonNode> kuipHeldDuring(List<JsonNode> alerts, long from, long to) {
    return alerts.stream()
        .filter(a -> a.get("venue").asText().equals("kuip"))
        .filter(a -> !a.get("state").asText().equals("closed"))
        .filter(
            a -> {
              long end = Instant.parse(a.get("window_end").asText()).toEpochMilli();
              return end >= from && end < to;
            })
        .toList();
  }

  @Test
  void calibratesThresholdsFromEventFreeDays() throws Exception {
    generate(
        "--no-match",
        "--days",
        "3",
        "--kick-off",
        "2026-04-20T12:00",
        "--seed",
        "24",
        "--out",
        dir.resolve("calibration").toString());
    Path withBaseline = dir.resolve("plan-detect.yaml");
    Files.writeString(
        withBaseline, Files.readString(plan) + "detection: {baseline: baseline.json.gz}\n");
    java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
    java.io.PrintStream stdout = System.out;
    java.io.StringWriter err = new java.io.StringWriter();
    int code, tooRare;
    try {
      System.setOut(
          new java.io.PrintStream(captured, true, java.nio.charset.StandardCharsets.UTF_8));
      picocli.CommandLine cl = Crowdhex.commandLine();
      cl.setErr(new java.io.PrintWriter(err, true));
      String history = dir.resolve("calibration/posts.jsonl").toString();
      code =
          cl.execute(
              "calibrate",
              withBaseline.toString(),
              "--history",
              history,
              "--days-per-false-alert",
              "2");
      tooRare =
          cl.execute(
              "calibrate",
              withBaseline.toString(),
              "--history",
              history,
              "--days-per-false-alert",
              "30");
    } finally {
      System.setOut(stdout);
    }
    String out = captured.toString(java.nio.charset.StandardCharsets.UTF_8);
    assertThat(code).as(err.toString()).isZero();
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile(
                "detection: \\{threshold: ([0-9.]+), critical: ([0-9.]+)\\}")
            .matcher(out);
    assertThat(m.find()).as(out).isTrue();
    double threshold = Double.parseDouble(m.group(1));
    assertThat(threshold).isPositive().isLessThan(Double.parseDouble(m.group(2)));
    // Three days cannot say what happens once a month.
    assertThat(tooRare).isEqualTo(Crowdhex.USER_ERROR);
    assertThat(err.toString()).contains("30");
  }

  @Test
  void staysQuietOnAnEventFreeDay() throws Exception {
    generate(
        "--no-match",
        "--kick-off",
        "2026-04-18T12:00",
        "--seed",
        "23",
        "--out",
        dir.resolve("quiet").toString());
    List<JsonNode> alerts = replay(dir.resolve("quiet/posts.jsonl"), dir.resolve("quiet-out"));
    assertThat(alerts).as("alerts on an event-free day").isEmpty();
  }
}
