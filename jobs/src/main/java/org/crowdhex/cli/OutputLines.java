package org.crowdhex.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/** Reading a run's JSON-lines outputs back, for the commands that print or learn from them. */
final class OutputLines {
  private static final ObjectMapper JSON = new ObjectMapper();

  private OutputLines() {}

  /**
   * Per key, the record whose {@code field} is largest (the first of equals), in the order the keys
   * first appear: e.g. each alert's last revision, or each venue's busiest window. Empty when the
   * file does not exist.
   */
  static Map<String, JsonNode> largestPerKey(
      Path file, Function<JsonNode, String> key, String field) throws IOException {
    Map<String, JsonNode> largest = new LinkedHashMap<>();
    if (!Files.exists(file)) return largest;
    try (BufferedReader r = Files.newBufferedReader(file)) {
      String line;
      while ((line = r.readLine()) != null) {
        if (line.isBlank()) continue;
        JsonNode n = JSON.readTree(line);
        largest.merge(
            key.apply(n), n, (a, b) -> b.get(field).asDouble() > a.get(field).asDouble() ? b : a);
      }
    }
    return largest;
  }
}
