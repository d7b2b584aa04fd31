package org.crowdhex.baseline;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * What is normal: the expected distinct authors per window for each watched H3 cell and each hour
 * of the week, learned from past data by {@link BaselineLearner} and loaded by the monitor job at
 * start, which compares each window's count with it.
 *
 * <h2>How it is learned</h2>
 *
 * {@code crowdhex baseline PLAN --history FILES --out FILE} replays past posts through the same job
 * code as a run, so the counts are made exactly as the monitor makes them: distinct authors per
 * cell per sliding window. For every cell and every hour of the week (0 = Monday 00:00 local time
 * in the plan's zone, 167 = Sunday 23:00; a window belongs to the hour of its start, see {@link
 * HourOfWeek}):
 *
 * <ol>
 *   <li>Only windows wholly inside the history span count, and every window overlapping a past
 *       event or incident listed in the plan is left out, so the baseline describes ordinary days.
 *   <li>The mean is taken over <em>all</em> remaining windows of that hour of the week, a window in
 *       which the cell had no post counting as 0: distinct-author counts are sparse, and a mean
 *       over only the windows with posts would overstate what is normal many times over.
 *   <li>Sparse cells borrow strength from their H3 parent: {@code b = (n*mean + m*prior) / (n+m)},
 *       {@code n} the windows in which the cell had authors, {@code m} a pseudo-count (default 5),
 *       {@code prior} the parent's mean per watched child (see {@link Shrinkage}).
 *   <li>No expectation is below a floor (default 0.05 authors), so a score never divides by zero.
 *   <li>An hour of the week the history never covers (a history shorter than a week) takes the
 *       cell's estimate over the whole history.
 * </ol>
 *
 * <h2>The file, format version 1</h2>
 *
 * JSON, UTF-8; gzip-compressed when the file name ends with {@code .gz}. Numbers of authors are
 * rounded to 4 decimals. Cells are H3 indexes as lower-case hexadecimal strings (as H3's own tools
 * write them: a JSON number would lose precision in JavaScript).
 *
 * <pre>
 * {
 *   "format": "crowdhex-baseline",          always this
 *   "version": 1,                           the format version; a reader refuses any other
 *   "h3_resolution": 10,                    must equal the plan's h3_resolution
 *   "window": {"size_ms": 900000,           must equal the plan's window.size
 *              "slide_ms": 300000,          informative: the slide changes how many windows were
 *                                           averaged, not what a window holds
 *              "hour": "start"},            a window's hour of the week is that of its start
 *   "time_zone": "Europe/Amsterdam",        must equal the plan's time_zone
 *   "history": {"start": "2026-03-02T00:00:00Z", "end": "2026-03-30T00:00:00Z",
 *               "windows": 8049,            windows learned from
 *               "windows_per_hour_of_week": [48, 48, ...]},   168 numbers
 *   "excluded": [{"start": "...", "end": "..."}],             windows overlapping these left out
 *   "shrinkage": {"parent_levels": 1, "pseudo_windows": 5.0, "floor_authors": 0.05},
 *   "volume": {"source": "stream",          "stream": total posts per window of the whole stream;
 *                                           "cells": the sum of the cells' expectations
 *              "expected": [812.5, ...]},   168 numbers, for the optional volume rescale
 *   "created": {"at": "2026-04-01T10:00:00Z", "by": "crowdhex baseline 0.1.0"},
 *   "cells":   [{"cell": "8a1969...", "expected": [0.4, 0.35, ...]}, ...],   168 numbers each
 *   "parents": [{"cell": "891969...", "expected": [...]}, ...]    prior per child, for unknown cells
 * }
 * </pre>
 *
 * <p>A reader checks every field and reports each problem as a sentence naming the field, its value
 * and what is accepted; {@link #mismatches} checks a baseline against the plan it is used with.
 *
 * <h2>Lookups</h2>
 *
 * {@link #expected(long, int)} allocates nothing: a binary search in a sorted array of cells and an
 * index into one table of 168 numbers per cell. A cell the baseline does not know gets its parent's
 * prior per child, or the floor when the parent is unknown too. The object is immutable and
 * serializable, to be shipped to the tasks of a Flink job.
 */
public final class Baseline implements Serializable {
  private static final long serialVersionUID = 1L;

  /** The version of the file format this class reads and writes. */
  public static final int FORMAT_VERSION = 1;

  /** The value of the file's {@code format} field. */
  public static final String FORMAT_NAME = "crowdhex-baseline";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int SLOTS = HourOfWeek.SLOTS;

  private final BaselineInfo info;
  private final long[] cells;
  private final double[] expected;
  private final long[] parents;
  private final double[] parentExpected;
  private final double[] volume;
  private final int parentResolution;
  private final double floor;

  /**
   * @param info the header
   * @param cells the cells, sorted ascending, no duplicates
   * @param expected 168 expectations per cell, in the order of {@code cells}
   * @param parents the parent cells, sorted ascending, no duplicates
   * @param parentExpected 168 priors per child for each parent
   * @param volume 168 expected total volumes
   */
  Baseline(
      BaselineInfo info,
      long[] cells,
      double[] expected,
      long[] parents,
      double[] parentExpected,
      double[] volume) {
    this.info = Objects.requireNonNull(info, "info");
    if (expected.length != cells.length * SLOTS
        || parentExpected.length != parents.length * SLOTS
        || volume.length != SLOTS) {
      throw new IllegalArgumentException(
          "a baseline needs 168 numbers per cell, parent and volume");
    }
    this.cells = cells.clone();
    this.expected = expected.clone();
    this.parents = parents.clone();
    this.parentExpected = parentExpected.clone();
    this.volume = volume.clone();
    this.parentResolution = info.h3Resolution() - info.shrinkage().parentLevels();
    this.floor = info.shrinkage().floorAuthors();
  }

  /**
   * The expected distinct authors in one window of a cell.
   *
   * @param cell an H3 cell at the baseline's resolution
   * @param hourOfWeek the window's slot, from {@link HourOfWeek#ofWindow}
   * @return authors per window; at least the floor
   * @throws IllegalArgumentException when the hour is out of range or the cell has another
   *     resolution
   */
  public double expected(long cell, int hourOfWeek) {
    if (hourOfWeek < 0 || hourOfWeek >= SLOTS) {
      HourOfWeek.check(hourOfWeek);
    }
    int row = Arrays.binarySearch(cells, cell);
    if (row >= 0) {
      return expected[row * SLOTS + hourOfWeek];
    }
    if (H3Cells.resolution(cell) != info.h3Resolution()) {
      throw new IllegalArgumentException(
          "cell "
              + H3Cells.toText(cell)
              + " has resolution "
              + H3Cells.resolution(cell)
              + "; accepted: a cell at the baseline's h3_resolution ("
              + info.h3Resolution()
              + ")");
    }
    int parentRow = Arrays.binarySearch(parents, H3Cells.parent(cell, parentResolution));
    if (parentRow >= 0) {
      return parentExpected[parentRow * SLOTS + hourOfWeek];
    }
    return floor;
  }

  /** {@link #expected(long, int)} for the window starting at {@code windowStart}. */
  public double expectedAt(long cell, long windowStart) {
    return expected(cell, HourOfWeek.ofWindow(windowStart, info.timeZone()));
  }

  /**
   * The expected total volume of a window in an hour of the week, for {@link VolumeScaler}: total
   * posts of the whole stream when {@link BaselineInfo#volumeSource()} is {@code "stream"}, the sum
   * of the watched cells' expected authors when it is {@code "cells"}. Compare it with the same
   * quantity observed.
   */
  public double expectedVolume(int hourOfWeek) {
    return volume[HourOfWeek.check(hourOfWeek)];
  }

  /** Whether the baseline has its own row for the cell (rather than a parent's prior). */
  public boolean knows(long cell) {
    return Arrays.binarySearch(cells, cell) >= 0;
  }

  /** The cells with their own row, ascending. */
  public long[] cells() {
    return cells.clone();
  }

  public BaselineInfo info() {
    return info;
  }

  /**
   * What keeps this baseline from being used with a plan: one sentence per difference in
   * resolution, window size or time zone; empty when it fits. The slide may differ: it changes how
   * many windows were averaged, not what one window holds.
   */
  public List<String> mismatches(int h3Resolution, long windowSizeMillis, ZoneId timeZone) {
    List<String> problems = new ArrayList<>();
    if (info.h3Resolution() != h3Resolution) {
      problems.add(
          "h3_resolution is "
              + info.h3Resolution()
              + "; accepted: the plan's h3_resolution ("
              + h3Resolution
              + "), since cells of another size hold other counts; learn the baseline again with"
              + " this plan");
    }
    if (info.windowSizeMillis() != windowSizeMillis) {
      problems.add(
          "window.size_ms is "
              + info.windowSizeMillis()
              + "; accepted: the plan's window.size ("
              + windowSizeMillis
              + " ms), since a longer window holds more authors; learn the baseline again with"
              + " this plan");
    }
    if (!info.timeZone().equals(timeZone)) {
      problems.add(
          "time_zone is "
              + info.timeZone()
              + "; accepted: the plan's time_zone ("
              + timeZone
              + "), since the hours of the week would be shifted");
    }
    return problems;
  }

  /**
   * Throws unless the baseline fits the plan.
   *
   * @param source the baseline's file name, for the message
   * @throws BaselineFileException listing every {@link #mismatches mismatch}
   */
  public void requireFits(String source, int h3Resolution, long windowSizeMillis, ZoneId zone) {
    List<String> problems = mismatches(h3Resolution, windowSizeMillis, zone);
    if (!problems.isEmpty()) {
      throw new BaselineFileException(source, problems);
    }
  }

  /** Writes the file described above; gzip-compressed when the name ends with {@code .gz}. */
  public void write(Path file) throws IOException {
    try (OutputStream out = open(file);
        JsonGenerator json = JSON.getFactory().createGenerator(out, JsonEncoding.UTF8)) {
      json.useDefaultPrettyPrinter();
      json.writeStartObject();
      json.writeStringField("format", FORMAT_NAME);
      json.writeNumberField("version", FORMAT_VERSION);
      json.writeNumberField("h3_resolution", info.h3Resolution());
      json.writeObjectFieldStart("window");
      json.writeNumberField("size_ms", info.windowSizeMillis());
      json.writeNumberField("slide_ms", info.windowSlideMillis());
      json.writeStringField("hour", "start");
      json.writeEndObject();
      json.writeStringField("time_zone", info.timeZone().getId());
      json.writeObjectFieldStart("history");
      json.writeStringField("start", info.history().start().toString());
      json.writeStringField("end", info.history().end().toString());
      json.writeNumberField("windows", info.windows());
      json.writeArrayFieldStart("windows_per_hour_of_week");
      for (int count : info.windowsPerHourOfWeek()) {
        json.writeNumber(count);
      }
      json.writeEndArray();
      json.writeEndObject();
      json.writeArrayFieldStart("excluded");
      for (Interval interval : info.excluded()) {
        json.writeStartObject();
        json.writeStringField("start", interval.start().toString());
        json.writeStringField("end", interval.end().toString());
        json.writeEndObject();
      }
      json.writeEndArray();
      json.writeObjectFieldStart("shrinkage");
      json.writeNumberField("parent_levels", info.shrinkage().parentLevels());
      json.writeNumberField("pseudo_windows", info.shrinkage().pseudoWindows());
      json.writeNumberField("floor_authors", info.shrinkage().floorAuthors());
      json.writeEndObject();
      json.writeObjectFieldStart("volume");
      json.writeStringField("source", info.volumeSource());
      writeNumbers(json, "expected", volume, 0);
      json.writeEndObject();
      json.writeObjectFieldStart("created");
      json.writeStringField("at", info.createdAt().toString());
      json.writeStringField("by", info.createdBy());
      json.writeEndObject();
      writeRows(json, "cells", cells, expected);
      writeRows(json, "parents", parents, parentExpected);
      json.writeEndObject();
    }
  }

  /**
   * Reads a baseline file, checking every field.
   *
   * @throws BaselineFileException when the file is not a baseline of format version 1 or a field is
   *     missing or bad; every problem is listed
   * @throws IOException when the file cannot be read
   */
  public static Baseline read(Path file) throws IOException {
    String name = String.valueOf(file.getFileName());
    JsonNode root;
    try (InputStream in = openForReading(file)) {
      root = JSON.readTree(in);
    } catch (JsonProcessingException e) {
      throw new BaselineFileException(
          name,
          List.of(
              "is not JSON ("
                  + e.getOriginalMessage()
                  + "); accepted: a baseline file written by crowdhex baseline"));
    }
    return new FileReading(name, root).baseline();
  }

  private static OutputStream open(Path file) throws IOException {
    OutputStream out = Files.newOutputStream(file);
    return isGzip(file) ? new GZIPOutputStream(out) : out;
  }

  private static InputStream openForReading(Path file) throws IOException {
    InputStream in = Files.newInputStream(file);
    return isGzip(file) ? new GZIPInputStream(in) : in;
  }

  private static boolean isGzip(Path file) {
    return String.valueOf(file.getFileName()).endsWith(".gz");
  }

  private static void writeRows(JsonGenerator json, String field, long[] ids, double[] table)
      throws IOException {
    json.writeArrayFieldStart(field);
    for (int row = 0; row < ids.length; row++) {
      json.writeStartObject();
      json.writeStringField("cell", H3Cells.toText(ids[row]));
      writeNumbers(json, "expected", table, row * SLOTS);
      json.writeEndObject();
    }
    json.writeEndArray();
  }

  private static void writeNumbers(JsonGenerator json, String field, double[] values, int from)
      throws IOException {
    json.writeArrayFieldStart(field);
    for (int i = from; i < from + SLOTS; i++) {
      json.writeNumber(round4(values[i]));
    }
    json.writeEndArray();
  }

  /**
   * Rounds to 4 decimals. Values are stored rounded already, so that writing and reading back gives
   * the very same numbers and a reloaded baseline answers exactly as the one learned.
   */
  static double round4(double value) {
    return Math.round(value * 1e4) / 1e4;
  }

  /** Reads the fields of a parsed file, collecting every problem before failing. */
  private static final class FileReading {
    private final String name;
    private final JsonNode root;
    private final List<String> problems = new ArrayList<>();

    FileReading(String name, JsonNode root) {
      this.name = name;
      this.root = root;
    }

    Baseline baseline() {
      if (root == null || !root.isObject()) {
        fail(
            "the file is not a JSON object; accepted: a baseline file written by crowdhex baseline");
      }
      JsonNode format = root.path("format");
      if (!format.isTextual() || !format.asText().equals(FORMAT_NAME)) {
        fail(
            "format is "
                + shown(format)
                + "; accepted: \""
                + FORMAT_NAME
                + "\" (is this a baseline file?)");
      }
      JsonNode version = root.path("version");
      if (!version.isInt() || version.asInt() != FORMAT_VERSION) {
        // Another version may give the same fields another meaning: stop before reading them.
        fail(
            "version is "
                + shown(version)
                + "; accepted: "
                + FORMAT_VERSION
                + (version.isInt() && version.asInt() > FORMAT_VERSION
                    ? " (the file was written by a newer crowdhex; use that version, or learn the"
                        + " baseline again)"
                    : ""));
      }
      int before = problems.size();
      int resolution = integer("h3_resolution", root.path("h3_resolution"), 0, 15);
      if (problems.size() > before) {
        // Unknown: checking every cell against a stand-in would bury the one real problem.
        resolution = -1;
      }
      long size = longNumber("window.size_ms", root.path("window").path("size_ms"), 1);
      long slide = longNumber("window.slide_ms", root.path("window").path("slide_ms"), 1);
      JsonNode hour = root.path("window").path("hour");
      if (!hour.isTextual() || !hour.asText().equals("start")) {
        problems.add(
            "window.hour is "
                + shown(hour)
                + "; accepted: \"start\" (a window's hour is its start's)");
      }
      ZoneId zone = zone(root.path("time_zone"));
      JsonNode history = root.path("history");
      Interval span = interval("history", history);
      int windows = integer("history.windows", history.path("windows"), 0, Integer.MAX_VALUE);
      List<Integer> perSlot = new ArrayList<>();
      JsonNode perSlotNode = history.path("windows_per_hour_of_week");
      if (perSlotNode.isArray() && perSlotNode.size() == SLOTS) {
        for (int i = 0; i < SLOTS; i++) {
          perSlot.add(
              integer(
                  "history.windows_per_hour_of_week[" + i + "]",
                  perSlotNode.get(i),
                  0,
                  Integer.MAX_VALUE));
        }
      } else {
        problems.add(
            "history.windows_per_hour_of_week is "
                + shownArray(perSlotNode)
                + "; accepted: an array of 168 whole numbers");
      }
      List<Interval> excluded = new ArrayList<>();
      JsonNode excludedNode = root.path("excluded");
      if (excludedNode.isArray()) {
        for (int i = 0; i < excludedNode.size(); i++) {
          Interval interval = interval("excluded[" + i + "]", excludedNode.get(i));
          if (interval != null) {
            excluded.add(interval);
          }
        }
      } else {
        problems.add(
            "excluded is "
                + shown(excludedNode)
                + "; accepted: an array of {\"start\", \"end\"} objects, possibly empty");
      }
      Shrinkage shrinkage = shrinkage(root.path("shrinkage"));
      JsonNode volumeNode = root.path("volume");
      String volumeSource = volumeNode.path("source").asText("");
      if (!volumeSource.equals(BaselineInfo.VOLUME_FROM_STREAM)
          && !volumeSource.equals(BaselineInfo.VOLUME_FROM_CELLS)) {
        problems.add(
            "volume.source is "
                + shown(volumeNode.path("source"))
                + "; accepted: \"stream\" or \"cells\"");
      }
      double[] volume = numbers("volume.expected", volumeNode.path("expected"));
      Instant createdAt = instant("created.at", root.path("created").path("at"));
      JsonNode by = root.path("created").path("by");
      if (!by.isTextual()) {
        problems.add("created.by is " + shown(by) + "; accepted: a text naming what learned it");
      }
      Rows cellRows = rows("cells", root.path("cells"), resolution);
      Rows parentRows =
          rows(
              "parents",
              root.path("parents"),
              shrinkage == null || resolution < 0 ? -1 : resolution - shrinkage.parentLevels());
      if (!problems.isEmpty()) {
        throw new BaselineFileException(name, problems);
      }
      BaselineInfo info =
          new BaselineInfo(
              FORMAT_VERSION,
              resolution,
              size,
              slide,
              zone,
              span,
              windows,
              perSlot,
              excluded,
              shrinkage,
              volumeSource,
              createdAt,
              by.asText());
      return new Baseline(
          info, cellRows.ids, cellRows.table, parentRows.ids, parentRows.table, volume);
    }

    private void fail(String problem) {
      throw new BaselineFileException(name, List.of(problem));
    }

    private int integer(String field, JsonNode node, int min, int max) {
      if (!node.isIntegralNumber()
          || !node.canConvertToInt()
          || node.asInt() < min
          || node.asInt() > max) {
        problems.add(
            field
                + " is "
                + shown(node)
                + "; accepted: a whole number from "
                + min
                + (max == Integer.MAX_VALUE ? " up" : " to " + max));
        return min;
      }
      return node.asInt();
    }

    private long longNumber(String field, JsonNode node, long min) {
      if (!node.isIntegralNumber() || !node.canConvertToLong() || node.asLong() < min) {
        problems.add(
            field + " is " + shown(node) + "; accepted: a whole number from " + min + " up");
        return min;
      }
      return node.asLong();
    }

    private ZoneId zone(JsonNode node) {
      try {
        if (node.isTextual()) {
          return ZoneId.of(node.asText());
        }
      } catch (DateTimeException e) {
        // reported below
      }
      problems.add(
          "time_zone is " + shown(node) + "; accepted: an IANA time zone such as Europe/Amsterdam");
      return ZoneId.of("UTC");
    }

    private Instant instant(String field, JsonNode node) {
      try {
        if (node.isTextual()) {
          return Instant.parse(node.asText());
        }
      } catch (DateTimeException e) {
        // reported below
      }
      problems.add(
          field
              + " is "
              + shown(node)
              + "; accepted: an ISO-8601 instant such as 2026-03-02T00:00:00Z");
      return Instant.EPOCH;
    }

    private Interval interval(String field, JsonNode node) {
      Instant start = instant(field + ".start", node.path("start"));
      Instant end = instant(field + ".end", node.path("end"));
      if (!end.isAfter(start)) {
        if (!start.equals(Instant.EPOCH) || !end.equals(Instant.EPOCH)) {
          problems.add(
              field
                  + ".end is "
                  + end
                  + "; accepted: a time after "
                  + field
                  + ".start ("
                  + start
                  + ")");
        }
        return null;
      }
      return Interval.of(start, end);
    }

    private Shrinkage shrinkage(JsonNode node) {
      try {
        return new Shrinkage(
            node.path("parent_levels").asInt(-1),
            node.path("pseudo_windows").isNumber() ? node.path("pseudo_windows").asDouble() : -1,
            node.path("floor_authors").isNumber() ? node.path("floor_authors").asDouble() : -1);
      } catch (IllegalArgumentException e) {
        problems.add(e.getMessage());
        return null;
      }
    }

    private double[] numbers(String field, JsonNode node) {
      double[] values = new double[SLOTS];
      if (!node.isArray() || node.size() != SLOTS) {
        problems.add(
            field
                + " is "
                + shownArray(node)
                + "; accepted: an array of 168 numbers, one per hour of the week");
        return values;
      }
      for (int i = 0; i < SLOTS; i++) {
        JsonNode value = node.get(i);
        if (!value.isNumber() || !(value.asDouble() >= 0) || Double.isInfinite(value.asDouble())) {
          problems.add(
              field + "[" + i + "] is " + shown(value) + "; accepted: a finite number, 0 or more");
          return values;
        }
        values[i] = value.asDouble();
      }
      return values;
    }

    private Rows rows(String field, JsonNode node, int resolution) {
      if (!node.isArray()) {
        problems.add(
            field
                + " is "
                + shown(node)
                + "; accepted: an array of {\"cell\", \"expected\"} objects");
        return new Rows(new long[0], new double[0]);
      }
      int count = node.size();
      long[] ids = new long[count];
      double[][] rows = new double[count][];
      for (int i = 0; i < count; i++) {
        String where = field + "[" + i + "]";
        JsonNode cellNode = node.get(i).path("cell");
        long cell = 0;
        try {
          cell = Long.parseUnsignedLong(cellNode.asText(""), 16);
        } catch (NumberFormatException e) {
          // reported below
        }
        if (!cellNode.isTextual() || !H3Cells.isCellIndex(cell)) {
          problems.add(
              where
                  + ".cell is "
                  + shown(cellNode)
                  + "; accepted: an H3 cell index in hexadecimal");
        } else if (resolution >= 0 && H3Cells.resolution(cell) != resolution) {
          problems.add(
              where
                  + ".cell is "
                  + cellNode.asText()
                  + ", a cell of resolution "
                  + H3Cells.resolution(cell)
                  + "; accepted: a cell of resolution "
                  + resolution);
        }
        ids[i] = cell;
        rows[i] = numbers(where + ".expected", node.get(i).path("expected"));
      }
      Integer[] order = new Integer[count];
      for (int i = 0; i < count; i++) {
        order[i] = i;
      }
      Arrays.sort(order, (a, b) -> Long.compare(ids[a], ids[b]));
      long[] sorted = new long[count];
      double[] table = new double[count * SLOTS];
      for (int i = 0; i < count; i++) {
        sorted[i] = ids[order[i]];
        System.arraycopy(rows[order[i]], 0, table, i * SLOTS, SLOTS);
        if (i > 0 && sorted[i] == sorted[i - 1]) {
          problems.add(
              field
                  + " lists cell "
                  + H3Cells.toText(sorted[i])
                  + " twice; accepted: each cell once");
        }
      }
      return new Rows(sorted, table);
    }

    private static String shown(JsonNode node) {
      if (node == null || node.isMissingNode()) {
        return "missing";
      }
      String text = node.toString();
      return text.length() > 60 ? text.substring(0, 57) + "..." : text;
    }

    private static String shownArray(JsonNode node) {
      return node.isArray() ? "an array of " + node.size() : shown(node);
    }
  }

  private record Rows(long[] ids, double[] table) {}
}
