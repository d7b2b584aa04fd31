package org.crowdhex.evaluation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Reads alerts as JSON lines, one alert record per line; blank lines are skipped.
 *
 * <p>The fields of a record:
 *
 * <ul>
 *   <li>{@code id} (required): the alert's id; a detector that updates an alert writes several
 *       records with the same id
 *   <li>{@code venue} (required): the venue id
 *   <li>{@code first_window_start} (required): start of the alert's first window, an ISO-8601 UTC
 *       instant such as {@code 2026-04-19T14:15:00Z}
 *   <li>{@code last_window_end} (required): end of its latest window so far, same format
 *   <li>{@code window_end} (optional): end of the window the record was written for; the earliest
 *       of an alert's records (the one that opened it) is when the alert was raised
 *   <li>{@code state} (optional): such as {@code open} or {@code closed}; read for the record's
 *       sake, it does not change the span
 *   <li>{@code cells} (optional): an array of H3 cells (hex strings)
 * </ul>
 *
 * <p>Other fields are ignored. The records of one id collapse into one {@link AlertSpan}: the
 * earliest {@code first_window_start}, the latest {@code last_window_end}, the earliest {@code
 * window_end} (when the records have one) and every cell named; they must agree on the venue. Spans
 * come in the order their ids first appear.
 */
public final class AlertFile {
  private static final ObjectMapper JSON = new ObjectMapper();

  private AlertFile() {}

  /**
   * Reads an alerts file.
   *
   * @throws EvaluationFileException listing every problem found, when the file is missing or has
   *     lines that are not alert records
   * @throws IOException when the file cannot be read for another reason
   */
  public static List<AlertSpan> read(Path file) throws IOException {
    String name = String.valueOf(file.getFileName());
    List<String> problems = new ArrayList<>();
    Map<String, Builder> byId = new LinkedHashMap<>();
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      int number = 0;
      while ((line = in.readLine()) != null) {
        number++;
        if (!line.isBlank()) {
          readLine(line, name + " line " + number, byId, problems);
        }
      }
    } catch (NoSuchFileException e) {
      throw new EvaluationFileException(
          name, List.of(name + " does not exist; expected a file of alert JSON lines"));
    }
    if (!problems.isEmpty()) {
      throw new EvaluationFileException(name, problems);
    }
    List<AlertSpan> spans = new ArrayList<>();
    for (Builder b : byId.values()) {
      spans.add(b.build());
    }
    return List.copyOf(spans);
  }

  private static void readLine(
      String line, String at, Map<String, Builder> byId, List<String> problems) {
    JsonNode record;
    try {
      record = JSON.readTree(line);
    } catch (JsonProcessingException e) {
      problems.add(at + " is not JSON: " + e.getOriginalMessage() + "; expected one JSON object");
      return;
    }
    if (record == null || !record.isObject()) {
      problems.add(at + " is " + TruthFile.shape(record) + "; expected one JSON object");
      return;
    }
    int before = problems.size();
    String id = text(record.get("id"), at, "id", problems);
    String venue = text(record.get("venue"), at, "venue", problems);
    Instant start =
        TruthFile.instant(record.get("first_window_start"), at, "first_window_start", problems);
    Instant end = TruthFile.instant(record.get("last_window_end"), at, "last_window_end", problems);
    Instant raised =
        record.hasNonNull("window_end")
            ? TruthFile.instant(record.get("window_end"), at, "window_end", problems)
            : null;
    JsonNode state = record.get("state");
    if (state != null && !state.isNull() && !state.isTextual()) {
      problems.add(at + ": state is " + TruthFile.shape(state) + "; expected a text");
    }
    List<String> cells = new ArrayList<>();
    JsonNode cellsNode = record.get("cells");
    if (cellsNode != null && !cellsNode.isNull()) {
      if (!cellsNode.isArray()) {
        problems.add(
            at + ": cells is " + TruthFile.shape(cellsNode) + "; expected an array of H3 cells");
      } else {
        for (JsonNode c : cellsNode) {
          String cell = text(c, at, "cells element", problems);
          if (cell != null) {
            cells.add(cell);
          }
        }
      }
    }
    if (problems.size() > before) {
      return;
    }
    if (!end.isAfter(start)) {
      problems.add(
          at
              + ": last_window_end is "
              + end
              + "; expected an instant after first_window_start "
              + start);
      return;
    }
    Builder b = byId.computeIfAbsent(id, k -> new Builder(k, venue, start, end));
    if (!b.venue.equals(venue)) {
      problems.add(
          at + ": venue is " + venue + "; expected " + b.venue + " as in alert " + id + " before");
      return;
    }
    b.add(start, end, raised, cells);
  }

  private static String text(JsonNode node, String at, String field, List<String> problems) {
    if (node == null || !node.isTextual() || node.asText().isBlank()) {
      problems.add(at + ": " + field + " is " + TruthFile.shape(node) + "; expected a text");
      return null;
    }
    return node.asText();
  }

  private static final class Builder {
    final String id;
    final String venue;
    final TreeSet<String> cells = new TreeSet<>();
    Instant start;
    Instant end;
    Instant raised;

    Builder(String id, String venue, Instant start, Instant end) {
      this.id = id;
      this.venue = venue;
      this.start = start;
      this.end = end;
    }

    void add(Instant s, Instant e, Instant r, List<String> more) {
      if (r != null && (raised == null || r.isBefore(raised))) {
        raised = r;
      }
      if (s.isBefore(start)) {
        start = s;
      }
      if (e.isAfter(end)) {
        end = e;
      }
      cells.addAll(more);
    }

    AlertSpan build() {
      return new AlertSpan(
          id,
          venue,
          List.copyOf(cells),
          start,
          end,
          raised == null || raised.isBefore(start) ? null : raised);
    }
  }
}
