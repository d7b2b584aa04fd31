package org.crowdhex.evaluation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Reads the generator's {@code truth.json} into the anomalies a detector should find.
 *
 * <p>The file is an object with {@code spec.start} and {@code spec.end} (the observed span,
 * ISO-8601 instants) and {@code events}, each with {@code id}, {@code kind}, {@code venue_id},
 * {@code intervals} (an object of named {@code {start, end}} intervals) and optionally {@code
 * affected_venues}. Other fields are ignored.
 *
 * <p>An anomaly is an <em>unexpected</em> crowd. Which of an event's intervals make anomalies
 * depends on its kind:
 *
 * <table>
 *   <caption>Anomalies per event kind</caption>
 *   <tr><th>kind</th><th>anomalies</th><th>why</th></tr>
 *   <tr><td>{@code stadium_match}</td><td>{@code arrival}; {@code egress}</td>
 *       <td>the match itself is scheduled, so a baseline with a schedule multiplier expects it;
 *       the crowds streaming in and out around it are what a detector must notice, each on its
 *       own</td></tr>
 *   <tr><td>{@code outage}</td><td>none</td>
 *       <td>posts lost everywhere are missing data, not a crowd: a crowd detector should stay
 *       quiet, and any alert it raises then is false</td></tr>
 *   <tr><td>any other kind</td><td>one, from the start of its first interval to the end of its
 *       last</td>
 *       <td>flash crowds and marches come with one interval; a build-up's {@code build_up} and
 *       {@code steady} phases are one crowd, which an alert opened during the build-up
 *       detects</td></tr>
 * </table>
 *
 * <p>Each anomaly becomes one {@link TruthEvent} at the event's venue, with the event's affected
 * venues. Its id is the event's id, followed by {@code /} and the interval's name when the event
 * gives several anomalies.
 */
public final class TruthFile {
  /**
   * The kinds whose anomalies are not their whole span: each anomaly is one named interval. Kinds
   * not listed give one anomaly over all their intervals.
   */
  public static final Map<String, List<String>> ANOMALOUS_INTERVALS =
      Map.of("stadium_match", List.of("arrival", "egress"), "outage", List.of());

  private static final ObjectMapper JSON = new ObjectMapper();

  private TruthFile() {}

  /**
   * Reads a truth file.
   *
   * @throws EvaluationFileException listing every problem found, when the file is missing, not JSON
   *     or has events that break the shape above
   * @throws IOException when the file cannot be read for another reason
   */
  public static TruthSet read(Path file) throws IOException {
    String name = String.valueOf(file.getFileName());
    JsonNode root;
    try (InputStream in = Files.newInputStream(file)) {
      root = JSON.readTree(in);
    } catch (NoSuchFileException e) {
      throw single(name, name + " does not exist; expected the truth.json of a generated stream");
    } catch (JsonProcessingException e) {
      throw single(
          name, name + " is not JSON: " + e.getOriginalMessage() + "; expected a JSON object");
    }
    if (root == null || !root.isObject()) {
      throw single(name, name + " is not a JSON object; expected an object with spec and events");
    }
    List<String> problems = new ArrayList<>();
    Instant start = instant(root.path("spec").get("start"), name, "spec.start", problems);
    Instant end = instant(root.path("spec").get("end"), name, "spec.end", problems);
    JsonNode events = root.get("events");
    List<TruthEvent> truth = new ArrayList<>();
    if (events == null || !events.isArray()) {
      problems.add(name + ": events is " + shape(events) + "; expected an array of events");
    } else {
      for (int i = 0; i < events.size(); i++) {
        readEvent(events.get(i), name, "events[" + i + "]", truth, problems);
      }
    }
    if (!problems.isEmpty()) {
      throw new EvaluationFileException(name, problems);
    }
    try {
      return new TruthSet(start, end, truth);
    } catch (IllegalArgumentException e) {
      throw single(name, name + ": " + e.getMessage());
    }
  }

  private static void readEvent(
      JsonNode event, String name, String at, List<TruthEvent> out, List<String> problems) {
    if (!event.isObject()) {
      problems.add(name + ": " + at + " is " + shape(event) + "; expected an object");
      return;
    }
    int before = problems.size();
    String id = text(event.get("id"), name, at + ".id", problems);
    String kind = text(event.get("kind"), name, at + ".kind", problems);
    if (kind != null && List.of().equals(ANOMALOUS_INTERVALS.get(kind))) {
      // Checked no further: such an event may have no venue, and it gives no anomaly anyway.
      return;
    }
    String venue = text(event.get("venue_id"), name, at + ".venue_id", problems);
    List<String> affected = new ArrayList<>();
    JsonNode affectedNode = event.get("affected_venues");
    if (affectedNode != null && !affectedNode.isNull()) {
      if (!affectedNode.isArray()) {
        problems.add(
            name
                + ": "
                + at
                + ".affected_venues is "
                + shape(affectedNode)
                + "; expected an array of venue ids");
      } else {
        for (int j = 0; j < affectedNode.size(); j++) {
          affected.add(
              text(affectedNode.get(j), name, at + ".affected_venues[" + j + "]", problems));
        }
      }
    }
    JsonNode intervals = event.get("intervals");
    if (intervals == null || !intervals.isObject() || intervals.isEmpty()) {
      problems.add(
          name
              + ": "
              + at
              + ".intervals is "
              + shape(intervals)
              + "; expected an object of named intervals with start and end");
      return;
    }
    if (kind == null) {
      return;
    }
    List<String> names = ANOMALOUS_INTERVALS.get(kind);
    if (names == null) {
      readWholeEvent(intervals, name, at, id, kind, venue, affected, out, problems);
      return;
    }
    for (String interval : names) {
      if (!intervals.has(interval)) {
        problems.add(
            name
                + ": "
                + at
                + ".intervals."
                + interval
                + " is missing; expected it for an event of kind "
                + kind);
      }
    }
    if (problems.size() > before) {
      return;
    }
    for (String interval : names) {
      String where = at + ".intervals." + interval;
      JsonNode node = intervals.get(interval);
      Instant onset = instant(node.get("start"), name, where + ".start", problems);
      Instant end = instant(node.get("end"), name, where + ".end", problems);
      if (onset != null && end != null) {
        String truthId = names.size() == 1 ? id : id + "/" + interval;
        add(truthId, kind, venue, onset, end, affected, name + ": " + where, out, problems);
      }
    }
  }

  private static void readWholeEvent(
      JsonNode intervals,
      String name,
      String at,
      String id,
      String kind,
      String venue,
      List<String> affected,
      List<TruthEvent> out,
      List<String> problems) {
    Instant onset = null;
    Instant end = null;
    int before = problems.size();
    for (Iterator<Map.Entry<String, JsonNode>> it = intervals.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> interval = it.next();
      String where = at + ".intervals." + interval.getKey();
      Instant s = instant(interval.getValue().get("start"), name, where + ".start", problems);
      Instant e = instant(interval.getValue().get("end"), name, where + ".end", problems);
      if (s != null && (onset == null || s.isBefore(onset))) {
        onset = s;
      }
      if (e != null && (end == null || e.isAfter(end))) {
        end = e;
      }
    }
    if (problems.size() == before && venue != null && id != null) {
      add(id, kind, venue, onset, end, affected, name + ": " + at + ".intervals", out, problems);
    }
  }

  private static void add(
      String id,
      String kind,
      String venue,
      Instant onset,
      Instant end,
      List<String> affected,
      String where,
      List<TruthEvent> out,
      List<String> problems) {
    try {
      out.add(new TruthEvent(id, kind, venue, onset, end, affected));
    } catch (IllegalArgumentException e) {
      problems.add(where + ": " + e.getMessage());
    }
  }

  private static String text(JsonNode node, String name, String at, List<String> problems) {
    if (node == null || !node.isTextual() || node.asText().isBlank()) {
      problems.add(name + ": " + at + " is " + shape(node) + "; expected a non-blank text");
      return null;
    }
    return node.asText();
  }

  static Instant instant(JsonNode node, String name, String at, List<String> problems) {
    if (node != null && node.isTextual()) {
      try {
        return Instant.parse(node.asText());
      } catch (DateTimeParseException e) {
        // reported below with the value
      }
    }
    problems.add(
        name
            + ": "
            + at
            + " is "
            + shape(node)
            + "; expected an ISO-8601 UTC instant such as 2026-04-19T14:15:00Z");
    return null;
  }

  static String shape(JsonNode node) {
    if (node == null || node.isMissingNode()) {
      return "missing";
    }
    if (node.isNull()) {
      return "null";
    }
    if (node.isTextual()) {
      return node.asText().isBlank() ? "blank" : "\"" + node.asText() + "\"";
    }
    if (node.isObject() && node.isEmpty()) {
      return "an empty object";
    }
    if (node.isContainerNode()) {
      return node.isArray() ? "an array" : "an object";
    }
    return node.toString();
  }

  private static EvaluationFileException single(String name, String problem) {
    return new EvaluationFileException(name, List.of(problem));
  }
}
