package org.crowdhex.job.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.junit.jupiter.api.Test;

/** Kafka settings as a planner writes them: defaults, and every mistake named at once. */
class KafkaSettingsTest {

  @Test
  void defaultsReadCommittedOffsetsAndWriteExactlyOnceUnderIdsFromThePlanName() {
    KafkaSettings k =
        KafkaSettings.fromMap(Map.of("bootstrap_servers", "kafka:9092"), "Fête à De Kuip");
    assertThat(k.bootstrapServers()).isEqualTo("kafka:9092");
    assertThat(k.inputTopic()).isEqualTo("crowdhex.posts");
    assertThat(k.densityTopic()).isEqualTo("crowdhex.density");
    assertThat(k.venuesTopic()).isEqualTo("crowdhex.density.venues");
    assertThat(k.alertsTopic()).isEqualTo("crowdhex.alerts");
    assertThat(k.flowsTopic()).isEqualTo("crowdhex.flows");
    assertThat(k.zonesTopic()).isEqualTo("crowdhex.flows.zones");
    assertThat(k.rejectsTopic()).isEqualTo("crowdhex.rejects");
    assertThat(k.groupId()).isEqualTo("crowdhex-fete-a-de-kuip");
    assertThat(k.transactionalIdPrefix()).isEqualTo("crowdhex-fete-a-de-kuip");
    assertThat(k.startingOffsets()).isEqualTo(KafkaSettings.StartingOffsets.COMMITTED);
    assertThat(k.bounded()).isFalse();
    assertThat(k.delivery().guarantee()).isEqualTo(DeliveryGuarantee.EXACTLY_ONCE);
    assertThat(k.transactionTimeout()).isEqualTo(Duration.ofMinutes(10));
    assertThat(k.idleTimeout()).isEqualTo(Duration.ofMinutes(1));
  }

  @Test
  void readsEverySettingAsWritten() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("bootstrap_servers", "a:9092,b:9093");
    m.put("input_topic", "posts.live");
    m.put("group_id", "g1");
    m.put("starting_offsets", "2026-04-19T12:00:00+02:00");
    m.put("bounded", "true");
    m.put("idle_timeout", "30s");
    m.put("density_topic", "d");
    m.put("venues_topic", "v");
    m.put("alerts_topic", "a");
    m.put("flows_topic", "f");
    m.put("zones_topic", "z");
    m.put("rejects_topic", "dead.letters");
    m.put("delivery", "at-least-once");
    m.put("transactional_id_prefix", "tx");
    m.put("transaction_timeout", "5m");
    KafkaSettings k = KafkaSettings.fromMap(m, "x");
    assertThat(k.startingOffsets().at()).isEqualTo(Instant.parse("2026-04-19T10:00:00Z"));
    assertThat(k.startingOffsets().code()).isEqualTo("2026-04-19T10:00:00Z");
    assertThat(k.bounded()).isTrue();
    assertThat(k.idleTimeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(k.delivery()).isEqualTo(KafkaSettings.Delivery.AT_LEAST_ONCE);
    assertThat(k.rejectsTopic()).isEqualTo("dead.letters");
    assertThat(k.zonesTopic()).isEqualTo("z");
    assertThat(k.transactionTimeout()).isEqualTo(Duration.ofMinutes(5));
  }

  @Test
  void reportsEveryProblemWithTheSettingTheValueAndWhatIsAccepted() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("bootstrap_servers", "kafka");
    m.put("input_topic", "posts with spaces");
    m.put("starting_offsets", "yesterday");
    m.put("delivery", "twice");
    m.put("transaction_timeout", "20m");
    m.put("idle_timeout", "soon");
    m.put("alerts_topic", "crowdhex.density");
    m.put("bootstrap", "typo");
    assertThatThrownBy(() -> KafkaSettings.fromMap(m, "x"))
        .isInstanceOf(IllegalArgumentException.class)
        .satisfies(
            e ->
                assertThat(((KafkaSettings.SettingsException) e).problems())
                    .containsExactlyInAnyOrder(
                        "kafka.starting_offsets is \"yesterday\"; accepted: committed, earliest,"
                            + " latest, or an ISO-8601 time with offset such as"
                            + " 2026-04-19T12:00:00Z",
                        "kafka.idle_timeout is \"soon\"; accepted: a duration like 30s, 5m, 2h, 1d"
                            + " (or ISO-8601 such as PT5M)",
                        "kafka.delivery is \"twice\"; accepted: exactly_once or at_least_once",
                        "kafka.bootstrap is not a setting; accepted: bootstrap_servers,"
                            + " input_topic, group_id, starting_offsets, bounded, idle_timeout,"
                            + " density_topic, venues_topic, alerts_topic, flows_topic,"
                            + " zones_topic, rejects_topic, delivery,"
                            + " transactional_id_prefix, transaction_timeout",
                        "kafka.bootstrap_servers is \"kafka\"; accepted: host:port, or several"
                            + " separated by commas (port 1 to 65535)",
                        "kafka.input_topic is \"posts with spaces\"; accepted: 1 to 249 ASCII"
                            + " letters, digits, '.', '_' or '-' (not \".\" or \"..\")",
                        "kafka.transaction_timeout is \"20m\"; accepted: a duration from 1s to 15m"
                            + " (a broker refuses more than its transaction.max.timeout.ms, 15m"
                            + " by default)",
                        "kafka topic crowdhex.density is named for two outputs; accepted: one"
                            + " topic per output (density, venues, alerts, flows, zones,"
                            + " rejects)"))
        .hasMessageStartingWith("kafka settings: 8 problems\n  - ");
  }

  @Test
  void aMissingBootstrapIsNamedAndAnOutputMustNotBeTheInput() {
    assertThatThrownBy(() -> KafkaSettings.fromMap(Map.of(), "x"))
        .hasMessage(
            "kafka.bootstrap_servers is missing; accepted: host:port, or several separated by"
                + " commas (port 1 to 65535)");
    assertThatThrownBy(
            () ->
                KafkaSettings.fromMap(
                    Map.of("bootstrap_servers", "k:1", "rejects_topic", "crowdhex.posts"), "x"))
        .hasMessage(
            "kafka output topic crowdhex.posts is also the input_topic; accepted: output topics"
                + " other than the input");
  }

  @Test
  void originsNameTopicPartitionAndOffset() {
    assertThat(PostLineDeserializer.origin("crowdhex.posts", 3, 1207))
        .isEqualTo("crowdhex.posts/3/1207");
  }
}
