package org.crowdhex.plan;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Reads the {@code kafka:} and {@code checkpoints:} sections of a plan into a {@link LiveSpec},
 * recording each problem with the field, the value and what is accepted. The Kafka values are
 * checked for the same forms, and named with the same words, as the job's Kafka settings check
 * them, so {@code crowdhex validate} finds a bad topic name before a cluster does.
 */
final class LiveSections {
  static final String BOOTSTRAP_ACCEPTED =
      "host:port, or several separated by commas (port 1 to 65535)";
  static final String TOPIC_ACCEPTED =
      "1 to 249 ASCII letters, digits, '.', '_' or '-' (not \".\" or \"..\")";
  static final String ID_ACCEPTED = "1 to 200 ASCII letters, digits, '.', '_' or '-'";
  static final String STARTING_OFFSETS_ACCEPTED =
      "committed, earliest, latest, or an ISO-8601 time with offset such as"
          + " 2026-04-19T12:00:00Z";
  static final String DELIVERY_ACCEPTED = "exactly_once or at_least_once";
  static final Duration MAX_IDLE_TIMEOUT = Duration.ofDays(1);
  static final Duration MAX_TRANSACTION_TIMEOUT = Duration.ofMinutes(15);

  private static final Pattern TOPIC = Pattern.compile("[a-zA-Z0-9._-]{1,249}");
  private static final Pattern ID = Pattern.compile("[a-zA-Z0-9._-]{1,200}");
  private static final Pattern HOST_PORT = Pattern.compile("[^\\s,:]+:(\\d{1,5})");
  private static final Pattern URI = Pattern.compile("[a-zA-Z][a-zA-Z0-9+.-]+:/\\S.*");
  private static final List<String> TOPICS =
      List.of(
          "input_topic",
          "density_topic",
          "venues_topic",
          "alerts_topic",
          "flows_topic",
          "zones_topic");

  private final List<PlanProblem> problems;

  LiveSections(List<PlanProblem> problems) {
    this.problems = problems;
  }

  LiveSpec read(JsonNode kafka, JsonNode checkpoints) {
    Map<String, String> k = kafka(kafka);
    CheckpointSpec c = checkpoints(checkpoints);
    crossChecks(k, c);
    return new LiveSpec(k, c);
  }

  private Map<String, String> kafka(JsonNode n) {
    Map<String, String> settings = new LinkedHashMap<>();
    if (n.isMissingNode() || n.isNull()) return settings;
    if (!n.isObject()) {
      problem(
          "kafka",
          show(n),
          "a mapping of Kafka settings: " + String.join(", ", LiveSpec.KAFKA_NAMES));
      return settings;
    }
    Iterator<Map.Entry<String, JsonNode>> fields = n.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> f = fields.next();
      String name = f.getKey();
      JsonNode v = f.getValue();
      if (!LiveSpec.KAFKA_NAMES.contains(name)) {
        problem(
            "kafka." + name,
            "an unknown field",
            "one of " + String.join(", ", new TreeSet<>(LiveSpec.KAFKA_NAMES)));
        continue;
      }
      String accepted = accepted(name, v.isValueNode() && !v.isNull() ? v.asText().trim() : null);
      if (accepted != null) {
        problem("kafka." + name, show(v), accepted);
      } else {
        settings.put(name, v.asText().trim());
      }
    }
    return settings;
  }

  /** What a setting accepts when its text is not acceptable, or null when it is. */
  private static String accepted(String name, String t) {
    switch (name) {
      case "bootstrap_servers":
        if (t == null || t.isEmpty()) return BOOTSTRAP_ACCEPTED;
        for (String hp : t.split(",", -1)) {
          var m = HOST_PORT.matcher(hp.trim());
          int port = m.matches() ? Integer.parseInt(m.group(1)) : 0;
          if (port < 1 || port > 65535) return BOOTSTRAP_ACCEPTED;
        }
        return null;
      case "group_id", "transactional_id_prefix":
        return t != null && ID.matcher(t).matches() ? null : ID_ACCEPTED;
      case "starting_offsets":
        if (t == null) return STARTING_OFFSETS_ACCEPTED;
        switch (t.toLowerCase(Locale.ROOT)) {
          case "committed", "earliest", "latest":
            return null;
          default:
            try {
              OffsetDateTime.parse(t);
              return null;
            } catch (DateTimeParseException e) {
              return STARTING_OFFSETS_ACCEPTED;
            }
        }
      case "bounded":
        return t != null && (t.equalsIgnoreCase("true") || t.equalsIgnoreCase("false"))
            ? null
            : "true or false";
      case "idle_timeout":
        return durationAccepted(t, MAX_IDLE_TIMEOUT, "");
      case "transaction_timeout":
        return durationAccepted(
            t,
            MAX_TRANSACTION_TIMEOUT,
            " (a broker refuses more than its transaction.max.timeout.ms, 15m by default)");
      case "delivery":
        return delivery(t) != null ? null : DELIVERY_ACCEPTED;
      default: // the topics
        return t != null && TOPIC.matcher(t).matches() && !t.equals(".") && !t.equals("..")
            ? null
            : TOPIC_ACCEPTED;
    }
  }

  private static String durationAccepted(String t, Duration max, String note) {
    Duration d = t == null ? null : Durations.parse(t).orElse(null);
    if (d == null) return Durations.ACCEPTED;
    if (d.compareTo(Duration.ofSeconds(1)) < 0 || d.compareTo(max) > 0) {
      return "a duration from 1s to " + Durations.format(max) + note;
    }
    return null;
  }

  /** {@code exactly_once} or {@code at_least_once} (dashes accepted) as a mode, else null. */
  private static CheckpointSpec.Mode delivery(String t) {
    return t == null ? null : CheckpointSpec.Mode.parse(t);
  }

  private CheckpointSpec checkpoints(JsonNode n) {
    if (n.isMissingNode() || n.isNull()) return CheckpointSpec.CLUSTER;
    if (!n.isObject()) {
      problem(
          "checkpoints",
          show(n),
          "a mapping with interval, directory, mode, min_pause and timeout");
      return CheckpointSpec.CLUSTER;
    }
    List<String> known = List.of("interval", "directory", "mode", "min_pause", "timeout");
    Iterator<String> names = n.fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      if (!known.contains(name)) {
        problem(
            "checkpoints." + name,
            "an unknown field",
            "one of " + String.join(", ", new TreeSet<>(known)));
      }
    }
    Duration interval =
        duration(n, "interval", CheckpointSpec.MIN_INTERVAL, CheckpointSpec.MAX_INTERVAL);
    Duration minPause = duration(n, "min_pause", Duration.ZERO, CheckpointSpec.MAX_MIN_PAUSE);
    Duration timeout =
        duration(n, "timeout", CheckpointSpec.MIN_TIMEOUT, CheckpointSpec.MAX_TIMEOUT);
    String directory = null;
    JsonNode d = n.path("directory");
    if (!d.isMissingNode() && !d.isNull()) {
      String t = d.isTextual() ? d.asText().trim() : "";
      if (t.startsWith("/") || URI.matcher(t).matches()) {
        directory = t;
      } else {
        problem("checkpoints.directory", show(d), CheckpointSpec.DIRECTORY_ACCEPTED);
      }
    }
    CheckpointSpec.Mode mode = null;
    JsonNode m = n.path("mode");
    if (!m.isMissingNode() && !m.isNull()) {
      mode = m.isTextual() ? CheckpointSpec.Mode.parse(m.asText()) : null;
      if (mode == null) problem("checkpoints.mode", show(m), CheckpointSpec.Mode.ACCEPTED);
    }
    return new CheckpointSpec(interval, directory, mode, minPause, timeout);
  }

  private Duration duration(JsonNode parent, String key, Duration min, Duration max) {
    JsonNode v = parent.path(key);
    if (v.isMissingNode() || v.isNull()) return null;
    String accepted =
        Durations.ACCEPTED + ", from " + Durations.format(min) + " to " + Durations.format(max);
    Duration d = v.isTextual() ? Durations.parse(v.asText()).orElse(null) : null;
    if (d == null || d.compareTo(min) < 0 || d.compareTo(max) > 0) {
      problem("checkpoints." + key, show(v), accepted);
      return null;
    }
    return d;
  }

  /** What the two sections say together. */
  private void crossChecks(Map<String, String> k, CheckpointSpec c) {
    Map<String, String> named = new LinkedHashMap<>();
    for (String name : TOPICS) {
      String topic = k.get(name);
      if (topic == null) continue;
      String other = named.putIfAbsent(topic, name);
      if (other != null) {
        problem(
            "kafka." + name,
            quote(topic) + " (also kafka." + other + ")",
            "a topic of its own: one topic per input and output");
      }
    }
    String rejects = k.get("rejects_topic");
    if (rejects != null && named.containsKey(rejects)) {
      problem(
          "kafka.rejects_topic",
          quote(rejects) + " (also kafka." + named.get(rejects) + ")",
          "a topic of its own: one topic per input and output");
    }
    boolean exactlyOnce =
        delivery(k.getOrDefault("delivery", "exactly_once")) == CheckpointSpec.Mode.EXACTLY_ONCE;
    if (exactlyOnce && c.mode() == CheckpointSpec.Mode.AT_LEAST_ONCE) {
      problem(
          "checkpoints.mode",
          quote(c.mode().code()),
          "exactly_once while kafka.delivery is exactly_once (the default); at_least_once"
              + " goes with kafka.delivery: at_least_once");
    }
    if (exactlyOnce && c.interval() != null) {
      Duration tx =
          k.containsKey("transaction_timeout")
              ? Durations.parse(k.get("transaction_timeout")).orElseThrow()
              : LiveSpec.DEFAULT_TRANSACTION_TIMEOUT;
      if (c.interval().compareTo(tx) >= 0) {
        problem(
            "checkpoints.interval",
            quote(Durations.format(c.interval())),
            "shorter than kafka.transaction_timeout ("
                + Durations.format(tx)
                + "), or a transaction would be aborted before its checkpoint commits it");
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
    return "a " + (v.isArray() ? "list" : "mapping") + " " + v;
  }

  private static String quote(String s) {
    return "\"" + s + "\"";
  }
}
