package org.crowdhex.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the local stack as a user would: {@code docker/local/fetch}, then {@code kafka start} and
 * {@code flink start}, checks that the broker answers (topics, a committed transaction) and that
 * the cluster offers one TaskManager with two slots, restarts the TaskManager, and stops it all.
 * Everything runs on free ports in a temporary folder, so a stack a developer runs is left alone.
 * The first run fetches the jars from Maven Central; without them the test fails, never skips.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LocalStackTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @TempDir static Path stackDir;
  private static Map<String, String> env;
  private static List<String> topics;
  private static int partitions;
  private static String postsTopic;
  private static int kafkaPort;
  private static int flinkPort;

  @BeforeAll
  static void fetchJars() throws Exception {
    Map<String, String> names = new LinkedHashMap<>(Repo.envFile("docker/local/topics.env"));
    partitions = Integer.parseInt(names.remove("CROWDHEX_TOPIC_PARTITIONS"));
    topics = List.copyOf(names.values());
    postsTopic = names.get("CROWDHEX_TOPIC_POSTS");
    kafkaPort = freePort();
    flinkPort = freePort();
    env =
        Map.of(
            "CROWDHEX_STACK_DIR", stackDir.toString(),
            "CROWDHEX_KAFKA_PORT", Integer.toString(kafkaPort),
            "CROWDHEX_KAFKA_CONTROLLER_PORT", Integer.toString(freePort()),
            "CROWDHEX_FLINK_PORT", Integer.toString(flinkPort),
            "CROWDHEX_FLINK_RPC_PORT", Integer.toString(freePort()),
            "CROWDHEX_STACK_TIMEOUT", "180");
    timed("fetch", () -> Repo.runOk(List.of("docker/local/fetch"), env, 900));
    assertThat(Repo.root().resolve("docker/local/lib/kafka/.complete")).exists();
    assertThat(Repo.root().resolve("docker/local/lib/flink/.complete")).exists();
  }

  @AfterAll
  static void stopWhateverRuns() throws Exception {
    // Nothing may outlive the test, whatever failed.
    Repo.run(List.of("docker/local/stack", "stop"), env, 180);
  }

  @Test
  @Order(1)
  void startsTheBrokerAndTheCluster() throws Exception {
    String kafka = timed("kafka start", () -> stack("kafka", "start"));
    assertThat(kafka).contains("broker ready on 127.0.0.1:" + kafkaPort);
    String flink = timed("flink start", () -> stack("flink", "start"));
    assertThat(flink).contains("cluster ready: 1 taskmanager(s), 2 slots");

    assertThat(Repo.run(List.of("docker/local/stack", "status"), env, 60).exitCode())
        .as("stack status exit code while everything runs")
        .isZero();
    for (String pidFile :
        List.of("kafka/kafka.pid", "flink/jobmanager.pid", "flink/taskmanager.pid")) {
      assertThat(alive(pid(pidFile))).as(pidFile).isTrue();
    }
  }

  @Test
  @Order(2)
  void theClusterOffersOneTaskManagerWithTwoSlots() throws Exception {
    JsonNode overview = JSON.readTree(get("/overview"));
    assertThat(overview.path("taskmanagers").asInt()).isEqualTo(1);
    assertThat(overview.path("slots-total").asInt()).isEqualTo(2);
    assertThat(overview.path("flink-version").asText()).startsWith("2.2");
    // The web UI is served on the same port.
    assertThat(get("/")).contains("<html");
  }

  @Test
  @Order(3)
  void theBrokerHasTheTopicsAndCommitsTransactions() throws Exception {
    String bootstrap = "127.0.0.1:" + kafkaPort;
    try (Admin admin =
        Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
      assertThat(admin.describeCluster().nodes().get()).hasSize(1);
      Map<String, TopicDescription> found = admin.describeTopics(topics).allTopicNames().get();
      assertThat(found.keySet()).containsExactlyInAnyOrderElementsOf(topics);
      found.values().forEach(t -> assertThat(t.partitions()).hasSize(partitions));
    }

    // What Flink's exactly-once KafkaSink does, with its default 1 hour transaction timeout.
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "local-stack-test-" + UUID.randomUUID());
    p.put(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, 3_600_000);
    p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
      producer.initTransactions();
      producer.beginTransaction();
      producer.send(new ProducerRecord<>(postsTopic, 0, "p1", "{\"id\":\"p1\"}"));
      producer.commitTransaction();
    }

    Properties c = new Properties();
    c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    c.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    c.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    List<String> read = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(c)) {
      TopicPartition partition = new TopicPartition(postsTopic, 0);
      consumer.assign(List.of(partition));
      consumer.seekToBeginning(List.of(partition));
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (read.isEmpty() && System.nanoTime() < deadline) {
        for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
          read.add(r.value());
        }
      }
    }
    assertThat(read).containsExactly("{\"id\":\"p1\"}");
  }

  @Test
  @Order(4)
  void theTaskManagerRestartsAlone() throws Exception {
    long before = pid("flink/taskmanager.pid");
    timed("flink taskmanager stop", () -> stack("flink", "taskmanager", "stop"));
    assertThat(alive(before)).isFalse();
    awaitOverview(o -> o.path("taskmanagers").asInt() == 0, "the stopped TaskManager to leave");

    timed("flink taskmanager start", () -> stack("flink", "taskmanager", "start"));
    long after = pid("flink/taskmanager.pid");
    assertThat(after).isNotEqualTo(before);
    assertThat(alive(after)).isTrue();
    JsonNode overview = JSON.readTree(get("/overview"));
    assertThat(overview.path("taskmanagers").asInt()).isEqualTo(1);
    assertThat(overview.path("slots-total").asInt()).isEqualTo(2);
  }

  @Test
  @Order(5)
  void stopEndsEveryProcess() throws Exception {
    List<Long> pids = new ArrayList<>();
    for (String pidFile :
        List.of("kafka/kafka.pid", "flink/jobmanager.pid", "flink/taskmanager.pid")) {
      pids.add(pid(pidFile));
    }
    timed("flink stop", () -> stack("flink", "stop"));
    timed("kafka stop", () -> stack("kafka", "stop"));

    for (long pid : pids) {
      assertThat(alive(pid)).as("process %d after stop", pid).isFalse();
    }
    assertThat(portOpen(kafkaPort)).as("the broker's port after stop").isFalse();
    assertThat(portOpen(flinkPort)).as("the REST port after stop").isFalse();
    Repo.Result status = Repo.run(List.of("docker/local/stack", "status"), env, 60);
    assertThat(status.exitCode()).as("stack status after stop:\n%s", status.output()).isEqualTo(3);
    assertThat(status.output()).contains("kafka: not running", "jobmanager: not running");
  }

  // --- helpers ---

  private static String stack(String... command) throws Exception {
    List<String> cmd = new ArrayList<>();
    cmd.add("docker/local/" + command[0]);
    cmd.addAll(List.of(command).subList(1, command.length));
    return Repo.runOk(cmd, env, 300);
  }

  private interface Step {
    String run() throws Exception;
  }

  /** Runs a step and prints how long it took (in the test's output file). */
  private static String timed(String name, Step step) throws Exception {
    long start = System.nanoTime();
    String out = step.run();
    System.out.printf("%s: %.1f s%n%s%n", name, (System.nanoTime() - start) / 1e9, out);
    return out;
  }

  private static String get(String path) throws IOException, InterruptedException {
    HttpResponse<String> r =
        HTTP.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + flinkPort + path))
                .timeout(Duration.ofSeconds(10))
                .build(),
            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    assertThat(r.statusCode()).as("GET %s", path).isEqualTo(200);
    return r.body();
  }

  private static void awaitOverview(Predicate<JsonNode> ready, String what) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    JsonNode overview = JSON.readTree(get("/overview"));
    while (!ready.test(overview) && System.nanoTime() < deadline) {
      Thread.sleep(250);
      overview = JSON.readTree(get("/overview"));
    }
    assertThat(ready.test(overview)).as("waited for %s; /overview: %s", what, overview).isTrue();
  }

  private static long pid(String pidFile) throws IOException {
    Path file = stackDir.resolve(pidFile);
    assertThat(file).as("pid file").exists();
    return Long.parseLong(Files.readString(file).strip());
  }

  private static boolean alive(long pid) {
    return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
  }

  private static boolean portOpen(int port) {
    try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }
}
