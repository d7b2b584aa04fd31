package org.crowdhex.plan;

import java.io.Serializable;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How a plan runs live on a cluster: where it reads and writes Kafka (the plan's {@code kafka:}
 * section) and how it checkpoints ({@code checkpoints:}). Both sections are optional; a live run
 * takes its Kafka settings from here, and {@code --kafka.NAME VALUE} job arguments override them
 * one by one. The Kafka settings are kept as text by name, each checked for its form by the plan
 * reader; the job turns them into its Kafka settings (with their defaults) and checks them again
 * together with its arguments.
 *
 * @param kafka the {@code kafka:} settings as written, by name (names from {@link #KAFKA_NAMES});
 *     empty when the plan has none
 * @param checkpoints the {@code checkpoints:} settings
 */
public record LiveSpec(Map<String, String> kafka, CheckpointSpec checkpoints)
    implements Serializable {

  /** The names of the {@code kafka:} section, in the order they are documented. */
  public static final List<String> KAFKA_NAMES =
      List.of(
          "bootstrap_servers",
          "input_topic",
          "group_id",
          "starting_offsets",
          "bounded",
          "idle_timeout",
          "density_topic",
          "venues_topic",
          "alerts_topic",
          "flows_topic",
          "zones_topic",
          "rejects_topic",
          "delivery",
          "transactional_id_prefix",
          "transaction_timeout");

  /** The sinks' transaction timeout when the plan sets none (the Kafka settings' default). */
  public static final Duration DEFAULT_TRANSACTION_TIMEOUT = Duration.ofMinutes(10);

  /** A plan without either section. */
  public static final LiveSpec NONE = new LiveSpec(Map.of(), CheckpointSpec.CLUSTER);

  public LiveSpec {
    kafka = Collections.unmodifiableMap(new TreeMap<>(kafka));
    if (checkpoints == null) checkpoints = CheckpointSpec.CLUSTER;
  }

  /** Whether the plan has Kafka settings of its own. */
  public boolean hasKafka() {
    return !kafka.isEmpty();
  }
}
