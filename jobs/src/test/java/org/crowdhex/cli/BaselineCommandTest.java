package org.crowdhex.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.crowdhex.baseline.Baseline;
import org.crowdhex.baseline.HourOfWeek;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code crowdhex baseline} end to end: two generated event-free days in, a baseline file out. */
class BaselineCommandTest {
  @TempDir Path dir;

  @Test
  void learnsTheDailyRhythmFromEventFreeHistory() throws Exception {
    Files.copy(
        CommandLineTest.repoFile("geo-data/venues/rotterdam.geojson"),
        dir.resolve("venues.geojson"));
    Path plan = dir.resolve("plan.yaml");
    Files.writeString(
        plan,
        """
        name: baseline history
        time_zone: Europe/Amsterdam
        venues: {file: venues.geojson}
        h3_resolution: 10
        tiles: {enabled: false}
        """);
    StringWriter err = new StringWriter();
    CommandLine cl = Crowdhex.commandLine();
    cl.setErr(new PrintWriter(err, true));
    assertThat(
            cl.execute(
                "generate",
                "--plan",
                plan.toString(),
                "--no-match",
                "--days",
                "2",
                "--kick-off",
                "2026-04-13T12:00",
                "--population",
                "3000",
                "--seed",
                "11",
                "--out",
                dir.resolve("history").toString()))
        .as(err.toString())
        .isZero();
    Path out = dir.resolve("baseline.json.gz");
    assertThat(
            cl.execute(
                "baseline", plan.toString(),
                "--history", dir.resolve("history/posts.jsonl").toString(),
                "--exclude", "2026-04-13T18:00Z/2026-04-13T20:00Z",
                "--out", out.toString()))
        .as(err.toString())
        .isZero();

    Baseline b = Baseline.read(out);
    assertThat(b.info().h3Resolution()).isEqualTo(10);
    assertThat(b.info().excluded()).hasSize(1);
    assertThat(b.info().windows())
        .isGreaterThan(400); // two days of 5-minute windows, less excluded
    // The city's daily rhythm: more people expected on a Monday afternoon than before dawn.
    var zone = java.time.ZoneId.of("Europe/Amsterdam");
    int afternoon =
        HourOfWeek.of(
            java.time.ZonedDateTime.of(2026, 4, 13, 15, 0, 0, 0, zone).toInstant().toEpochMilli(),
            zone);
    int night =
        HourOfWeek.of(
            java.time.ZonedDateTime.of(2026, 4, 13, 4, 0, 0, 0, zone).toInstant().toEpochMilli(),
            zone);
    // Above the floor every cell gets (so a score never divides by zero).
    double floor = b.info().shrinkage().floorAuthors();
    double day = 0, dawn = 0;
    for (long cell : b.cells()) {
      day += b.expected(cell, afternoon) - floor;
      dawn += b.expected(cell, night) - floor;
    }
    assertThat(day).isGreaterThan(2 * dawn).isPositive();
  }

  @Test
  void aBadExcludeIsASentence() throws Exception {
    StringWriter err = new StringWriter();
    CommandLine cl = Crowdhex.commandLine();
    cl.setErr(new PrintWriter(err, true));
    int code =
        cl.execute(
            "baseline",
            CommandLineTest.repoFile("geo-data/plans/rotterdam-match.yaml").toString(),
            "--history",
            dir.toString(),
            "--exclude",
            "yesterday",
            "--out",
            dir.resolve("b.json").toString());
    assertThat(code).isEqualTo(Crowdhex.USER_ERROR);
    assertThat(err.toString()).contains("--exclude is \"yesterday\"; accepted: START/END");
  }
}
