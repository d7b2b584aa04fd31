package org.crowdhex.plan;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.crowdhex.flow.FlowSettings;
import org.crowdhex.post.FieldMapping;
import org.crowdhex.post.PostFormat;
import org.crowdhex.post.PostSchema;
import org.crowdhex.post.TimeFormat;
import org.crowdhex.post.TimeRange;
import org.crowdhex.privacy.KeyRotation;
import org.crowdhex.privacy.KeySource;
import org.crowdhex.privacy.PrivacySettings;

/**
 * Reads an event plan from YAML and checks every field, collecting all problems before it fails so
 * that {@code crowdhex validate} can list them at once. Each problem names the field, the value and
 * what is accepted. Relative paths in {@code venues.file} are taken from the plan's folder; {@code
 * output.dir} from the folder the command runs in.
 */
public final class PlanReader {
  // A key written twice (e.g. two window sections) is an error, not a silent override.
  private static final ObjectMapper YAML =
      new ObjectMapper(
          YAMLFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build());
  private static final Set<String> TOP =
      Set.of(
          "name",
          "time_zone",
          "venues",
          "h3_resolution",
          "window",
          "time_range",
          "input",
          "output",
          "tiles",
          "detection",
          "schedule",
          "privacy",
          "flows",
          "kafka",
          "checkpoints",
          "run");

  private static final Set<String> OPTIONAL = Set.of("output.dir", "detection.baseline");
  private static final String VENUES =
      "a mapping with file (a venues GeoJSON), buffer_m and include";
  private static final String VENUE_FILE =
      "the path of a venues GeoJSON file, relative to the plan's folder";
  private static final String ZONES = "an IANA time zone such as Europe/Amsterdam or UTC";
  private static final String DELIMITERS =
      "one character other than a quote or a line break, e.g. \",\", \";\" or \"\\t\"";

  private final List<PlanProblem> problems = new ArrayList<>();

  private PlanReader() {}

  /** Reads and checks a plan file. */
  public static EventPlan read(Path file) {
    String text;
    try {
      if (Files.isDirectory(file)) throw new IOException("a folder, not a file");
      text = Files.readString(file);
    } catch (IOException e) {
      throw new PlanException(
          file.toString(),
          List.of(
              new PlanProblem(
                  "the plan file",
                  quote(file.toString()) + " (" + reason(e) + ")",
                  "a readable YAML file")));
    }
    return parse(text, file);
  }

  /**
   * Reads and checks a plan from YAML text.
   *
   * @param file the plan's path, for relative venue paths and messages (may be null: relative paths
   *     are then taken from the working folder)
   */
  public static EventPlan parse(String yaml, Path file) {
    String source = file == null ? "plan" : file.toString();
    JsonNode root;
    try {
      root = YAML.readTree(yaml);
    } catch (IOException e) {
      throw new PlanException(
          source,
          List.of(new PlanProblem("the plan", "not valid YAML (" + yamlError(e) + ")", "YAML")));
    }
    if (root == null || root.isMissingNode() || root.isNull()) {
      throw new PlanException(
          source, List.of(new PlanProblem("the plan", "empty", "a YAML mapping of plan fields")));
    }
    if (!root.isObject()) {
      throw new PlanException(
          source,
          List.of(new PlanProblem("the plan", show(root), "a YAML mapping of plan fields")));
    }
    PlanReader r = new PlanReader();
    EventPlan plan = r.plan(root, file);
    if (!r.problems.isEmpty()) throw new PlanException(source, r.problems);
    return plan;
  }

  private EventPlan plan(JsonNode root, Path file) {
    unknownKeys(root, "", TOP);
    String name = string(root, "name", null, "a non-empty name for the event");
    if (name != null && name.isBlank()) {
      problem("name", quote(name), "a non-empty name for the event");
    }
    ZoneId zone = zone(root.path("time_zone"));
    Path base = file == null ? Path.of("") : file.toAbsolutePath().getParent();
    VenueSource venues = venues(root.path("venues"), base);
    int resolution =
        integer(
            root,
            "h3_resolution",
            9,
            EventPlan.MIN_RESOLUTION,
            EventPlan.MAX_RESOLUTION,
            "a whole number from 5 to 12 (9 gives hexagons of about 0.1 km²)");
    WindowSpec window = window(root.path("window"));
    TimeRange range = timeRange(root.path("time_range"), zone);
    PostSchema input = input(root.path("input"), zone, range);
    OutputSpec output = output(root.path("output"), name);
    TileSpec tiles = tiles(root.path("tiles"));
    DetectionSpec detection = detection(root.path("detection"), base);
    Schedule schedule = schedule(root.path("schedule"), zone);
    PrivacySettings privacy = privacy(root.path("privacy"), base);
    FlowSettings flows = flows(root.path("flows"), resolution);
    LiveSpec live = new LiveSections(problems).read(root.path("kafka"), root.path("checkpoints"));
    JsonNode run = section(root, "run", "a mapping with parallelism");
    unknownKeys(run, "run.", Set.of("parallelism"));
    int parallelism = integer(run, "run.parallelism", 2, 1, 256, "a whole number from 1 to 256");
    if (!problems.isEmpty()) return null;
    return new EventPlan(
        name,
        zone,
        venues,
        resolution,
        window,
        input,
        output,
        tiles,
        detection,
        schedule,
        privacy,
        flows,
        live,
        parallelism,
        file);
  }

  private static final String PHASE =
      "a mapping with phase, start, end and optionally expect (venue id: multiple of the"
          + " baseline)";

  private Schedule schedule(JsonNode n, ZoneId zone) {
    if (n.isMissingNode() || n.isNull()) return Schedule.NONE;
    if (!n.isArray()) {
      problem("schedule", show(n), "a list of phases, each " + PHASE);
      return Schedule.NONE;
    }
    List<SchedulePhase> phases = new ArrayList<>();
    Set<String> names = new java.util.HashSet<>();
    for (int i = 0; i < n.size(); i++) {
      String at = "schedule[" + i + "]";
      JsonNode p = n.get(i);
      if (!p.isObject()) {
        problem(at, show(p), PHASE);
        continue;
      }
      unknownKeys(p, at + ".", Set.of("phase", "start", "end", "expect"));
      String name =
          string(p, "phase", at + ".phase", null, "a phase name such as kick_off or march_start");
      if (name != null && !name.matches("[A-Za-z0-9][A-Za-z0-9_. -]{0,63}")) {
        problem(
            at + ".phase",
            quote(name),
            "a name of letters, digits, spaces, '_', '-' or '.', at most 64 characters");
        name = null;
      } else if (name != null && !names.add(name)) {
        problem(at + ".phase", quote(name), "a name no other phase has");
      }
      if (p.path("start").isMissingNode()) problem(at + ".start", "missing", "an ISO-8601 time");
      if (p.path("end").isMissingNode()) problem(at + ".end", "missing", "an ISO-8601 time");
      Long start = instant(p.path("start"), at + ".start", zone);
      Long end = instant(p.path("end"), at + ".end", zone);
      if (start != null && end != null && end <= start) {
        problem(at + ".end", show(p.path("end")), "a time after " + at + ".start");
        continue;
      }
      Map<String, Double> expect = new java.util.TreeMap<>();
      JsonNode e = p.path("expect");
      if (!e.isMissingNode() && !e.isNull()) {
        if (!e.isObject()) {
          problem(at + ".expect", show(e), "a mapping of venue id to a multiple of the baseline");
        } else {
          e.fields()
              .forEachRemaining(
                  f -> {
                    JsonNode v = f.getValue();
                    double m = v.isNumber() ? v.asDouble() : Double.NaN;
                    if (!(m > 0 && m <= 1000)) {
                      problem(
                          at + ".expect." + f.getKey(),
                          show(v),
                          "a multiple of the venue's baseline above 0 and at most 1000, e.g. 30");
                    } else {
                      expect.put(f.getKey(), m);
                    }
                  });
        }
      }
      if (name != null && start != null && end != null) {
        phases.add(new SchedulePhase(name, start, end, expect));
      }
    }
    phases.sort(Schedule.byStart());
    for (int i = 1; i < phases.size(); i++) {
      if (phases.get(i).startMillis() < phases.get(i - 1).endMillis()) {
        problem(
            "schedule",
            "phase "
                + quote(phases.get(i).name())
                + " overlapping "
                + quote(phases.get(i - 1).name()),
            "phases that do not overlap (one may start where another ends)");
        return Schedule.NONE;
      }
    }
    return new Schedule(phases);
  }

  private DetectionSpec detection(JsonNode n, Path base) {
    DetectionSpec d = DetectionSpec.OFF;
    if (n.isMissingNode() || n.isNull()) return d;
    if (!n.isObject()) {
      problem(
          "detection",
          show(n),
          "a mapping with baseline, threshold, critical, radius, windows, close_after");
      return d;
    }
    unknownKeys(
        n,
        "detection.",
        Set.of(
            "enabled",
            "baseline",
            "threshold",
            "critical",
            "radius",
            "windows",
            "close_after",
            "days_per_false_alert",
            "build_up_ratio",
            "warm_up",
            "volume_rescale"));
    String file =
        string(n, "baseline", "detection.baseline", null, "a baseline file from crowdhex baseline");
    Path baseline = null;
    if (file != null) {
      baseline = base.resolve(file).normalize();
      if (!Files.isRegularFile(baseline)) {
        problem(
            "detection.baseline",
            quote(file) + " (" + baseline + " does not exist)",
            "a baseline file written by crowdhex baseline, relative to the plan's folder");
      }
    }
    boolean enabled = bool(n, "enabled", "detection.enabled", true);
    double threshold =
        number(
            n, "threshold", "detection.threshold", d.threshold(), 0.1, 1e6, "a scan score above 0");
    double critical =
        number(n, "critical", "detection.critical", d.critical(), 0.1, 1e6, "a scan score above 0");
    if (critical <= threshold) {
      problem(
          "detection.critical",
          String.valueOf(critical),
          "a score above detection.threshold (" + threshold + ")");
    }
    int radius = integer(n, "detection.radius", d.radius(), 1, 2, "1 (7 cells) or 2 (19 cells)");
    int windows = integer(n, "detection.windows", d.windows(), 1, 6, "a whole number from 1 to 6");
    int closeAfter =
        integer(n, "detection.close_after", d.closeAfter(), 1, 100, "a whole number from 1 to 100");
    double daysPerFalseAlert =
        number(
            n,
            "days_per_false_alert",
            "detection.days_per_false_alert",
            d.daysPerFalseAlert(),
            1.001,
            36_500,
            "days between false alerts per venue, more than 1 (crowdhex calibrate aims at it)");
    double buildUpRatio =
        number(
            n,
            "build_up_ratio",
            "detection.build_up_ratio",
            d.buildUpRatio(),
            0,
            100,
            "0 (no build-up CUSUMs) or the rise in a cell's crowd they look for, above 1 and at"
                + " most 100 (2: a doubling)");
    if (buildUpRatio > 0 && buildUpRatio <= 1) {
      problem(
          "detection.build_up_ratio",
          String.valueOf(n.path("build_up_ratio")),
          "0 (no build-up CUSUMs) or the rise in a cell's crowd they look for, above 1 and at"
              + " most 100 (2: a doubling)");
    }
    Duration warmUp =
        duration(
            n,
            "warm_up",
            "detection.warm_up",
            d.warmUp(),
            Duration.ofMinutes(1),
            Duration.ofDays(1),
            "without a baseline file, how much of the stream to learn the expected crowd from: "
                + Durations.ACCEPTED
                + ", from 1m to 1d (default 1h)");
    boolean volumeRescale =
        bool(n, "volume_rescale", "detection.volume_rescale", d.volumeRescale());
    if (volumeRescale && file == null) {
      problem(
          "detection.volume_rescale",
          "true",
          "false without detection.baseline: the platform's volume is measured against a baseline"
              + " file");
    }
    return new DetectionSpec(
        enabled,
        baseline,
        threshold,
        critical,
        radius,
        windows,
        closeAfter,
        daysPerFalseAlert,
        buildUpRatio,
        warmUp == null ? d.warmUp() : warmUp,
        volumeRescale);
  }

  private TileSpec tiles(JsonNode n) {
    TileSpec d = TileSpec.DEFAULT;
    if (n.isMissingNode() || n.isNull()) return d;
    if (!n.isObject()) {
      problem(
          "tiles",
          show(n),
          "a mapping with enabled, zoom, kernel_m, scale_max, scale, ramp, pmtiles");
      return d;
    }
    unknownKeys(
        n,
        "tiles.",
        Set.of("enabled", "zoom", "kernel_m", "scale_max", "scale", "ramp", "pmtiles"));
    boolean enabled = bool(n, "enabled", "tiles.enabled", d.enabled());
    boolean pmtiles = bool(n, "pmtiles", "tiles.pmtiles", d.pmtiles());
    int minZoom = d.minZoom(), maxZoom = d.maxZoom();
    JsonNode zoom = n.path("zoom");
    String zooms = "a list of the lowest and highest zoom, e.g. [11, 17], within 0 to 22";
    if (!zoom.isMissingNode() && !zoom.isNull()) {
      if (!zoom.isArray()
          || zoom.size() != 2
          || !zoom.get(0).isInt()
          || !zoom.get(1).isInt()
          || zoom.get(0).asInt() < 0
          || zoom.get(1).asInt() > 22
          || zoom.get(0).asInt() > zoom.get(1).asInt()) {
        problem("tiles.zoom", show(zoom), zooms);
      } else {
        minZoom = zoom.get(0).asInt();
        maxZoom = zoom.get(1).asInt();
      }
    }
    double kernel = number(n, "kernel_m", "tiles.kernel_m", 0, 1, 5000, "metres from 1 to 5000");
    double scaleMax =
        number(
            n,
            "scale_max",
            "tiles.scale_max",
            d.scaleMax(),
            1,
            1e9,
            "a density in distinct authors per km² above 1, e.g. 5000");
    String scale = choice(n, "scale", "tiles.scale", d.scale(), Set.of("log", "linear"));
    String ramp = choice(n, "ramp", "tiles.ramp", d.ramp(), Set.of("inferno", "viridis"));
    return new TileSpec(enabled, minZoom, maxZoom, kernel, scaleMax, scale, ramp, pmtiles);
  }

  private boolean bool(JsonNode parent, String key, String field, boolean dflt) {
    JsonNode v = parent.path(key);
    if (v.isMissingNode() || v.isNull()) return dflt;
    if (!v.isBoolean()) {
      problem(field, show(v), "true or false");
      return dflt;
    }
    return v.asBoolean();
  }

  private String choice(JsonNode parent, String key, String field, String dflt, Set<String> ok) {
    JsonNode v = parent.path(key);
    if (v.isMissingNode() || v.isNull()) return dflt;
    if (!v.isTextual() || !ok.contains(v.asText())) {
      problem(field, show(v), String.join(" or ", ok.stream().sorted().toList()));
      return dflt;
    }
    return v.asText();
  }

  private ZoneId zone(JsonNode n) {
    if (n.isMissingNode() || n.isNull()) return ZoneId.of("UTC");
    if (!n.isTextual()) {
      problem("time_zone", show(n), ZONES);
      return ZoneId.of("UTC");
    }
    try {
      return ZoneId.of(n.asText());
    } catch (DateTimeException e) {
      problem("time_zone", show(n), ZONES);
      return ZoneId.of("UTC");
    }
  }

  private VenueSource venues(JsonNode n, Path base) {
    if (n.isMissingNode() || n.isNull()) {
      problem("venues", "missing", VENUES);
      return null;
    }
    if (!n.isObject()) {
      problem("venues", show(n), VENUES);
      return null;
    }
    unknownKeys(n, "venues.", Set.of("file", "buffer_m", "include"));
    String f = string(n, "file", "venues.file", null, VENUE_FILE);
    Path path = null;
    if (f != null) {
      try {
        path = base.resolve(f).normalize();
        if (Files.isDirectory(path)) {
          problem("venues.file", quote(f) + " (" + path + " is a folder)", VENUE_FILE);
        } else if (!Files.isRegularFile(path)) {
          problem("venues.file", quote(f) + " (" + path + " does not exist)", VENUE_FILE);
        }
      } catch (InvalidPathException e) {
        problem("venues.file", quote(f) + " (not a valid path)", VENUE_FILE);
      }
    }
    double buffer = number(n, "buffer_m", "venues.buffer_m", 100, 0, 5000, "metres from 0 to 5000");
    List<String> include = new ArrayList<>();
    JsonNode inc = n.path("include");
    if (!inc.isMissingNode() && !inc.isNull()) {
      if (!inc.isArray()) {
        problem("venues.include", show(inc), "a list of venue ids, e.g. [kuip, centraal]");
      } else {
        for (JsonNode v : inc) {
          if (v.isTextual() && !v.asText().isBlank()) include.add(v.asText());
          else problem("venues.include", show(v), "venue ids (text)");
        }
      }
    }
    return new VenueSource(path, buffer, include);
  }

  private WindowSpec window(JsonNode n) {
    WindowSpec d = WindowSpec.DEFAULT;
    if (n.isMissingNode() || n.isNull()) return d;
    if (!n.isObject()) {
      problem("window", show(n), "a mapping with size, slide, out_of_orderness, allowed_lateness");
      return d;
    }
    unknownKeys(n, "window.", Set.of("size", "slide", "out_of_orderness", "allowed_lateness"));
    Duration size = duration(n, "size", d.size(), Duration.ofSeconds(1), Duration.ofDays(7));
    Duration slide = duration(n, "slide", d.slide(), Duration.ofSeconds(1), Duration.ofDays(7));
    Duration ooo =
        duration(n, "out_of_orderness", d.outOfOrderness(), Duration.ZERO, Duration.ofDays(1));
    Duration late =
        duration(n, "allowed_lateness", d.allowedLateness(), Duration.ZERO, Duration.ofDays(7));
    if (size != null && slide != null) {
      if (slide.compareTo(size) > 0) {
        problem(
            "window.slide",
            Durations.format(slide),
            "a slide no longer than window.size (" + Durations.format(size) + ")");
      } else if (size.toMillis() % slide.toMillis() != 0) {
        problem(
            "window.size",
            Durations.format(size),
            "a whole multiple of window.slide (" + Durations.format(slide) + ")");
      }
    }
    if (size == null || slide == null || ooo == null || late == null) return d;
    return new WindowSpec(size, slide, ooo, late);
  }

  private Duration duration(JsonNode w, String key, Duration dflt, Duration min, Duration max) {
    JsonNode v = w.path(key);
    if (v.isMissingNode() || v.isNull()) return dflt;
    String accepted =
        Durations.ACCEPTED + ", from " + Durations.format(min) + " to " + Durations.format(max);
    if (!v.isTextual()) {
      problem("window." + key, show(v), accepted);
      return null;
    }
    Duration d = Durations.parse(v.asText()).orElse(null);
    if (d == null || d.compareTo(min) < 0 || d.compareTo(max) > 0) {
      problem("window." + key, show(v), accepted);
      return null;
    }
    return d;
  }

  private TimeRange timeRange(JsonNode n, ZoneId zone) {
    if (n.isMissingNode() || n.isNull()) return TimeRange.ALWAYS;
    if (!n.isObject()) {
      problem("time_range", show(n), "a mapping with start and/or end (ISO-8601)");
      return TimeRange.ALWAYS;
    }
    unknownKeys(n, "time_range.", Set.of("start", "end"));
    Long start = instant(n.path("start"), "time_range.start", zone);
    Long end = instant(n.path("end"), "time_range.end", zone);
    long s = start == null ? Long.MIN_VALUE : start;
    long e = end == null ? Long.MAX_VALUE : end;
    if (s >= e) {
      problem(
          "time_range.end",
          show(n.path("end")),
          "a time after time_range.start (" + show(n.path("start")) + ")");
      return TimeRange.ALWAYS;
    }
    return new TimeRange(s, e);
  }

  private Long instant(JsonNode v, String field, ZoneId zone) {
    if (v.isMissingNode() || v.isNull()) return null;
    String accepted =
        "an ISO-8601 time such as 2026-04-19T12:00:00+02:00 (without an offset it is read in"
            + " time_zone)";
    if (!v.isTextual()) {
      problem(field, show(v), accepted);
      return null;
    }
    String t = v.asText().trim();
    try {
      try {
        return OffsetDateTime.parse(t).toInstant().toEpochMilli();
      } catch (DateTimeParseException e) {
        return LocalDateTime.parse(t).atZone(zone).toInstant().toEpochMilli();
      }
    } catch (DateTimeException | ArithmeticException e) { // unparsable, or beyond epoch millis
      problem(field, show(v), accepted);
      return null;
    }
  }

  private PostSchema input(JsonNode n, ZoneId zone, TimeRange range) {
    PostSchema d = PostSchema.DEFAULT;
    if (n.isMissingNode() || n.isNull()) {
      return new PostSchema(d.format(), d.fields(), d.timeFormat(), zone, ',', range);
    }
    if (!n.isObject()) {
      problem("input", show(n), "a mapping with format, fields, time_format, csv_delimiter");
      return d;
    }
    unknownKeys(n, "input.", Set.of("format", "fields", "time_format", "csv_delimiter"));
    PostFormat format = PostFormat.JSONL;
    String f = string(n, "format", "input.format", "jsonl", "jsonl or csv");
    if (f != null) {
      format = PostFormat.fromCode(f.toLowerCase(Locale.ROOT)).orElse(null);
      if (format == null) {
        problem("input.format", quote(f), "jsonl or csv");
        format = PostFormat.JSONL;
      }
    }
    TimeFormat timeFormat = TimeFormat.AUTO;
    String tf = string(n, "time_format", "input.time_format", "auto", TimeFormat.ACCEPTED);
    if (tf != null) {
      try {
        timeFormat = TimeFormat.of(tf);
      } catch (IllegalArgumentException e) {
        problem("input.time_format", quote(tf), TimeFormat.ACCEPTED);
      }
    }
    char delimiter = ',';
    String dl = string(n, "csv_delimiter", "input.csv_delimiter", ",", DELIMITERS);
    if (dl != null) {
      String unescaped = dl.equals("\\t") ? "\t" : dl;
      if (unescaped.length() != 1 || "\"\r\n".indexOf(unescaped.charAt(0)) >= 0) {
        problem("input.csv_delimiter", quote(dl), DELIMITERS);
      } else {
        delimiter = unescaped.charAt(0);
      }
    }
    FieldMapping fields = fields(n.path("fields"));
    return new PostSchema(format, fields, timeFormat, zone, delimiter, range);
  }

  private FieldMapping fields(JsonNode n) {
    FieldMapping d = FieldMapping.DEFAULT;
    if (n.isMissingNode() || n.isNull()) return d;
    if (!n.isObject()) {
      problem("input.fields", show(n), "a mapping from post fields to source field names");
      return d;
    }
    Set<String> contract = d.asMap().keySet();
    unknownKeys(n, "input.fields.", contract);
    String[] names = new String[contract.size()];
    int i = 0;
    for (String key : contract) {
      JsonNode v = n.path(key);
      boolean required = key.equals("time") || key.equals("lat") || key.equals("lon");
      if (v.isMissingNode()) {
        names[i] = d.asMap().get(key);
      } else if (v.isNull() || (v.isTextual() && v.asText().isBlank())) {
        if (required) {
          problem("input.fields." + key, show(v), "the name of the source field that holds " + key);
          names[i] = d.asMap().get(key);
        } else {
          names[i] = null; // the source has no such field
        }
      } else if (v.isTextual() || v.isNumber()) {
        names[i] = v.asText();
      } else {
        problem(
            "input.fields." + key, show(v), "a field or column name (text), or null when absent");
        names[i] = d.asMap().get(key);
      }
      i++;
    }
    return new FieldMapping(
        names[0], names[1], names[2], names[3], names[4], names[5], names[6], names[7]);
  }

  private OutputSpec output(JsonNode n, String name) {
    String slug = slug(name == null ? "run" : name);
    Path dflt = Path.of("out", slug);
    if (n.isMissingNode() || n.isNull()) return new OutputSpec(dflt, true);
    if (!n.isObject()) {
      problem("output", show(n), "a mapping with dir and geojson");
      return new OutputSpec(dflt, true);
    }
    unknownKeys(n, "output.", Set.of("dir", "geojson"));
    String dir = string(n, "dir", "output.dir", null, "a folder path");
    boolean geojson = true;
    JsonNode g = n.path("geojson");
    if (!g.isMissingNode() && !g.isNull()) {
      if (g.isBoolean()) geojson = g.asBoolean();
      else problem("output.geojson", show(g), "true or false");
    }
    return new OutputSpec(dir == null ? dflt : Path.of(dir), geojson);
  }

  /** A folder-safe name: lower case, ASCII letters, digits and dashes. */
  static String slug(String name) {
    String s =
        java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFD)
            .replaceAll("\\p{M}", "")
            .toLowerCase(Locale.ROOT)
            .replaceAll("[^a-z0-9]+", "-")
            .replaceAll("(^-+|-+$)", "");
    return s.isEmpty() ? "run" : s;
  }

  private static final String PRIVACY =
      "a mapping with key_env or key_file, rotation, min_crowd, keep_text, keep_text_reason,"
          + " post_cap, duplicate_window";
  private static final String KEY_ENV =
      "the name of the environment variable holding the pseudonym key";
  private static final String KEY_FILE =
      "the path of a file holding the pseudonym key, relative to the plan's folder";
  private static final String NO_NOISY_RELEASE =
      "no value: the differentially private release is not built yet, so leave the field out";

  private PrivacySettings privacy(JsonNode n, Path base) {
    PrivacySettings d = PrivacySettings.DEFAULT;
    if (n.isMissingNode() || n.isNull()) return d;
    if (!n.isObject()) {
      problem("privacy", show(n), PRIVACY);
      return d;
    }
    unknownKeys(
        n,
        "privacy.",
        Set.of(
            "key_env",
            "key_file",
            "rotation",
            "min_crowd",
            "keep_text",
            "keep_text_reason",
            "post_cap",
            "duplicate_window",
            "dp_epsilon",
            "dp_max_cells"));
    KeySource key = d.key();
    String env = optionalString(n, "key_env", "privacy.key_env", KEY_ENV);
    String file = optionalString(n, "key_file", "privacy.key_file", KEY_FILE);
    if (env != null && file != null) {
      problem(
          "privacy.key_file", quote(file), "no key_file beside privacy.key_env: one or the other");
    } else if (env != null) {
      if (env.isBlank()) problem("privacy.key_env", quote(env), KEY_ENV);
      else key = KeySource.environment(env.trim());
    } else if (file != null) {
      try {
        if (file.isBlank()) throw new InvalidPathException(file, "blank");
        key = KeySource.file(base.resolve(file).normalize());
      } catch (InvalidPathException e) {
        problem("privacy.key_file", quote(file), KEY_FILE);
      }
    }
    KeyRotation.Kind rotation = d.rotation();
    String r = optionalString(n, "rotation", "privacy.rotation", KeyRotation.ACCEPTED);
    if (r != null) {
      try {
        rotation = KeyRotation.Kind.parse(r);
      } catch (IllegalArgumentException e) {
        problem("privacy.rotation", quote(r), KeyRotation.ACCEPTED);
      }
    }
    int minCrowd =
        integer(
            n,
            "privacy.min_crowd",
            d.minCrowd(),
            1,
            PrivacySettings.MAX_MIN_CROWD,
            PrivacySettings.MIN_CROWD_ACCEPTED);
    boolean keepText = bool(n, "keep_text", "privacy.keep_text", false);
    String reason =
        optionalString(
            n,
            "keep_text_reason",
            "privacy.keep_text_reason",
            PrivacySettings.KEEP_TEXT_REASON_ACCEPTED);
    if (keepText && (reason == null || reason.isBlank())) {
      problem(
          "privacy.keep_text_reason",
          reason == null ? "missing" : quote(reason),
          PrivacySettings.KEEP_TEXT_REASON_ACCEPTED);
    }
    int postCap =
        integer(
            n,
            "privacy.post_cap",
            d.postCap(),
            1,
            PrivacySettings.MAX_POST_CAP,
            PrivacySettings.POST_CAP_ACCEPTED);
    Duration duplicates =
        duration(
            n,
            "duplicate_window",
            "privacy.duplicate_window",
            d.duplicateWindow(),
            Duration.ZERO,
            PrivacySettings.MAX_DUPLICATE_WINDOW,
            PrivacySettings.DUPLICATE_WINDOW_ACCEPTED);
    for (String dp : List.of("dp_epsilon", "dp_max_cells")) {
      JsonNode v = n.path(dp);
      if (!v.isMissingNode() && !v.isNull()) problem("privacy." + dp, show(v), NO_NOISY_RELEASE);
    }
    if (duplicates == null || (keepText && (reason == null || reason.isBlank()))) return d;
    return new PrivacySettings(
        key,
        rotation,
        minCrowd,
        keepText,
        keepText ? reason : null,
        postCap,
        duplicates,
        null,
        d.dpMaxCells());
  }

  private static final String FLOWS =
      "a mapping with min_gap, max_gap, max_speed_kmh, zones (venues or h3) and resolution";
  private static final String FLOW_ZONES =
      "venues (flows between venue zones) or h3 (between H3 parent cells at flows.resolution)";

  private FlowSettings flows(JsonNode n, int resolution) {
    FlowSettings d = FlowSettings.DEFAULT;
    if (n.isMissingNode() || n.isNull()) return d;
    if (!n.isObject()) {
      problem("flows", show(n), FLOWS);
      return d;
    }
    unknownKeys(n, "flows.", Set.of("min_gap", "max_gap", "max_speed_kmh", "zones", "resolution"));
    Duration minGap =
        duration(
            n,
            "min_gap",
            "flows.min_gap",
            d.minGap(),
            Duration.ZERO,
            Duration.ofHours(1),
            FlowSettings.MIN_GAP_ACCEPTED);
    Duration maxGap =
        duration(
            n,
            "max_gap",
            "flows.max_gap",
            d.maxGap(),
            Duration.ofMillis(1),
            FlowSettings.LONGEST_MAX_GAP,
            FlowSettings.MAX_GAP_ACCEPTED);
    if (minGap != null && maxGap != null && maxGap.compareTo(minGap) <= 0) {
      problem("flows.max_gap", Durations.format(maxGap), FlowSettings.MAX_GAP_ACCEPTED);
      maxGap = null;
    }
    double speed = d.maxSpeedKmh();
    JsonNode v = n.path("max_speed_kmh");
    if (!v.isMissingNode() && !v.isNull()) {
      if (!v.isNumber()
          || !(v.asDouble() > 0 && v.asDouble() <= FlowSettings.FASTEST_MAX_SPEED_KMH)) {
        problem("flows.max_speed_kmh", show(v), FlowSettings.MAX_SPEED_ACCEPTED);
      } else {
        speed = v.asDouble();
      }
    }
    boolean venueZones = true;
    String zones = optionalString(n, "zones", "flows.zones", FLOW_ZONES);
    if (zones != null && zones.equals("h3")) {
      venueZones = false;
    } else if (zones != null && !zones.equals("venues")) {
      problem("flows.zones", quote(zones), FLOW_ZONES);
    }
    int zoneResolution =
        integer(
            n,
            "flows.resolution",
            d.zoneResolution(),
            0,
            Math.max(0, resolution - 1),
            FlowSettings.ZONE_RESOLUTION_ACCEPTED);
    if (venueZones && !n.path("resolution").isMissingNode()) {
      problem("flows.resolution", show(n.path("resolution")), "no value with zones: venues");
    }
    if (minGap == null || maxGap == null) return d;
    return new FlowSettings(minGap, maxGap, speed, venueZones, zoneResolution);
  }

  // --- field readers that record problems instead of throwing ---

  /** A text field that may be absent (null). */
  private String optionalString(JsonNode parent, String key, String field, String accepted) {
    JsonNode v = parent.path(key);
    if (v.isMissingNode() || v.isNull()) return null;
    if (!v.isTextual()) {
      problem(field, show(v), accepted);
      return null;
    }
    return v.asText();
  }

  /** A duration field of any section; null (with a problem) when it is not one within bounds. */
  private Duration duration(
      JsonNode parent,
      String key,
      String field,
      Duration dflt,
      Duration min,
      Duration max,
      String accepted) {
    JsonNode v = parent.path(key);
    if (v.isMissingNode() || v.isNull()) return dflt;
    Duration d = v.isTextual() ? Durations.parse(v.asText()).orElse(null) : null;
    if (d == null || d.compareTo(min) < 0 || d.compareTo(max) > 0) {
      problem(field, show(v), accepted);
      return null;
    }
    return d;
  }

  private JsonNode section(JsonNode parent, String key, String accepted) {
    JsonNode n = parent.path(key);
    if (n.isMissingNode() || n.isNull()) return MissingNode.getInstance();
    if (!n.isObject()) {
      problem(key, show(n), accepted);
      return MissingNode.getInstance();
    }
    return n;
  }

  private String string(JsonNode parent, String key, String dflt, String accepted) {
    return string(parent, key, key, dflt, accepted);
  }

  private String string(JsonNode parent, String key, String field, String dflt, String accepted) {
    JsonNode v = parent.path(key);
    if (v.isMissingNode() || v.isNull()) {
      if (dflt == null && !OPTIONAL.contains(field)) {
        problem(field, "missing", accepted);
      }
      return dflt;
    }
    if (!v.isTextual()) {
      problem(field, show(v), accepted);
      return dflt;
    }
    return v.asText();
  }

  private int integer(JsonNode parent, String field, int dflt, int min, int max, String accepted) {
    String key = field.substring(field.lastIndexOf('.') + 1);
    JsonNode v = parent.path(key);
    if (v.isMissingNode() || v.isNull()) return dflt;
    if (!v.isIntegralNumber() || !v.canConvertToInt() || v.asInt() < min || v.asInt() > max) {
      problem(field, show(v), accepted);
      return dflt;
    }
    return v.asInt();
  }

  private double number(
      JsonNode parent,
      String key,
      String field,
      double dflt,
      double min,
      double max,
      String accepted) {
    JsonNode v = parent.path(key);
    if (v.isMissingNode() || v.isNull()) return dflt;
    if (!v.isNumber() || !(v.asDouble() >= min && v.asDouble() <= max)) {
      problem(field, show(v), accepted);
      return dflt;
    }
    return v.asDouble();
  }

  private void unknownKeys(JsonNode n, String prefix, Set<String> known) {
    if (!n.isObject()) return;
    Iterator<String> it = n.fieldNames();
    while (it.hasNext()) {
      String k = it.next();
      if (!known.contains(k)) {
        problem(
            prefix + k,
            "an unknown field",
            "one of " + String.join(", ", known.stream().sorted().toList()));
      }
    }
  }

  private void problem(String field, String value, String accepted) {
    problems.add(new PlanProblem(field, value, accepted));
  }

  private static String show(JsonNode v) {
    if (v.isMissingNode()) return "missing";
    if (v.isNull()) return "null";
    if (v.isTextual()) return quote(v.asText());
    if (v.isValueNode()) return v.asText();
    return "a " + kind(v) + " " + v;
  }

  private static String kind(JsonNode v) {
    return v.isArray()
        ? "list"
        : v.isObject() ? "mapping" : v.getNodeType().name().toLowerCase(Locale.ROOT);
  }

  private static String quote(String s) {
    return "\"" + s + "\"";
  }

  /**
   * Where and what the YAML error is, e.g. {@code line 1, column 16: expected ',' or ']', but got
   * <stream end>}: the parser's own message repeats the text with carets over several lines.
   */
  private static String yamlError(IOException e) {
    String text = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
    String what = "unreadable";
    if (text != null) {
      for (String line : text.split("\n")) {
        if (!line.isBlank() && !line.startsWith(" ") && !line.startsWith("in '")) {
          what = line.trim(); // the last such line is the problem, earlier ones its context
        }
      }
    }
    JsonLocation at = e instanceof JsonProcessingException j ? j.getLocation() : null;
    if (at == null || at.getLineNr() < 1) return what;
    return "line " + at.getLineNr() + ", column " + at.getColumnNr() + ": " + what;
  }

  private static String reason(IOException e) {
    if (e instanceof NoSuchFileException) return "no such file";
    if (e instanceof AccessDeniedException) return "permission denied";
    if (e instanceof CharacterCodingException) return "not UTF-8 text";
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }
}
