package org.crowdhex.job;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A baseline file that expects the same few authors in every cell at every hour: no cells of its
 * own, its floor the expectation. For tests that need an alert where they put a crowd, without
 * learning a baseline from generated history first.
 */
public final class FlatBaseline {
  private FlatBaseline() {}

  /**
   * Writes the file.
   *
   * @param authors the expected distinct authors per cell and window, above 0
   */
  public static void write(
      Path file, int h3Resolution, Duration windowSize, String timeZone, double authors)
      throws IOException {
    ObjectMapper json = new ObjectMapper();
    ObjectNode b = json.createObjectNode();
    b.put("format", "crowdhex-baseline");
    b.put("version", 1);
    b.put("h3_resolution", h3Resolution);
    ObjectNode window = b.putObject("window");
    window.put("size_ms", windowSize.toMillis());
    window.put("slide_ms", windowSize.toMillis());
    window.put("hour", "start");
    b.put("time_zone", timeZone);
    ObjectNode history = b.putObject("history");
    history.put("start", "2026-03-02T00:00:00Z");
    history.put("end", "2026-03-09T00:00:00Z");
    history.put("windows", 168);
    ArrayNode perHour = history.putArray("windows_per_hour_of_week");
    for (int i = 0; i < 168; i++) perHour.add(1);
    b.putArray("excluded");
    ObjectNode shrinkage = b.putObject("shrinkage");
    shrinkage.put("parent_levels", 1);
    shrinkage.put("pseudo_windows", 5.0);
    shrinkage.put("floor_authors", authors);
    ObjectNode volume = b.putObject("volume");
    volume.put("source", "stream");
    ArrayNode expected = volume.putArray("expected");
    for (int i = 0; i < 168; i++) expected.add(100.0);
    ObjectNode created = b.putObject("created");
    created.put("at", "2026-03-09T00:00:00Z");
    created.put("by", "a test");
    b.putArray("cells");
    b.putArray("parents");
    json.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), b);
  }
}
