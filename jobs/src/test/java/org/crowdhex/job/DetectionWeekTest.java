package org.crowdhex.job;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.crowdhex.cli.Crowdhex;
import org.crowdhex.privacy.PseudonymKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The detector on a generated week, end to end as a planner runs it: a baseline learned from 14
 * event-free days of one city, thresholds calibrated on 14 other event-free days (one false alert
 * per 90 days per venue), then a week holding a match, a flash crowd, a march, a slow build-up at a
 * camp and a platform outage, replayed on the embedded engine. Every injected event gets an alert,
 * and no alert is raised on a day without an event. (The geo-data detection benchmark runs the same
 * on three weeks with longer calibration and checks the delay targets too.)
 */
class DetectionWeekTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

  @TempDir Path dir;

  @Test
  void anAlertForEveryInjectedEventAndNoneOnEventFreeDays() throws Exception {
    Path repo = Files.exists(Path.of("geo-data")) ? Path.of(".") : Path.of("..");
    Files.copy(repo.resolve("geo-data/venues/rotterdam.geojson"), dir.resolve("venues.geojson"));
    PseudonymKey.throwaway().writeTo(dir.resolve("pseudonym.key"));
    Path plan = dir.resolve("plan.yaml");
    String base =
        """
        name: detection week
        time_zone: Europe/Amsterdam
        venues: {file: venues.geojson}
        h3_resolution: 10
        tiles: {enabled: false}
        privacy: {key_file: pseudonym.key}
        """;
    Files.writeString(plan, base);

    generate(plan, "history", "41", "--no-match", "--days", "14", "--kick-off", "2026-03-30T12:00");
    generate(
        plan, "calibration", "42", "--no-match", "--days", "14", "--kick-off", "2026-06-01T12:00");
    generate(plan, "week", "43", "--week", "--kick-off", "2026-04-13T20:00");

    assertThat(
            cli(
                "baseline",
                plan.toString(),
                "--history",
                dir.resolve("history/posts.jsonl").toString(),
                "--out",
                dir.resolve("baseline.json.gz").toString()))
        .isZero();
    Files.writeString(
        plan, base + "detection: {baseline: baseline.json.gz, days_per_false_alert: 90}\n");
    String calibration =
        output(
            "calibrate",
            plan.toString(),
            "--history",
            dir.resolve("calibration/posts.jsonl").toString());
    Matcher m =
        Pattern.compile("detection: \\{threshold: ([0-9.]+), critical: ([0-9.]+)\\}")
            .matcher(calibration);
    assertThat(m.find()).as(calibration).isTrue();
    Files.writeString(
        plan,
        base
            + "detection: {baseline: baseline.json.gz, threshold: "
            + m.group(1)
            + ", critical: "
            + m.group(2)
            + "}\n");

    Path out = dir.resolve("week-out");
    assertThat(
            cli(
                "run",
                plan.toString(),
                "--input",
                dir.resolve("week/posts.jsonl").toString(),
                "--out",
                out.toString()))
        .isZero();
    Path report = dir.resolve("eval.json");
    assertThat(
            cli(
                "eval",
                "--alerts",
                out.resolve("alerts/alerts.jsonl").toString(),
                "--truth",
                dir.resolve("week/truth.json").toString(),
                "--window-size",
                "15m",
                "--json",
                report.toString()))
        .isZero();

    JsonNode scan = JSON.readTree(report.toFile()).get("reports").get(0);
    // Five events: the match's arrival and egress, the flash crowd, the march, the build-up (the
    // outage is a drop, which raises nothing and is not scored).
    assertThat(scan.get("events").asInt()).isEqualTo(5);
    assertThat(scan.get("missed_events")).as("%s", scan).isEmpty();
    assertThat(scan.get("recall").asDouble()).isEqualTo(1.0);

    // No alert on a day (local) without an event.
    JsonNode truth = JSON.readTree(dir.resolve("week/truth.json").toFile());
    Set<LocalDate> eventDays = new HashSet<>();
    for (JsonNode e : truth.get("events")) {
      if (e.get("kind").asText().equals("outage")) continue;
      for (JsonNode interval : e.get("intervals")) {
        eventDays.add(
            Instant.parse(interval.get("start").asText()).atZone(AMSTERDAM).toLocalDate());
        eventDays.add(Instant.parse(interval.get("end").asText()).atZone(AMSTERDAM).toLocalDate());
      }
    }
    List<String> onQuietDays = new ArrayList<>();
    for (JsonNode a : MonitorJobTest.jsonLines(out.resolve("alerts/alerts.jsonl"))) {
      if (!a.get("state").asText().equals("opened")) continue;
      LocalDate day =
          Instant.parse(a.get("first_window_start").asText()).atZone(AMSTERDAM).toLocalDate();
      if (!eventDays.contains(day)) onQuietDays.add(a.get("id").asText());
    }
    assertThat(eventDays).hasSizeLessThan(7); // the week has event-free days to check
    assertThat(onQuietDays).isEmpty();
  }

  private void generate(Path plan, String name, String seed, String... args) {
    List<String> all =
        new ArrayList<>(
            List.of(
                "generate",
                "--plan",
                plan.toString(),
                "--population",
                "15000",
                "--city-seed",
                "40",
                "--seed",
                seed,
                "--out",
                dir.resolve(name).toString()));
    all.addAll(List.of(args));
    assertThat(cli(all.toArray(String[]::new))).isZero();
  }

  private static int cli(String... args) {
    return Crowdhex.commandLine().execute(args);
  }

  private static String output(String... args) {
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    PrintStream stdout = System.out;
    try {
      System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
      assertThat(cli(args)).isZero();
    } finally {
      System.setOut(stdout);
    }
    return captured.toString(StandardCharsets.UTF_8);
  }
}
