package org.crowdhex.job.kafka;

import java.io.Serializable;
import java.text.Normalizer;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.crowdhex.plan.Durations;

/**
 * Where a live run reads posts from and writes its records to in Kafka, and with which guarantees.
 * Every setting has a name as a planner writes it ({@link #fromMap}, e.g. {@code input_topic}); an
 * invalid value is reported with that name, the value and what is accepted, all problems at once.
 *
 * @param bootstrapServers {@code host:port[,host:port...]} of the Kafka cluster
 * @param inputTopic the topic of posts (one JSON post per record value)
 * @param groupId the consumer group; its committed offsets are where a restarted run without a
 *     checkpoint goes on
 * @param startingOffsets where the first run starts reading
 * @param bounded whether to stop at the offsets that are the latest when the run starts (a replay
 *     of what a topic holds) rather than read on for ever
 * @param idleTimeout how long a partition may stay silent before the watermark moves on without it
 * @param densityTopic cell windows (the {@code cells.jsonl} records), keyed by the cell's H3 hex id
 * @param venuesTopic venue windows (the {@code venues.jsonl} records), keyed by the venue id
 * @param alertsTopic alert records, keyed by venue id
 * @param flowsTopic movement flows, keyed by origin and destination
 * @param zonesTopic each zone's inflow and outflow per window (the {@code zones.jsonl} records),
 *     keyed by the zone
 * @param rejectsTopic the dead-letter topic: lines that are not valid posts, with the reason
 * @param delivery exactly once (transactions committed on checkpoints) or at least once
 * @param transactionalIdPrefix the prefix of the sinks' transactional ids: stable across restarts
 *     of one job, different between jobs that share a Kafka cluster
 * @param transactionTimeout the sinks' {@code transaction.timeout.ms}: longer than a checkpoint
 *     interval plus a restart, at most the broker's {@code transaction.max.timeout.ms} (15 minutes
 *     unless the broker says otherwise)
 */
public record KafkaSettings(
    String bootstrapServers,
    String inputTopic,
    String groupId,
    StartingOffsets startingOffsets,
    boolean bounded,
    Duration idleTimeout,
    String densityTopic,
    String venuesTopic,
    String alertsTopic,
    String flowsTopic,
    String zonesTopic,
    String rejectsTopic,
    Delivery delivery,
    String transactionalIdPrefix,
    Duration transactionTimeout)
    implements Serializable {

  public static final String INPUT_TOPIC = "crowdhex.posts";
  public static final String DENSITY_TOPIC = "crowdhex.density";
  public static final String VENUES_TOPIC = "crowdhex.density.venues";
  public static final String ALERTS_TOPIC = "crowdhex.alerts";
  public static final String FLOWS_TOPIC = "crowdhex.flows";
  public static final String ZONES_TOPIC = "crowdhex.flows.zones";
  public static final String REJECTS_TOPIC = "crowdhex.rejects";
  public static final Duration IDLE_TIMEOUT = Duration.ofMinutes(1);

  /** Below the 15 minutes a broker accepts by default, above any sensible checkpoint interval. */
  public static final Duration TRANSACTION_TIMEOUT = Duration.ofMinutes(10);

  /** The longest transaction timeout a Kafka broker accepts unless configured otherwise. */
  public static final Duration BROKER_DEFAULT_MAX_TRANSACTION_TIMEOUT = Duration.ofMinutes(15);

  private static final Pattern TOPIC = Pattern.compile("[a-zA-Z0-9._-]{1,249}");
  private static final Pattern ID = Pattern.compile("[a-zA-Z0-9._-]{1,200}");
  private static final Pattern HOST_PORT = Pattern.compile("[^\\s,:]+:(\\d{1,5})");
  private static final String TOPIC_ACCEPTED =
      "1 to 249 ASCII letters, digits, '.', '_' or '-' (not \".\" or \"..\")";

  /** How records reach the output topics. */
  public enum Delivery {
    /** Written in Kafka transactions committed with each checkpoint; read with read_committed. */
    EXACTLY_ONCE,
    /** Flushed on each checkpoint; a restart may write some records twice. */
    AT_LEAST_ONCE;

    static final String ACCEPTED = "exactly_once or at_least_once";

    /** Flink's name for it. */
    public DeliveryGuarantee guarantee() {
      return this == EXACTLY_ONCE
          ? DeliveryGuarantee.EXACTLY_ONCE
          : DeliveryGuarantee.AT_LEAST_ONCE;
    }

    /** The name a planner writes. */
    public String code() {
      return name().toLowerCase(Locale.ROOT);
    }

    /** Reads {@code exactly_once} / {@code at_least_once} (dashes also accepted), else null. */
    static Delivery parse(String text) {
      String t = text.trim().toUpperCase(Locale.ROOT).replace('-', '_');
      for (Delivery d : values()) {
        if (d.name().equals(t)) return d;
      }
      return null;
    }
  }

  /**
   * Where a run without a checkpoint starts reading the input topic.
   *
   * @param kind which rule
   * @param at the instant for {@link Kind#TIMESTAMP}, else null
   */
  public record StartingOffsets(Kind kind, Instant at) implements Serializable {
    /** The rules. */
    public enum Kind {
      /** The group's committed offsets; the earliest where the group has none. */
      COMMITTED,
      EARLIEST,
      LATEST,
      /** The first record whose Kafka timestamp is at or after an instant. */
      TIMESTAMP
    }

    public static final StartingOffsets COMMITTED = new StartingOffsets(Kind.COMMITTED, null);
    public static final StartingOffsets EARLIEST = new StartingOffsets(Kind.EARLIEST, null);
    public static final StartingOffsets LATEST = new StartingOffsets(Kind.LATEST, null);
    static final String ACCEPTED =
        "committed, earliest, latest, or an ISO-8601 time with offset such as"
            + " 2026-04-19T12:00:00Z";

    public StartingOffsets {
      Objects.requireNonNull(kind, "kind");
      if ((kind == Kind.TIMESTAMP) != (at != null)) {
        throw new IllegalArgumentException("an instant goes with TIMESTAMP and only with it");
      }
    }

    /** Reads {@code committed}, {@code earliest}, {@code latest} or an instant, else null. */
    static StartingOffsets parse(String text) {
      String t = text.trim();
      switch (t.toLowerCase(Locale.ROOT)) {
        case "committed":
          return COMMITTED;
        case "earliest":
          return EARLIEST;
        case "latest":
          return LATEST;
        default:
          try {
            return new StartingOffsets(Kind.TIMESTAMP, OffsetDateTime.parse(t).toInstant());
          } catch (DateTimeParseException e) {
            return null;
          }
      }
    }

    /** The name or instant a planner writes. */
    public String code() {
      return kind == Kind.TIMESTAMP ? at.toString() : kind.name().toLowerCase(Locale.ROOT);
    }

    /** Kafka's reset rule for the committed case. */
    OffsetResetStrategy resetStrategy() {
      return OffsetResetStrategy.EARLIEST;
    }
  }

  /** Checks every setting and reports all problems at once. */
  public KafkaSettings {
    List<String> problems = new ArrayList<>();
    checkBootstrap(bootstrapServers, problems);
    checkTopic("input_topic", inputTopic, problems);
    checkId("group_id", groupId, problems);
    if (startingOffsets == null) problems.add(missing("starting_offsets"));
    checkPositive("idle_timeout", idleTimeout, Duration.ofDays(1), problems);
    checkTopic("density_topic", densityTopic, problems);
    checkTopic("venues_topic", venuesTopic, problems);
    checkTopic("alerts_topic", alertsTopic, problems);
    checkTopic("flows_topic", flowsTopic, problems);
    checkTopic("zones_topic", zonesTopic, problems);
    checkTopic("rejects_topic", rejectsTopic, problems);
    if (delivery == null) problems.add(missing("delivery"));
    checkId("transactional_id_prefix", transactionalIdPrefix, problems);
    checkPositive(
        "transaction_timeout",
        transactionTimeout,
        BROKER_DEFAULT_MAX_TRANSACTION_TIMEOUT,
        problems);
    List<String> outputs = new ArrayList<>();
    for (String t :
        new String[] {
          densityTopic, venuesTopic, alertsTopic, flowsTopic, zonesTopic, rejectsTopic
        }) {
      if (t == null) continue;
      if (t.equals(inputTopic)) {
        problems.add(
            "kafka output topic "
                + t
                + " is also the input_topic; accepted: output topics other than the input");
      } else if (outputs.contains(t)) {
        problems.add(
            "kafka topic "
                + t
                + " is named for two outputs; accepted: one topic per output (density, venues,"
                + " alerts, flows, zones, rejects)");
      }
      outputs.add(t);
    }
    throwIfAny(problems);
  }

  /**
   * The settings of a plan's live run with every default: read {@value #INPUT_TOPIC} from the
   * group's committed offsets, write exactly once to the {@code crowdhex.*} topics, group id and
   * transactional id prefix {@code crowdhex-<plan name as a slug>}.
   */
  public static KafkaSettings defaults(String bootstrapServers, String planName) {
    String id = "crowdhex-" + slug(planName);
    return new KafkaSettings(
        bootstrapServers,
        INPUT_TOPIC,
        id,
        StartingOffsets.COMMITTED,
        false,
        IDLE_TIMEOUT,
        DENSITY_TOPIC,
        VENUES_TOPIC,
        ALERTS_TOPIC,
        FLOWS_TOPIC,
        ZONES_TOPIC,
        REJECTS_TOPIC,
        Delivery.EXACTLY_ONCE,
        id,
        TRANSACTION_TIMEOUT);
  }

  /**
   * Reads settings from names and texts as a planner writes them: {@code bootstrap_servers}
   * (required), {@code input_topic}, {@code group_id}, {@code starting_offsets}, {@code bounded},
   * {@code idle_timeout}, {@code density_topic}, {@code venues_topic}, {@code alerts_topic}, {@code
   * flows_topic}, {@code zones_topic}, {@code rejects_topic}, {@code delivery}, {@code
   * transactional_id_prefix}, {@code transaction_timeout}. Absent names take the {@link #defaults}.
   *
   * @throws IllegalArgumentException naming every unknown or invalid setting, its value and what is
   *     accepted
   */
  public static KafkaSettings fromMap(Map<String, String> values, String planName) {
    Map<String, String> v = new LinkedHashMap<>(values);
    List<String> problems = new ArrayList<>();
    String bootstrap = v.remove("bootstrap_servers"); // required: the constructor says so
    KafkaSettings d = defaults("localhost:9092", planName);
    String inputTopic = text(v, "input_topic", d.inputTopic);
    String groupId = text(v, "group_id", d.groupId);
    StartingOffsets start = d.startingOffsets;
    String s = v.remove("starting_offsets");
    if (s != null) {
      start = StartingOffsets.parse(s);
      if (start == null) {
        problems.add(invalid("starting_offsets", s, StartingOffsets.ACCEPTED));
        start = d.startingOffsets;
      }
    }
    boolean bounded = d.bounded;
    String b = v.remove("bounded");
    if (b != null) {
      switch (b.trim().toLowerCase(Locale.ROOT)) {
        case "true" -> bounded = true;
        case "false" -> bounded = false;
        default -> problems.add(invalid("bounded", b, "true or false"));
      }
    }
    Duration idle = duration(v, "idle_timeout", d.idleTimeout, problems);
    Delivery delivery = d.delivery;
    String dv = v.remove("delivery");
    if (dv != null) {
      delivery = Delivery.parse(dv);
      if (delivery == null) {
        problems.add(invalid("delivery", dv, Delivery.ACCEPTED));
        delivery = d.delivery;
      }
    }
    Duration txTimeout = duration(v, "transaction_timeout", d.transactionTimeout, problems);
    String density = text(v, "density_topic", d.densityTopic);
    String venues = text(v, "venues_topic", d.venuesTopic);
    String alerts = text(v, "alerts_topic", d.alertsTopic);
    String flows = text(v, "flows_topic", d.flowsTopic);
    String zoneFlows = text(v, "zones_topic", d.zonesTopic);
    String rejects = text(v, "rejects_topic", d.rejectsTopic);
    String prefix = text(v, "transactional_id_prefix", d.transactionalIdPrefix);
    for (String unknown : v.keySet()) {
      problems.add(
          "kafka."
              + unknown
              + " is not a setting; accepted: bootstrap_servers, input_topic, group_id,"
              + " starting_offsets, bounded, idle_timeout, density_topic, venues_topic,"
              + " alerts_topic, flows_topic, zones_topic, rejects_topic, delivery,"
              + " transactional_id_prefix, transaction_timeout");
    }
    KafkaSettings k;
    try {
      k =
          new KafkaSettings(
              bootstrap,
              inputTopic,
              groupId,
              start,
              bounded,
              idle,
              density,
              venues,
              alerts,
              flows,
              zoneFlows,
              rejects,
              delivery,
              prefix,
              txTimeout);
    } catch (SettingsException e) {
      problems.addAll(e.problems);
      throwIfAny(problems);
      throw e;
    }
    throwIfAny(problems); // the problems of reading, each once
    return k;
  }

  /** The same settings reading another topic. */
  public KafkaSettings withInputTopic(String topic) {
    return new KafkaSettings(
        bootstrapServers,
        topic,
        groupId,
        startingOffsets,
        bounded,
        idleTimeout,
        densityTopic,
        venuesTopic,
        alertsTopic,
        flowsTopic,
        zonesTopic,
        rejectsTopic,
        delivery,
        transactionalIdPrefix,
        transactionTimeout);
  }

  /**
   * The same settings reading a topic from the start to the offsets that are the latest when the
   * run starts, then ending: a replay of what a topic holds.
   */
  public KafkaSettings boundedFromEarliest() {
    return new KafkaSettings(
        bootstrapServers,
        inputTopic,
        groupId,
        StartingOffsets.EARLIEST,
        true,
        idleTimeout,
        densityTopic,
        venuesTopic,
        alertsTopic,
        flowsTopic,
        zonesTopic,
        rejectsTopic,
        delivery,
        transactionalIdPrefix,
        transactionTimeout);
  }

  /** The same settings with another delivery guarantee. */
  public KafkaSettings withDelivery(Delivery d) {
    return new KafkaSettings(
        bootstrapServers,
        inputTopic,
        groupId,
        startingOffsets,
        bounded,
        idleTimeout,
        densityTopic,
        venuesTopic,
        alertsTopic,
        flowsTopic,
        zonesTopic,
        rejectsTopic,
        d,
        transactionalIdPrefix,
        transactionTimeout);
  }

  /** A name for ids: lower case ASCII letters, digits and dashes. */
  static String slug(String name) {
    String s =
        Normalizer.normalize(name == null ? "" : name, Normalizer.Form.NFD)
            .replaceAll("\\p{M}", "")
            .toLowerCase(Locale.ROOT)
            .replaceAll("[^a-z0-9]+", "-")
            .replaceAll("(^-+|-+$)", "");
    if (s.length() > 100) s = s.substring(0, 100);
    return s.isEmpty() ? "run" : s;
  }

  private static String text(Map<String, String> v, String name, String dflt) {
    String t = v.remove(name);
    return t == null ? dflt : t.trim();
  }

  private static Duration duration(
      Map<String, String> v, String name, Duration dflt, List<String> problems) {
    String t = v.remove(name);
    if (t == null) return dflt;
    var d = Durations.parse(t);
    if (d.isEmpty()) {
      problems.add(invalid(name, t, Durations.ACCEPTED));
      return dflt;
    }
    return d.get();
  }

  private static void checkBootstrap(String servers, List<String> problems) {
    String accepted = "host:port, or several separated by commas (port 1 to 65535)";
    if (servers == null || servers.isBlank()) {
      problems.add(missing("bootstrap_servers") + "; accepted: " + accepted);
      return;
    }
    for (String hp : servers.split(",", -1)) {
      var m = HOST_PORT.matcher(hp.trim());
      int port = m.matches() ? Integer.parseInt(m.group(1)) : 0;
      if (port < 1 || port > 65535) {
        problems.add(invalid("bootstrap_servers", servers, accepted));
        return;
      }
    }
  }

  private static void checkTopic(String name, String topic, List<String> problems) {
    if (topic == null) {
      problems.add(missing(name));
    } else if (!TOPIC.matcher(topic).matches() || topic.equals(".") || topic.equals("..")) {
      problems.add(invalid(name, topic, TOPIC_ACCEPTED));
    }
  }

  private static void checkId(String name, String id, List<String> problems) {
    if (id == null) {
      problems.add(missing(name));
    } else if (!ID.matcher(id).matches()) {
      problems.add(invalid(name, id, "1 to 200 ASCII letters, digits, '.', '_' or '-'"));
    }
  }

  private static void checkPositive(String name, Duration d, Duration max, List<String> problems) {
    if (d == null) {
      problems.add(missing(name));
    } else if (d.compareTo(Duration.ofSeconds(1)) < 0 || d.compareTo(max) > 0) {
      problems.add(
          invalid(
              name,
              Durations.format(d),
              "a duration from 1s to "
                  + Durations.format(max)
                  + (name.equals("transaction_timeout")
                      ? " (a broker refuses more than its transaction.max.timeout.ms, 15m by"
                          + " default)"
                      : "")));
    }
  }

  private static String missing(String name) {
    return "kafka." + name + " is missing";
  }

  private static String invalid(String name, String value, String accepted) {
    return "kafka." + name + " is \"" + value + "\"; accepted: " + accepted;
  }

  private static void throwIfAny(List<String> problems) {
    if (problems.isEmpty()) return;
    throw new SettingsException(problems);
  }

  /**
   * Invalid Kafka settings: every problem, each naming the setting, its value and what is accepted.
   */
  public static final class SettingsException extends IllegalArgumentException {
    private final List<String> problems;

    SettingsException(List<String> problems) {
      super(
          problems.size() == 1
              ? problems.get(0)
              : "kafka settings: "
                  + problems.size()
                  + " problems\n  - "
                  + String.join("\n  - ", problems));
      this.problems = List.copyOf(problems);
    }

    /** One sentence per problem. */
    public List<String> problems() {
      return problems;
    }
  }
}
