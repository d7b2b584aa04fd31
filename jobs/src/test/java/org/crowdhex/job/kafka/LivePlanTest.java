package org.crowdhex.job.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ExternalizedCheckpointRetention;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.core.execution.CheckpointingMode;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.crowdhex.job.Checkpointing;
import org.crowdhex.plan.CheckpointSpec;
import org.crowdhex.plan.LiveSpec;
import org.crowdhex.plan.PlanException;
import org.crowdhex.plan.PlanProblem;
import org.crowdhex.plan.PlanReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The plan's kafka: and checkpoints: sections as the live job uses them: the plan reader names a
 * bad Kafka value with the very words the job's Kafka settings use, and the checkpoint settings
 * reach the execution environment over the cluster's own.
 */
class LivePlanTest {
  @TempDir Path dir;

  static Stream<Arguments> badValues() {
    return Stream.of(
        Arguments.of("bootstrap_servers", "kafka"),
        Arguments.of("bootstrap_servers", "kafka:99999"),
        Arguments.of("input_topic", "posts with spaces"),
        Arguments.of("density_topic", ".."),
        Arguments.of("group_id", "a/b"),
        Arguments.of("transactional_id_prefix", "tx id"),
        Arguments.of("starting_offsets", "yesterday"),
        Arguments.of("bounded", "maybe"),
        Arguments.of("idle_timeout", "soon"),
        Arguments.of("idle_timeout", "2d"),
        Arguments.of("transaction_timeout", "20m"),
        Arguments.of("delivery", "twice"));
  }

  @ParameterizedTest
  @MethodSource("badValues")
  void thePlanNamesABadKafkaValueAsTheJobWould(String name, String value) throws Exception {
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put("bootstrap_servers", "k:9092");
    settings.put(name, value);
    KafkaSettings.SettingsException job =
        catchThrowableOfType(
            KafkaSettings.SettingsException.class, () -> KafkaSettings.fromMap(settings, "x"));

    Files.writeString(
        dir.resolve("venues.geojson"), "{\"type\":\"FeatureCollection\",\"features\":[]}");
    Path plan = dir.resolve("plan.yaml");
    Files.writeString(
        plan,
        "name: x\nvenues: {file: venues.geojson}\nkafka: {" + name + ": \"" + value + "\"}\n");
    PlanException e = catchThrowableOfType(PlanException.class, () -> PlanReader.read(plan));

    assertThat(e.problems())
        .extracting(PlanProblem::message)
        .containsExactlyElementsOf(job.problems());
  }

  @Test
  void thePlanKnowsTheSettingsAndDefaultsTheJobKnows() {
    KafkaSettings.SettingsException e =
        catchThrowableOfType(
            KafkaSettings.SettingsException.class,
            () -> KafkaSettings.fromMap(Map.of("bootstrap_servers", "k:1", "typo", "x"), "x"));
    assertThat(e.problems().get(0))
        .endsWith("accepted: " + String.join(", ", LiveSpec.KAFKA_NAMES));
    assertThat(LiveSpec.DEFAULT_TRANSACTION_TIMEOUT).isEqualTo(KafkaSettings.TRANSACTION_TIMEOUT);
  }

  @Test
  void thePlansKafkaSettingsReadAsTheJobsSettings() throws Exception {
    Files.writeString(
        dir.resolve("venues.geojson"), "{\"type\":\"FeatureCollection\",\"features\":[]}");
    Path plan = dir.resolve("plan.yaml");
    Files.writeString(
        plan,
        """
        name: Match
        venues: {file: venues.geojson}
        kafka: {bootstrap_servers: "k:9092", input_topic: match.posts, bounded: true,
                transaction_timeout: 5m}
        """);
    Map<String, String> settings = new LinkedHashMap<>(PlanReader.read(plan).live().kafka());
    settings.put("input_topic", "override.posts"); // what --kafka.input_topic does
    KafkaSettings k = KafkaSettings.fromMap(settings, "Match");
    assertThat(k.bootstrapServers()).isEqualTo("k:9092");
    assertThat(k.inputTopic()).isEqualTo("override.posts");
    assertThat(k.bounded()).isTrue();
    assertThat(k.transactionTimeout()).isEqualTo(Duration.ofMinutes(5));
    assertThat(k.groupId()).isEqualTo("crowdhex-match");
  }

  @Test
  void thePlansCheckpointsOverrideTheClustersAndRestartsComeWithThem() {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    Checkpointing.configure(
        env,
        new CheckpointSpec(
            Duration.ofSeconds(5),
            "/var/crowdhex/checkpoints",
            CheckpointSpec.Mode.AT_LEAST_ONCE,
            Duration.ofSeconds(1),
            Duration.ofMinutes(2)));
    assertThat(env.getCheckpointInterval()).isEqualTo(5000);
    assertThat(env.getCheckpointConfig().getCheckpointingConsistencyMode())
        .isEqualTo(CheckpointingMode.AT_LEAST_ONCE);
    assertThat(env.getCheckpointConfig().getMinPauseBetweenCheckpoints()).isEqualTo(1000);
    assertThat(env.getCheckpointConfig().getCheckpointTimeout()).isEqualTo(120_000);
    assertThat(env.getConfiguration().get(CheckpointingOptions.CHECKPOINTS_DIRECTORY))
        .isEqualTo("file:///var/crowdhex/checkpoints");
    assertThat(env.getConfiguration().get(CheckpointingOptions.EXTERNALIZED_CHECKPOINT_RETENTION))
        .isEqualTo(ExternalizedCheckpointRetention.RETAIN_ON_CANCELLATION);
    assertThat(env.getConfiguration().get(RestartStrategyOptions.RESTART_STRATEGY))
        .isEqualTo("exponential-delay");
    assertThat(
            env.getConfiguration()
                .get(RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_MAX_BACKOFF))
        .isEqualTo(Checkpointing.MAX_RESTART_DELAY);
  }

  @Test
  void withoutAPlanSectionTheClustersSettingsStand() {
    Configuration cluster = new Configuration();
    cluster.set(CheckpointingOptions.CHECKPOINTING_INTERVAL, Duration.ofSeconds(10));
    cluster.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(cluster);
    Checkpointing.configure(env, CheckpointSpec.CLUSTER);
    assertThat(env.getCheckpointInterval()).isEqualTo(10_000);
    assertThat(env.getConfiguration().get(RestartStrategyOptions.RESTART_STRATEGY))
        .isEqualTo("fixed-delay");
    assertThat(env.getConfiguration().getOptional(CheckpointingOptions.CHECKPOINTS_DIRECTORY))
        .isEmpty();

    StreamExecutionEnvironment bare = StreamExecutionEnvironment.getExecutionEnvironment();
    Checkpointing.configure(bare, CheckpointSpec.CLUSTER);
    assertThat(Duration.ofMillis(bare.getCheckpointInterval()))
        .isEqualTo(CheckpointSpec.DEFAULT_INTERVAL);
    assertThat(List.of(LiveSpec.NONE.checkpoints())).containsExactly(CheckpointSpec.CLUSTER);
  }
}
