package org.crowdhex.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Stream;
import org.crowdhex.flow.FlowSettings;
import org.crowdhex.post.FieldMapping;
import org.crowdhex.post.PostFormat;
import org.crowdhex.post.PostSchema;
import org.crowdhex.post.TimeFormat;
import org.crowdhex.post.TimeRange;
import org.crowdhex.privacy.KeyRotation;
import org.crowdhex.privacy.KeySource;
import org.crowdhex.privacy.PrivacySettings;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PlanReaderTest {
  private static final Path EXAMPLE_FROM_MODULE =
      Path.of("..", "geo-data", "plans", "rotterdam-match.yaml");
  private static final Path EXAMPLE_FROM_ROOT =
      Path.of("geo-data", "plans", "rotterdam-match.yaml");

  /** The least a plan needs: a name and a venues file (written beside the plan by each test). */
  private static final String MINIMAL = "name: Test event\nvenues: {file: venues.geojson}\n";

  private static final String DURATION =
      "a duration like 30s, 5m, 2h, 1d (or ISO-8601 such as PT5M)";
  private static final String ISO_TIME =
      "an ISO-8601 time such as 2026-04-19T12:00:00+02:00 (without an offset it is read in"
          + " time_zone)";
  private static final String RESOLUTION =
      "a whole number from 5 to 12 (9 gives hexagons of about 0.1 km²)";
  private static final String TIME_FORMAT =
      "auto, epoch_ms, epoch_s, or a date-time pattern such as \"yyyy/M/d HH:mm:ss\"";
  private static final String DELIMITER =
      "one character other than a quote or a line break, e.g. \",\", \";\" or \"\\t\"";

  @TempDir Path dir;
  private Path plan;

  @BeforeEach
  void venuesFile() throws IOException {
    Files.writeString(
        dir.resolve("venues.geojson"), "{\"type\": \"FeatureCollection\", \"features\": []}");
    plan = dir.resolve("plan.yaml");
  }

  // --- plans that read ---

  @Test
  void readsTheExamplePlanWithEveryValueItStates() {
    Path file = Files.exists(EXAMPLE_FROM_MODULE) ? EXAMPLE_FROM_MODULE : EXAMPLE_FROM_ROOT;

    EventPlan p = PlanReader.read(file);

    assertThat(p.name()).isEqualTo("Feyenoord match day at De Kuip");
    assertThat(p.timeZone()).isEqualTo(ZoneId.of("Europe/Amsterdam"));
    assertThat(p.h3Resolution()).isEqualTo(10); // a stadium is about 15 cells
    assertThat(p.window())
        .isEqualTo(
            new WindowSpec(
                Duration.ofMinutes(15),
                Duration.ofMinutes(5),
                Duration.ofMinutes(1),
                Duration.ofMinutes(5)));
    // Local midnight in Amsterdam (summer time, UTC+2) on both ends.
    TimeRange range = p.input().timeRange();
    assertThat(Instant.ofEpochMilli(range.startMillis()))
        .isEqualTo(Instant.parse("2026-04-18T22:00:00Z"));
    assertThat(Instant.ofEpochMilli(range.endMillis()))
        .isEqualTo(Instant.parse("2026-04-19T22:00:00Z"));
    assertThat(p.venues().file())
        .isEqualTo(
            file.toAbsolutePath().getParent().resolve("../venues/rotterdam.geojson").normalize());
    assertThat(p.venues().file()).isRegularFile();
    assertThat(p.venues().defaultBufferMeters()).isEqualTo(100);
    assertThat(p.venues().include())
        .containsExactly("kuip", "stadion_halt", "centraal", "coolsingel", "erasmusbrug", "ahoy");
    assertThat(p.input().format()).isEqualTo(PostFormat.JSONL);
    assertThat(p.input().timeFormat()).isEqualTo(TimeFormat.AUTO);
    assertThat(p.input().fields()).isEqualTo(FieldMapping.DEFAULT);
    assertThat(p.input().zone()).isEqualTo(ZoneId.of("Europe/Amsterdam"));
    assertThat(p.output()).isEqualTo(new OutputSpec(Path.of("out", "rotterdam-match"), true));
    assertThat(p.privacy())
        .isEqualTo(
            PrivacySettings.DEFAULT.withKey(KeySource.environment("CROWDHEX_PSEUDONYM_KEY")));
    assertThat(p.flows()).isEqualTo(FlowSettings.DEFAULT);
    assertThat(p.parallelism()).isEqualTo(2);
    assertThat(p.file()).isEqualTo(file);
  }

  @Test
  void readsThePrivacyAndFlowsSections() throws IOException {
    EventPlan p =
        read(
            MINIMAL
                + "h3_resolution: 10\n"
                + "privacy:\n"
                + "  key_file: secrets/pseudonym.key\n"
                + "  rotation: event\n"
                + "  min_crowd: 25\n"
                + "  keep_text: true\n"
                + "  keep_text_reason: language detection study\n"
                + "  post_cap: 4\n"
                + "  duplicate_window: 2m\n"
                + "flows: {zones: h3, resolution: 8, min_gap: 2m, max_gap: 90m,"
                + " max_speed_kmh: 40}\n");

    assertThat(p.privacy())
        .isEqualTo(
            new PrivacySettings(
                KeySource.file(dir.resolve("secrets/pseudonym.key")),
                KeyRotation.Kind.EVENT,
                25,
                true,
                "language detection study",
                4,
                Duration.ofMinutes(2),
                null,
                PrivacySettings.DEFAULT_DP_MAX_CELLS));
    assertThat(p.flows())
        .isEqualTo(new FlowSettings(Duration.ofMinutes(2), Duration.ofMinutes(90), 40, false, 8));
  }

  @Test
  void takesTheKeyFromTheVariableAPlanNames() throws IOException {
    EventPlan p = read(MINIMAL + "privacy: {key_env: EVENT_KEY, rotation: day}\n");

    assertThat(p.privacy().key()).isEqualTo(KeySource.environment("EVENT_KEY"));
    assertThat(p.privacy().rotation()).isEqualTo(KeyRotation.Kind.DAY);
  }

  @Test
  void fillsInTheDefaultsWhenOptionalSectionsAreAbsent() throws IOException {
    EventPlan p = read(MINIMAL);

    assertThat(p.privacy()).isEqualTo(PrivacySettings.DEFAULT);
    assertThat(p.flows()).isEqualTo(FlowSettings.DEFAULT);

    assertThat(p.name()).isEqualTo("Test event");
    assertThat(p.timeZone()).isEqualTo(ZoneId.of("UTC"));
    assertThat(p.venues())
        .isEqualTo(new VenueSource(dir.resolve("venues.geojson").normalize(), 100, List.of()));
    assertThat(p.h3Resolution()).isEqualTo(9);
    assertThat(p.window()).isEqualTo(WindowSpec.DEFAULT);
    assertThat(p.input())
        .isEqualTo(
            new PostSchema(
                PostFormat.JSONL,
                FieldMapping.DEFAULT,
                TimeFormat.AUTO,
                ZoneId.of("UTC"),
                ',',
                TimeRange.ALWAYS));
    assertThat(p.output()).isEqualTo(new OutputSpec(Path.of("out", "test-event"), true));
    assertThat(p.parallelism()).isEqualTo(2);
    assertThat(p.file()).isEqualTo(plan);
  }

  @Test
  void keepsWindowDefaultsForTheWindowFieldsLeftOut() throws IOException {
    EventPlan p = read(MINIMAL + "window: {size: 1h, slide: 30m}\n");

    assertThat(p.window())
        .isEqualTo(
            new WindowSpec(
                Duration.ofHours(1),
                Duration.ofMinutes(30),
                WindowSpec.DEFAULT.outOfOrderness(),
                WindowSpec.DEFAULT.allowedLateness()));
  }

  @Test
  void readsAnInputSectionInThePlansTimeZone() throws IOException {
    EventPlan p =
        read(
            MINIMAL
                + """
                time_zone: Europe/Amsterdam
                time_range: {start: "2026-04-19T12:00:00Z"}
                input:
                  format: CSV
                  time_format: "M/d/yyyy H:mm:ss"
                  csv_delimiter: ";"
                  fields: {time: "Date/Time", lat: Lat, lon: Lon, author: null, id: ""}
                """);

    PostSchema in = p.input();
    assertThat(in.format()).isEqualTo(PostFormat.CSV);
    assertThat(in.timeFormat())
        .isEqualTo(new TimeFormat(TimeFormat.Kind.PATTERN, "M/d/yyyy H:mm:ss"));
    assertThat(in.csvDelimiter()).isEqualTo(';');
    assertThat(in.zone()).isEqualTo(ZoneId.of("Europe/Amsterdam"));
    assertThat(in.fields())
        .isEqualTo(
            new FieldMapping(null, null, "Date/Time", "Lat", "Lon", "platform", "lang", "text"));
    assertThat(in.timeRange())
        .isEqualTo(
            new TimeRange(Instant.parse("2026-04-19T12:00:00Z").toEpochMilli(), Long.MAX_VALUE));
  }

  @Test
  void readsATabDelimiterWrittenAsBackslashT() throws IOException {
    assertThat(read(MINIMAL + "input: {csv_delimiter: '\\t'}\n").input().csvDelimiter())
        .isEqualTo('\t');
  }

  @Test
  void readsATimeRangeWithAnOffsetAsWritten() throws IOException {
    EventPlan p =
        read(
            MINIMAL
                + "time_zone: Europe/Amsterdam\n"
                + "time_range: {start: \"2026-04-19T09:00:00-04:00\", end: 2026-04-19T23:30}\n");

    assertThat(p.input().timeRange())
        .isEqualTo(
            new TimeRange(
                Instant.parse("2026-04-19T13:00:00Z").toEpochMilli(),
                Instant.parse("2026-04-19T21:30:00Z").toEpochMilli()));
  }

  @Test
  void takesOutputAndRunSettingsAsWritten() throws IOException {
    EventPlan p =
        read(
            MINIMAL
                + "h3_resolution: 12\n"
                + "output: {dir: results/today, geojson: false}\n"
                + "run: {parallelism: 8}\n");

    assertThat(p.h3Resolution()).isEqualTo(12);
    assertThat(p.output()).isEqualTo(new OutputSpec(Path.of("results", "today"), false));
    assertThat(p.parallelism()).isEqualTo(8);
  }

  @Test
  void readsTheScheduleInThePlansTimeZoneInOrderOfStart() throws IOException {
    EventPlan p =
        read(
            MINIMAL
                + "time_zone: Europe/Amsterdam\n"
                + "schedule:\n"
                + "  - {phase: match, start: 2026-04-19T14:30, end: 2026-04-19T16:15,"
                + " expect: {kuip: 40, stadion_halt: 2.5}}\n"
                + "  - {phase: gates open, start: 2026-04-19T12:30, end: 2026-04-19T14:30}\n");

    Schedule s = p.schedule();
    assertThat(s.phases()).extracting(SchedulePhase::name).containsExactly("gates open", "match");
    long kickOff = java.time.Instant.parse("2026-04-19T12:30:00Z").toEpochMilli();
    assertThat(s.phaseAt(kickOff - 1).name()).isEqualTo("gates open");
    assertThat(s.phaseAt(kickOff).name()).isEqualTo("match");
    // The window that ends at kick-off belongs to the phase before it.
    assertThat(s.phaseOfWindow(kickOff).name()).isEqualTo("gates open");
    assertThat(s.multiplier("kuip", kickOff + 60_000)).isEqualTo(40);
    assertThat(s.multiplier("stadion_halt", kickOff + 60_000)).isEqualTo(2.5);
    assertThat(s.multiplier("ahoy", kickOff + 60_000)).isEqualTo(1);
    assertThat(s.multiplier("kuip", kickOff - 60_000)).isEqualTo(1);
    assertThat(s.phaseAt(kickOff + 2 * 3_600_000)).isNull();
    assertThat(read(MINIMAL).schedule()).isEqualTo(Schedule.NONE);
  }

  @Test
  void takesVenueBufferAndIncludeListAsWritten() throws IOException {
    EventPlan p =
        read("name: x\nvenues: {file: ./sub/../venues.geojson, buffer_m: 0, include: [a, b]}\n");

    assertThat(p.venues())
        .isEqualTo(new VenueSource(dir.resolve("venues.geojson"), 0, List.of("a", "b")));
  }

  @Test
  void makesAFolderSafeDefaultOutputNameFromTheEventName() throws IOException {
    EventPlan p = read("name: \"Café Rotterdam — Finale 2026!\"\nvenues: {file: venues.geojson}\n");

    assertThat(p.output().dir()).isEqualTo(Path.of("out", "cafe-rotterdam-finale-2026"));
    assertThat(PlanReader.slug("!!!")).isEqualTo("run");
  }

  @Test
  void parsesYamlTextWithoutAFileTakingPathsFromTheWorkingFolder() {
    PlanException e =
        catchThrowableOfType(
            PlanException.class,
            () -> PlanReader.parse("name: x\nvenues: {file: no-such-venues.geojson}\n", null));

    assertThat(e.source()).isEqualTo("plan");
    assertThat(e.problems())
        .extracting(PlanProblem::message)
        .containsExactly(
            "venues.file is \"no-such-venues.geojson\" (no-such-venues.geojson does not exist);"
                + " accepted: the path of a venues GeoJSON file, relative to the plan's folder");
  }

  @Test
  void readsTheKafkaAndCheckpointSectionsOfALiveRun() throws IOException {
    Files.writeString(
        plan,
        MINIMAL
            + """
            kafka:
              bootstrap_servers: "kafka-1:9092,kafka-2:9092"
              input_topic: match.posts
              starting_offsets: earliest
              bounded: false
              idle_timeout: 30s
              delivery: exactly-once
              transaction_timeout: 5m
            checkpoints:
              interval: 10s
              directory: s3://crowdhex/checkpoints
              mode: exactly_once
              min_pause: 2s
              timeout: 2m
            """);

    EventPlan p = PlanReader.read(plan);

    assertThat(p.live().kafka())
        .containsOnly(
            java.util.Map.entry("bootstrap_servers", "kafka-1:9092,kafka-2:9092"),
            java.util.Map.entry("input_topic", "match.posts"),
            java.util.Map.entry("starting_offsets", "earliest"),
            java.util.Map.entry("bounded", "false"),
            java.util.Map.entry("idle_timeout", "30s"),
            java.util.Map.entry("delivery", "exactly-once"),
            java.util.Map.entry("transaction_timeout", "5m"));
    assertThat(p.live().checkpoints())
        .isEqualTo(
            new CheckpointSpec(
                Duration.ofSeconds(10),
                "s3://crowdhex/checkpoints",
                CheckpointSpec.Mode.EXACTLY_ONCE,
                Duration.ofSeconds(2),
                Duration.ofMinutes(2)));
  }

  @Test
  void withoutLiveSectionsTheClusterDecides() throws IOException {
    Files.writeString(plan, MINIMAL);

    EventPlan p = PlanReader.read(plan);

    assertThat(p.live()).isEqualTo(LiveSpec.NONE);
    assertThat(p.live().hasKafka()).isFalse();
    assertThat(p.live().checkpoints().isSet()).isFalse();
  }

  // --- one bad field at a time: the field, the value and what is accepted ---

  static Stream<Arguments> badFields() {
    return Stream.of(
        bad(
            "name is missing",
            "venues: {file: venues.geojson}\n",
            "name is missing; accepted: a non-empty name for the event"),
        bad(
            "name is blank",
            "name: \"   \"\nvenues: {file: venues.geojson}\n",
            "name is \"   \"; accepted: a non-empty name for the event"),
        bad(
            "name is not text",
            "name: [a, b]\nvenues: {file: venues.geojson}\n",
            "name is a list [\"a\",\"b\"]; accepted: a non-empty name for the event"),
        bad(
            "time_zone is no zone",
            MINIMAL + "time_zone: Mars/Olympus\n",
            "time_zone is \"Mars/Olympus\"; accepted: an IANA time zone such as"
                + " Europe/Amsterdam or UTC"),
        bad(
            "time_zone is a number",
            MINIMAL + "time_zone: 2\n",
            "time_zone is 2; accepted: an IANA time zone such as Europe/Amsterdam or UTC"),
        bad(
            "venues is missing",
            "name: x\n",
            "venues is missing; accepted: a mapping with file (a venues GeoJSON), buffer_m and"
                + " include"),
        bad(
            "venues is not a mapping",
            "name: x\nvenues: venues.geojson\n",
            "venues is \"venues.geojson\"; accepted: a mapping with file (a venues GeoJSON),"
                + " buffer_m and include"),
        bad(
            "venues.file is missing",
            "name: x\nvenues: {buffer_m: 50}\n",
            "venues.file is missing; accepted: the path of a venues GeoJSON file, relative to"
                + " the plan's folder"),
        bad(
            "venues.buffer_m is negative",
            "name: x\nvenues: {file: venues.geojson, buffer_m: -5}\n",
            "venues.buffer_m is -5; accepted: metres from 0 to 5000"),
        bad(
            "venues.buffer_m is over 5000",
            "name: x\nvenues: {file: venues.geojson, buffer_m: 5000.5}\n",
            "venues.buffer_m is 5000.5; accepted: metres from 0 to 5000"),
        bad(
            "venues.buffer_m is not a number",
            "name: x\nvenues: {file: venues.geojson, buffer_m: wide}\n",
            "venues.buffer_m is \"wide\"; accepted: metres from 0 to 5000"),
        bad(
            "venues.include is not a list",
            "name: x\nvenues: {file: venues.geojson, include: kuip}\n",
            "venues.include is \"kuip\"; accepted: a list of venue ids, e.g. [kuip, centraal]"),
        bad(
            "venues.include holds a blank id",
            "name: x\nvenues: {file: venues.geojson, include: [kuip, \"\"]}\n",
            "venues.include is \"\"; accepted: venue ids (text)"),
        bad(
            "venues has an unknown field",
            "name: x\nvenues: {file: venues.geojson, buffer: 5}\n",
            "venues.buffer is an unknown field; accepted: one of buffer_m, file, include"),
        bad(
            "h3_resolution is above 12",
            MINIMAL + "h3_resolution: 13\n",
            "h3_resolution is 13; accepted: " + RESOLUTION),
        bad(
            "h3_resolution is below 5",
            MINIMAL + "h3_resolution: 4\n",
            "h3_resolution is 4; accepted: " + RESOLUTION),
        bad(
            "h3_resolution is not a number",
            MINIMAL + "h3_resolution: nine\n",
            "h3_resolution is \"nine\"; accepted: " + RESOLUTION),
        bad(
            "h3_resolution is not whole",
            MINIMAL + "h3_resolution: 9.5\n",
            "h3_resolution is 9.5; accepted: " + RESOLUTION),
        bad(
            "h3_resolution is beyond a long (and would wrap to 9)",
            MINIMAL + "h3_resolution: 18446744073709551625\n",
            "h3_resolution is 18446744073709551625; accepted: " + RESOLUTION),
        bad(
            "window is not a mapping",
            MINIMAL + "window: 15m\n",
            "window is \"15m\"; accepted: a mapping with size, slide, out_of_orderness,"
                + " allowed_lateness"),
        bad(
            "window.size is unparsable",
            MINIMAL + "window: {size: 7x}\n",
            "window.size is \"7x\"; accepted: " + DURATION + ", from 1s to 7d"),
        bad(
            "window.size is a bare number",
            MINIMAL + "window: {size: 15}\n",
            "window.size is 15; accepted: " + DURATION + ", from 1s to 7d"),
        bad(
            "window.size is too long",
            MINIMAL + "window: {size: 8d}\n",
            "window.size is \"8d\"; accepted: " + DURATION + ", from 1s to 7d"),
        bad(
            "window.size is beyond any duration",
            MINIMAL + "window: {size: 9223372036854775807d}\n",
            "window.size is \"9223372036854775807d\"; accepted: " + DURATION + ", from 1s to 7d"),
        bad(
            "window.slide is unparsable",
            MINIMAL + "window: {slide: often}\n",
            "window.slide is \"often\"; accepted: " + DURATION + ", from 1s to 7d"),
        bad(
            "window.slide is zero",
            MINIMAL + "window: {slide: 0s}\n",
            "window.slide is \"0s\"; accepted: " + DURATION + ", from 1s to 7d"),
        bad(
            "window.out_of_orderness is unparsable",
            MINIMAL + "window: {out_of_orderness: a bit}\n",
            "window.out_of_orderness is \"a bit\"; accepted: " + DURATION + ", from 0s to 1d"),
        bad(
            "window.out_of_orderness is over a day",
            MINIMAL + "window: {out_of_orderness: 25h}\n",
            "window.out_of_orderness is \"25h\"; accepted: " + DURATION + ", from 0s to 1d"),
        bad(
            "window.out_of_orderness is negative",
            MINIMAL + "window: {out_of_orderness: PT-1M}\n",
            "window.out_of_orderness is \"PT-1M\"; accepted: " + DURATION + ", from 0s to 1d"),
        bad(
            "window.allowed_lateness is unparsable",
            MINIMAL + "window: {allowed_lateness: 5 minutes}\n",
            "window.allowed_lateness is \"5 minutes\"; accepted: " + DURATION + ", from 0s to 7d"),
        bad(
            "window.allowed_lateness is over a week",
            MINIMAL + "window: {allowed_lateness: 8d}\n",
            "window.allowed_lateness is \"8d\"; accepted: " + DURATION + ", from 0s to 7d"),
        bad(
            "window.slide is longer than window.size",
            MINIMAL + "window: {size: 10m, slide: 15m}\n",
            "window.slide is 15m; accepted: a slide no longer than window.size (10m)"),
        bad(
            "window.size is no multiple of window.slide",
            MINIMAL + "window: {size: 15m, slide: 4m}\n",
            "window.size is 15m; accepted: a whole multiple of window.slide (4m)"),
        bad(
            "window has an unknown field",
            MINIMAL + "window: {sise: 15m}\n",
            "window.sise is an unknown field; accepted: one of allowed_lateness,"
                + " out_of_orderness, size, slide"),
        bad(
            "time_range is not a mapping",
            MINIMAL + "time_range: today\n",
            "time_range is \"today\"; accepted: a mapping with start and/or end (ISO-8601)"),
        bad(
            "time_range.start is unparsable",
            MINIMAL + "time_range: {start: tomorrow}\n",
            "time_range.start is \"tomorrow\"; accepted: " + ISO_TIME),
        bad(
            "time_range.start is a date without a time",
            MINIMAL + "time_range: {start: 2026-04-19}\n",
            "time_range.start is \"2026-04-19\"; accepted: " + ISO_TIME),
        bad(
            "time_range.start is beyond epoch milliseconds",
            MINIMAL + "time_range: {start: \"+999999999-12-31T23:59:59Z\"}\n",
            "time_range.start is \"+999999999-12-31T23:59:59Z\"; accepted: " + ISO_TIME),
        bad(
            "time_range.end is unparsable",
            MINIMAL + "time_range: {end: \"2026-13-01T00:00\"}\n",
            "time_range.end is \"2026-13-01T00:00\"; accepted: " + ISO_TIME),
        bad(
            "time_range.end is a number",
            MINIMAL + "time_range: {end: 1776600000000}\n",
            "time_range.end is 1776600000000; accepted: " + ISO_TIME),
        bad(
            "time_range.end is before time_range.start",
            MINIMAL + "time_range: {start: 2026-04-19T12:00, end: 2026-04-19T11:00}\n",
            "time_range.end is \"2026-04-19T11:00\"; accepted: a time after time_range.start"
                + " (\"2026-04-19T12:00\")"),
        bad(
            "time_range.end is time_range.start",
            MINIMAL
                + "time_range: {start: \"2026-04-19T12:00Z\", end: \"2026-04-19T14:00+02:00\"}\n",
            "time_range.end is \"2026-04-19T14:00+02:00\"; accepted: a time after"
                + " time_range.start (\"2026-04-19T12:00Z\")"),
        bad(
            "input is not a mapping",
            MINIMAL + "input: jsonl\n",
            "input is \"jsonl\"; accepted: a mapping with format, fields, time_format,"
                + " csv_delimiter"),
        bad(
            "input.format is unknown",
            MINIMAL + "input: {format: xml}\n",
            "input.format is \"xml\"; accepted: jsonl or csv"),
        bad(
            "input.time_format is a bad pattern",
            MINIMAL + "input: {time_format: \"yyyy-bb-dd\"}\n",
            "input.time_format is \"yyyy-bb-dd\"; accepted: " + TIME_FORMAT),
        bad(
            "input.time_format has an unclosed quote",
            MINIMAL + "input: {time_format: \"yyyy-MM-dd'T\"}\n",
            "input.time_format is \"yyyy-MM-dd'T\"; accepted: " + TIME_FORMAT),
        bad(
            "input.time_format is empty",
            MINIMAL + "input: {time_format: \"\"}\n",
            "input.time_format is \"\"; accepted: " + TIME_FORMAT),
        bad(
            "input.csv_delimiter is too long",
            MINIMAL + "input: {csv_delimiter: \";;\"}\n",
            "input.csv_delimiter is \";;\"; accepted: " + DELIMITER),
        bad(
            "input.csv_delimiter is a quote",
            MINIMAL + "input: {csv_delimiter: '\"'}\n",
            "input.csv_delimiter is \"\"\"; accepted: " + DELIMITER),
        bad(
            "input.csv_delimiter is a line break",
            MINIMAL + "input: {csv_delimiter: \"\\n\"}\n",
            "input.csv_delimiter is \"\n\"; accepted: " + DELIMITER),
        bad(
            "input.fields is not a mapping",
            MINIMAL + "input: {fields: [lat, lon]}\n",
            "input.fields is a list [\"lat\",\"lon\"]; accepted: a mapping from post fields to"
                + " source field names"),
        bad(
            "input.fields.lat is null but required",
            MINIMAL + "input: {fields: {lat: null}}\n",
            "input.fields.lat is null; accepted: the name of the source field that holds lat"),
        bad(
            "input.fields.time is blank but required",
            MINIMAL + "input: {fields: {time: \" \"}}\n",
            "input.fields.time is \" \"; accepted: the name of the source field that holds time"),
        bad(
            "input.fields.lon is a list",
            MINIMAL + "input: {fields: {lon: [a, b]}}\n",
            "input.fields.lon is a list [\"a\",\"b\"]; accepted: a field or column name (text),"
                + " or null when absent"),
        bad(
            "input.fields has an unknown key",
            MINIMAL + "input: {fields: {latitude: Latitude}}\n",
            "input.fields.latitude is an unknown field; accepted: one of author, id, lang, lat,"
                + " lon, platform, text, time"),
        bad(
            "input has an unknown field",
            MINIMAL + "input: {delimiter: \";\"}\n",
            "input.delimiter is an unknown field; accepted: one of csv_delimiter, fields, format,"
                + " time_format"),
        bad(
            "output is not a mapping",
            MINIMAL + "output: out\n",
            "output is \"out\"; accepted: a mapping with dir and geojson"),
        bad(
            "output.dir is not text",
            MINIMAL + "output: {dir: [a]}\n",
            "output.dir is a list [\"a\"]; accepted: a folder path"),
        bad(
            "output.geojson is not a boolean",
            MINIMAL + "output: {geojson: maybe}\n",
            "output.geojson is \"maybe\"; accepted: true or false"),
        bad(
            "run is not a mapping",
            MINIMAL + "run: 4\n",
            "run is 4; accepted: a mapping with parallelism"),
        bad(
            "run.parallelism is 0",
            MINIMAL + "run: {parallelism: 0}\n",
            "run.parallelism is 0; accepted: a whole number from 1 to 256"),
        bad(
            "run.parallelism is over 256",
            MINIMAL + "run: {parallelism: 257}\n",
            "run.parallelism is 257; accepted: a whole number from 1 to 256"),
        bad(
            "tiles.zoom is not a pair",
            MINIMAL + "tiles: {zoom: 14}\n",
            "tiles.zoom is 14; accepted: a list of the lowest and highest zoom, e.g. [11, 17],"
                + " within 0 to 22"),
        bad(
            "tiles.zoom is reversed",
            MINIMAL + "tiles: {zoom: [17, 11]}\n",
            "tiles.zoom is a list [17,11]; accepted: a list of the lowest and highest zoom, e.g."
                + " [11, 17], within 0 to 22"),
        bad(
            "tiles.scale is unknown",
            MINIMAL + "tiles: {scale: sqrt}\n",
            "tiles.scale is \"sqrt\"; accepted: linear or log"),
        bad(
            "tiles.ramp is unknown",
            MINIMAL + "tiles: {ramp: jet}\n",
            "tiles.ramp is \"jet\"; accepted: inferno or viridis"),
        bad(
            "tiles.scale_max is not positive",
            MINIMAL + "tiles: {scale_max: 0}\n",
            "tiles.scale_max is 0; accepted: a density in distinct authors per km² above 1, e.g."
                + " 5000"),
        bad(
            "tiles.kernel_m is too large",
            MINIMAL + "tiles: {kernel_m: 9000}\n",
            "tiles.kernel_m is 9000; accepted: metres from 1 to 5000"),
        bad(
            "detection.radius is out of range",
            MINIMAL + "detection: {radius: 3}\n",
            "detection.radius is 3; accepted: 1 (7 cells) or 2 (19 cells)"),
        bad(
            "detection.critical is below the threshold",
            MINIMAL + "detection: {threshold: 30, critical: 20}\n",
            "detection.critical is 20.0; accepted: a score above detection.threshold (30.0)"),
        bad(
            "detection.warm_up is too short",
            MINIMAL + "detection: {warm_up: 30s}\n",
            "detection.warm_up is \"30s\"; accepted: without a baseline file, how much of the"
                + " stream to learn the expected crowd from: a duration like 30s, 5m, 2h, 1d (or"
                + " ISO-8601 such as PT5M), from 1m to 1d (default 1h)"),
        bad(
            "detection.days_per_false_alert is not more than a day",
            MINIMAL + "detection: {days_per_false_alert: 1}\n",
            "detection.days_per_false_alert is 1; accepted: days between false alerts per venue,"
                + " more than 1 (crowdhex calibrate aims at it)"),
        bad(
            "schedule is not a list",
            MINIMAL + "schedule: {phase: kick_off}\n",
            "schedule is a mapping {\"phase\":\"kick_off\"}; accepted: a list of phases, each a mapping with"
                + " phase, start, end and optionally expect (venue id: multiple of the baseline)"),
        bad(
            "a schedule phase ends before it starts",
            MINIMAL
                + "schedule:\n  - {phase: match, start: 2026-04-19T14:30, end: 2026-04-19T14:00}\n",
            "schedule[0].end is \"2026-04-19T14:00\"; accepted: a time after schedule[0].start"),
        bad(
            "a schedule phase has no start",
            MINIMAL + "schedule:\n  - {phase: match, end: 2026-04-19T14:00}\n",
            "schedule[0].start is missing; accepted: an ISO-8601 time"),
        bad(
            "a schedule multiplier is not a number above 0",
            MINIMAL
                + "schedule:\n  - {phase: match, start: 2026-04-19T14:30, end: 2026-04-19T16:15,"
                + " expect: {kuip: full}}\n",
            "schedule[0].expect.kuip is \"full\"; accepted: a multiple of the venue's baseline above 0"
                + " and at most 1000, e.g. 30"),
        bad(
            "two schedule phases overlap",
            MINIMAL
                + "schedule:\n"
                + "  - {phase: arrival, start: 2026-04-19T12:30, end: 2026-04-19T14:45}\n"
                + "  - {phase: match, start: 2026-04-19T14:30, end: 2026-04-19T16:15}\n",
            "schedule is phase \"match\" overlapping \"arrival\"; accepted: phases that do not overlap"
                + " (one may start where another ends)"),
        bad(
            "tiles.pmtiles is not a boolean",
            MINIMAL + "tiles: {pmtiles: maybe}\n",
            "tiles.pmtiles is \"maybe\"; accepted: true or false"),
        bad(
            "kafka is not a mapping",
            MINIMAL + "kafka: localhost:9092\n",
            "kafka is \"localhost:9092\"; accepted: a mapping of Kafka settings: bootstrap_servers,"
                + " input_topic, group_id, starting_offsets, bounded, idle_timeout, density_topic,"
                + " venues_topic, alerts_topic, flows_topic, zones_topic, rejects_topic, delivery,"
                + " transactional_id_prefix, transaction_timeout"),
        bad(
            "kafka has an unknown setting",
            MINIMAL + "kafka: {bootstrap: \"k:9092\"}\n",
            "kafka.bootstrap is an unknown field; accepted: one of alerts_topic, bootstrap_servers,"
                + " bounded, delivery, density_topic, flows_topic, group_id, idle_timeout,"
                + " input_topic, rejects_topic, starting_offsets, transaction_timeout,"
                + " transactional_id_prefix, venues_topic, zones_topic"),
        bad(
            "kafka.bootstrap_servers has no port",
            MINIMAL + "kafka: {bootstrap_servers: kafka}\n",
            "kafka.bootstrap_servers is \"kafka\"; accepted: host:port, or several separated by"
                + " commas (port 1 to 65535)"),
        bad(
            "kafka.input_topic has spaces",
            MINIMAL + "kafka: {input_topic: posts with spaces}\n",
            "kafka.input_topic is \"posts with spaces\"; accepted: 1 to 249 ASCII letters,"
                + " digits, '.', '_' or '-' (not \".\" or \"..\")"),
        bad(
            "kafka.density_topic is a list",
            MINIMAL + "kafka: {density_topic: [a, b]}\n",
            "kafka.density_topic is a list [\"a\",\"b\"]; accepted: 1 to 249 ASCII letters,"
                + " digits, '.', '_' or '-' (not \".\" or \"..\")"),
        bad(
            "kafka.group_id has a slash",
            MINIMAL + "kafka: {group_id: a/b}\n",
            "kafka.group_id is \"a/b\"; accepted: 1 to 200 ASCII letters, digits, '.', '_' or"
                + " '-'"),
        bad(
            "kafka.starting_offsets is no rule",
            MINIMAL + "kafka: {starting_offsets: yesterday}\n",
            "kafka.starting_offsets is \"yesterday\"; accepted: committed, earliest, latest, or an"
                + " ISO-8601 time with offset such as 2026-04-19T12:00:00Z"),
        bad(
            "kafka.bounded is not a boolean",
            MINIMAL + "kafka: {bounded: maybe}\n",
            "kafka.bounded is \"maybe\"; accepted: true or false"),
        bad(
            "kafka.idle_timeout is no duration",
            MINIMAL + "kafka: {idle_timeout: soon}\n",
            "kafka.idle_timeout is \"soon\"; accepted: " + DURATION),
        bad(
            "kafka.transaction_timeout is above what a broker accepts",
            MINIMAL + "kafka: {transaction_timeout: 20m}\n",
            "kafka.transaction_timeout is \"20m\"; accepted: a duration from 1s to 15m (a broker"
                + " refuses more than its transaction.max.timeout.ms, 15m by default)"),
        bad(
            "kafka.delivery is no guarantee",
            MINIMAL + "kafka: {delivery: twice}\n",
            "kafka.delivery is \"twice\"; accepted: exactly_once or at_least_once"),
        bad(
            "two kafka outputs share a topic",
            MINIMAL + "kafka: {density_topic: out, alerts_topic: out}\n",
            "kafka.alerts_topic is \"out\" (also kafka.density_topic); accepted: a topic of its"
                + " own: one topic per input and output"),
        bad(
            "checkpoints is not a mapping",
            MINIMAL + "checkpoints: 10s\n",
            "checkpoints is \"10s\"; accepted: a mapping with interval, directory, mode, min_pause"
                + " and timeout"),
        bad(
            "checkpoints has an unknown field",
            MINIMAL + "checkpoints: {every: 10s}\n",
            "checkpoints.every is an unknown field; accepted: one of directory, interval,"
                + " min_pause, mode, timeout"),
        bad(
            "checkpoints.interval is below a second",
            MINIMAL + "checkpoints: {interval: 500ms}\n",
            "checkpoints.interval is \"500ms\"; accepted: " + DURATION + ", from 1s to 1d"),
        bad(
            "checkpoints.interval is not shorter than the transaction timeout",
            MINIMAL + "kafka: {transaction_timeout: 5m}\ncheckpoints: {interval: 5m}\n",
            "checkpoints.interval is \"5m\"; accepted: shorter than kafka.transaction_timeout"
                + " (5m), or a transaction would be aborted before its checkpoint commits it"),
        bad(
            "checkpoints.directory is relative",
            MINIMAL + "checkpoints: {directory: checkpoints}\n",
            "checkpoints.directory is \"checkpoints\"; accepted: an absolute path or a URI such as"
                + " file:///var/crowdhex/checkpoints or s3://bucket/checkpoints, which the"
                + " JobManager and every TaskManager reach"),
        bad(
            "checkpoints.mode is no mode",
            MINIMAL + "checkpoints: {mode: sometimes}\n",
            "checkpoints.mode is \"sometimes\"; accepted: exactly_once or at_least_once"),
        bad(
            "checkpoints.mode is at least once under exactly-once delivery",
            MINIMAL + "checkpoints: {mode: at_least_once}\n",
            "checkpoints.mode is \"at_least_once\"; accepted: exactly_once while kafka.delivery is"
                + " exactly_once (the default); at_least_once goes with kafka.delivery:"
                + " at_least_once"),
        bad(
            "checkpoints.min_pause is negative",
            MINIMAL + "checkpoints: {min_pause: -5s}\n",
            "checkpoints.min_pause is \"-5s\"; accepted: " + DURATION + ", from 0s to 1h"),
        bad(
            "checkpoints.timeout is too short",
            MINIMAL + "checkpoints: {timeout: 1s}\n",
            "checkpoints.timeout is \"1s\"; accepted: " + DURATION + ", from 10s to 1d"),
        bad(
            "privacy is not a mapping",
            MINIMAL + "privacy: strict\n",
            "privacy is \"strict\"; accepted: a mapping with key_env or key_file, rotation,"
                + " min_crowd, keep_text, keep_text_reason, post_cap, duplicate_window"),
        bad(
            "privacy names both a key variable and a key file",
            MINIMAL + "privacy: {key_env: K, key_file: k.key}\n",
            "privacy.key_file is \"k.key\"; accepted: no key_file beside privacy.key_env: one or"
                + " the other"),
        bad(
            "privacy.key_env is blank",
            MINIMAL + "privacy: {key_env: \" \"}\n",
            "privacy.key_env is \" \"; accepted: the name of the environment variable holding the"
                + " pseudonym key"),
        bad(
            "privacy.key_file is not text",
            MINIMAL + "privacy: {key_file: [a]}\n",
            "privacy.key_file is a list [\"a\"]; accepted: the path of a file holding the"
                + " pseudonym key, relative to the plan's folder"),
        bad(
            "privacy.rotation is neither event nor day",
            MINIMAL + "privacy: {rotation: hourly}\n",
            "privacy.rotation is \"hourly\"; accepted: " + KeyRotation.ACCEPTED),
        bad(
            "privacy.min_crowd is 0",
            MINIMAL + "privacy: {min_crowd: 0}\n",
            "privacy.min_crowd is 0; accepted: " + PrivacySettings.MIN_CROWD_ACCEPTED),
        bad(
            "privacy.min_crowd is not a whole number",
            MINIMAL + "privacy: {min_crowd: 9.5}\n",
            "privacy.min_crowd is 9.5; accepted: " + PrivacySettings.MIN_CROWD_ACCEPTED),
        bad(
            "privacy.keep_text without a reason",
            MINIMAL + "privacy: {keep_text: true}\n",
            "privacy.keep_text_reason is missing; accepted: "
                + PrivacySettings.KEEP_TEXT_REASON_ACCEPTED),
        bad(
            "privacy.keep_text is not a boolean",
            MINIMAL + "privacy: {keep_text: sometimes}\n",
            "privacy.keep_text is \"sometimes\"; accepted: true or false"),
        bad(
            "privacy.post_cap is above its maximum",
            MINIMAL + "privacy: {post_cap: 5000}\n",
            "privacy.post_cap is 5000; accepted: " + PrivacySettings.POST_CAP_ACCEPTED),
        bad(
            "privacy.duplicate_window is too long",
            MINIMAL + "privacy: {duplicate_window: 1h}\n",
            "privacy.duplicate_window is \"1h\"; accepted: "
                + PrivacySettings.DUPLICATE_WINDOW_ACCEPTED),
        bad(
            "privacy.dp_epsilon asks for a release that is not built",
            MINIMAL + "privacy: {dp_epsilon: 1.0}\n",
            "privacy.dp_epsilon is 1.0; accepted: no value: the differentially private release is"
                + " not built yet, so leave the field out"),
        bad(
            "privacy has an unknown field",
            MINIMAL + "privacy: {k: 10}\n",
            "privacy.k is an unknown field; accepted: one of dp_epsilon, dp_max_cells,"
                + " duplicate_window, keep_text, keep_text_reason, key_env, key_file, min_crowd,"
                + " post_cap, rotation"),
        bad(
            "flows is not a mapping",
            MINIMAL + "flows: [venues]\n",
            "flows is a list [\"venues\"]; accepted: a mapping with min_gap, max_gap,"
                + " max_speed_kmh, zones (venues or h3) and resolution"),
        bad(
            "flows.min_gap is not a duration",
            MINIMAL + "flows: {min_gap: soon}\n",
            "flows.min_gap is \"soon\"; accepted: " + FlowSettings.MIN_GAP_ACCEPTED),
        bad(
            "flows.max_gap is over a day",
            MINIMAL + "flows: {max_gap: 2d}\n",
            "flows.max_gap is \"2d\"; accepted: " + FlowSettings.MAX_GAP_ACCEPTED),
        bad(
            "flows.max_gap is not after min_gap",
            MINIMAL + "flows: {min_gap: 10m, max_gap: 5m}\n",
            "flows.max_gap is 5m; accepted: " + FlowSettings.MAX_GAP_ACCEPTED),
        bad(
            "flows.max_speed_kmh is not positive",
            MINIMAL + "flows: {max_speed_kmh: 0}\n",
            "flows.max_speed_kmh is 0; accepted: " + FlowSettings.MAX_SPEED_ACCEPTED),
        bad(
            "flows.zones is neither venues nor h3",
            MINIMAL + "flows: {zones: districts}\n",
            "flows.zones is \"districts\"; accepted: venues (flows between venue zones) or h3"
                + " (between H3 parent cells at flows.resolution)"),
        bad(
            "flows.resolution is not coarser than h3_resolution",
            MINIMAL + "h3_resolution: 9\nflows: {zones: h3, resolution: 9}\n",
            "flows.resolution is 9; accepted: " + FlowSettings.ZONE_RESOLUTION_ACCEPTED),
        bad(
            "flows.resolution with venue zones",
            MINIMAL + "flows: {zones: venues, resolution: 7}\n",
            "flows.resolution is 7; accepted: no value with zones: venues"),
        bad(
            "flows has an unknown field",
            MINIMAL + "flows: {max_speed: 100}\n",
            "flows.max_speed is an unknown field; accepted: one of max_gap, max_speed_kmh,"
                + " min_gap, resolution, zones"),
        bad(
            "a top-level key is a typo",
            MINIMAL + "windw: {size: 15m}\n",
            "windw is an unknown field; accepted: one of checkpoints, detection, flows,"
                + " h3_resolution, input, kafka, name, output, privacy, run, schedule, tiles,"
                + " time_range, time_zone, venues, window"));
  }

  private static Arguments bad(String what, String yaml, String message) {
    return Arguments.argumentSet(what, yaml, message);
  }

  @ParameterizedTest
  @MethodSource("badFields")
  void reportsTheFieldItsValueAndWhatIsAccepted(String yaml, String message) throws IOException {
    PlanException e = failure(yaml);

    assertThat(e.problems()).extracting(PlanProblem::message).containsExactly(message);
    assertThat(e.getMessage()).isEqualTo(plan + ": 1 problem\n  - " + message);
    assertThat(e.source()).isEqualTo(plan.toString());
  }

  @Test
  void namesAMissingBaselineFile() throws IOException {
    PlanException e = failure(MINIMAL + "detection: {baseline: nope.json}\n");

    assertThat(e.problems()).hasSize(1);
    assertThat(e.problems().get(0).message())
        .startsWith("detection.baseline is \"nope.json\" (")
        .endsWith(
            "nope.json does not exist); accepted: a baseline file written by crowdhex baseline,"
                + " relative to the plan's folder");
  }

  @Test
  void namesTheMissingVenuesFileAndWhereItWasLookedFor() throws IOException {
    PlanException e = failure("name: x\nvenues: {file: ../elsewhere/nowhere.geojson}\n");

    assertThat(e.problems())
        .containsExactly(
            new PlanProblem(
                "venues.file",
                "\"../elsewhere/nowhere.geojson\" ("
                    + dir.getParent().resolve("elsewhere").resolve("nowhere.geojson")
                    + " does not exist)",
                "the path of a venues GeoJSON file, relative to the plan's folder"));
  }

  @Test
  void saysWhenTheVenuesFileIsAFolder() throws IOException {
    Files.createDirectory(dir.resolve("venues"));

    PlanException e = failure("name: x\nvenues: {file: venues}\n");

    assertThat(e.problems())
        .extracting(PlanProblem::message)
        .containsExactly(
            "venues.file is \"venues\" ("
                + dir.resolve("venues")
                + " is a folder); accepted: the path of a venues GeoJSON file, relative to the"
                + " plan's folder");
  }

  @Test
  void reportsAVenuesFileThatIsNoValidPathInsteadOfFailing() throws IOException {
    PlanException e = failure("name: x\nvenues: {file: \"a\\0b\"}\n");

    assertThat(e.problems())
        .extracting(PlanProblem::message)
        .containsExactly(
            "venues.file is \"a\0b\" (not a valid path); accepted: the path of a venues GeoJSON"
                + " file, relative to the plan's folder");
  }

  @Test
  void reportsEveryProblemOfAPlanAtOnce() throws IOException {
    PlanException e =
        failure(
            """
            time_zone: Europe/Amsterdm
            venues: {file: venues.geojson, buffer_m: -1}
            h3_resolution: 13
            windw: {size: 15m}
            window: {size: 7x, slide: 5m}
            time_range: {start: "2026-04-20T00:00", end: "2026-04-19T00:00"}
            input: {format: xml, fields: {lat: null}}
            output: {geojson: maybe}
            run: {parallelism: 0}
            """);

    assertThat(e.problems())
        .extracting(PlanProblem::message)
        .containsExactly(
            "windw is an unknown field; accepted: one of checkpoints, detection, flows,"
                + " h3_resolution, input, kafka, name, output, privacy, run, schedule, tiles,"
                + " time_range, time_zone, venues, window",
            "name is missing; accepted: a non-empty name for the event",
            "time_zone is \"Europe/Amsterdm\"; accepted: an IANA time zone such as"
                + " Europe/Amsterdam or UTC",
            "venues.buffer_m is -1; accepted: metres from 0 to 5000",
            "h3_resolution is 13; accepted: " + RESOLUTION,
            "window.size is \"7x\"; accepted: " + DURATION + ", from 1s to 7d",
            "time_range.end is \"2026-04-19T00:00\"; accepted: a time after time_range.start"
                + " (\"2026-04-20T00:00\")",
            "input.format is \"xml\"; accepted: jsonl or csv",
            "input.fields.lat is null; accepted: the name of the source field that holds lat",
            "output.geojson is \"maybe\"; accepted: true or false",
            "run.parallelism is 0; accepted: a whole number from 1 to 256");
    assertThat(e.getMessage()).startsWith(plan + ": 11 problems\n  - windw is an unknown field");
    assertThat(e.getMessage().lines()).hasSize(12);
  }

  // --- files that are no plan at all ---

  @Test
  void reportsInvalidYamlWithWhereAndWhat() throws IOException {
    PlanException e = failure("name: [unclosed\n");

    assertThat(e.problems())
        .extracting(PlanProblem::message)
        .containsExactly(
            "the plan is not valid YAML (line 1, column 16: expected ',' or ']', but got <stream"
                + " end>); accepted: YAML");
  }

  @Test
  void reportsBadIndentationAsInvalidYaml() throws IOException {
    PlanException e = failure("name: x\n  bad: : indent\n");

    assertThat(e.problems())
        .extracting(PlanProblem::message)
        .containsExactly(
            "the plan is not valid YAML (line 2, column 6: mapping values are not allowed"
                + " here); accepted: YAML");
  }

  @Test
  void rejectsAKeyWrittenTwiceInsteadOfKeepingTheLastOne() throws IOException {
    PlanException e = failure(MINIMAL + "name: Other event\n");

    assertThat(e.problems()).hasSize(1);
    assertThat(e.problems().get(0).field()).isEqualTo("the plan");
    assertThat(e.problems().get(0).value())
        .startsWith("not valid YAML (line 3, ")
        .endsWith(": Duplicate field 'name')");
  }

  @Test
  void reportsAnEmptyFile() throws IOException {
    assertThat(failure("").problems())
        .extracting(PlanProblem::message)
        .containsExactly("the plan is empty; accepted: a YAML mapping of plan fields");
  }

  @Test
  void reportsAFileOfOnlyCommentsOrNullAsEmpty() throws IOException {
    assertThat(failure("# nothing here yet\n\n").problems())
        .extracting(PlanProblem::message)
        .containsExactly("the plan is empty; accepted: a YAML mapping of plan fields");
    assertThat(failure("~\n").problems())
        .extracting(PlanProblem::message)
        .containsExactly("the plan is empty; accepted: a YAML mapping of plan fields");
  }

  @Test
  void reportsAPlanThatIsAListOrAScalar() throws IOException {
    assertThat(failure("- name: x\n").problems())
        .extracting(PlanProblem::message)
        .containsExactly(
            "the plan is a list [{\"name\":\"x\"}]; accepted: a YAML mapping of plan fields");
    assertThat(failure("just words\n").problems())
        .extracting(PlanProblem::message)
        .containsExactly("the plan is \"just words\"; accepted: a YAML mapping of plan fields");
  }

  @Test
  void reportsAMissingPlanFile() {
    Path missing = dir.resolve("nope.yaml");

    PlanException e = catchThrowableOfType(PlanException.class, () -> PlanReader.read(missing));

    assertThat(e.source()).isEqualTo(missing.toString());
    assertThat(e.problems())
        .extracting(PlanProblem::message)
        .containsExactly(
            "the plan file is \"" + missing + "\" (no such file); accepted: a readable YAML file");
  }

  @Test
  void reportsAFolderGivenAsThePlanFile() {
    PlanException e = catchThrowableOfType(PlanException.class, () -> PlanReader.read(dir));

    assertThat(e.problems())
        .extracting(PlanProblem::message)
        .containsExactly(
            "the plan file is \""
                + dir
                + "\" (a folder, not a file); accepted: a readable YAML"
                + " file");
  }

  @Test
  void reportsAPlanFileThatIsNotUtf8() throws IOException {
    Files.write(plan, new byte[] {'n', 'a', 'm', 'e', ':', ' ', (byte) 0xff, (byte) 0xfe});

    PlanException e = catchThrowableOfType(PlanException.class, () -> PlanReader.read(plan));

    assertThat(e.problems())
        .extracting(PlanProblem::message)
        .containsExactly(
            "the plan file is \"" + plan + "\" (not UTF-8 text); accepted: a readable YAML file");
  }

  @Test
  void copiesAPlanWithAnotherOutputFolderOrParallelism() throws IOException {
    EventPlan p = read(MINIMAL + "output: {geojson: false}\n");

    EventPlan moved = p.withOutputDir(Path.of("elsewhere"));
    EventPlan wider = p.withParallelism(16);

    assertThat(moved.output()).isEqualTo(new OutputSpec(Path.of("elsewhere"), false));
    assertThat(moved).usingRecursiveComparison().ignoringFields("output").isEqualTo(p);
    assertThat(wider.parallelism()).isEqualTo(16);
    assertThat(wider).usingRecursiveComparison().ignoringFields("parallelism").isEqualTo(p);
  }

  private EventPlan read(String yaml) throws IOException {
    Files.writeString(plan, yaml);
    return PlanReader.read(plan);
  }

  private PlanException failure(String yaml) throws IOException {
    Files.writeString(plan, yaml);
    PlanException e = catchThrowableOfType(PlanException.class, () -> PlanReader.read(plan));
    assertThat(e).as("a PlanException for:%n%s", yaml).isNotNull();
    return e;
  }
}
