package org.crowdhex.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.crowdhex.cli.Crowdhex;

/**
 * The local stack ({@code docker/local/}) for the tests that run the job on it: a Kafka broker and
 * a Flink session cluster as separate processes, on free ports, with state in a temporary folder;
 * and the few things those tests do with it — create topics, read topics to their committed end,
 * run {@code crowdhex} commands as a user would, and stop or restart a part of the stack.
 */
final class LiveStack implements AutoCloseable {
  private static final Pattern JOB_ID = Pattern.compile("job ([0-9a-f]{32})");

  final Map<String, String> env;
  final String bootstrap;
  final String cluster;

  private LiveStack(Map<String, String> env, int kafkaPort, int flinkPort) {
    this.env = env;
    this.bootstrap = "127.0.0.1:" + kafkaPort;
    this.cluster = "http://127.0.0.1:" + flinkPort;
  }

  /** Fetches the jars if needed and starts the broker and the cluster; stops them on failure. */
  static LiveStack start(Path dir) throws Exception {
    int kafkaPort = freePort(), flinkPort = freePort();
    Map<String, String> env =
        Map.of(
            "CROWDHEX_STACK_DIR", dir.toString(),
            "CROWDHEX_KAFKA_PORT", Integer.toString(kafkaPort),
            "CROWDHEX_KAFKA_CONTROLLER_PORT", Integer.toString(freePort()),
            "CROWDHEX_FLINK_PORT", Integer.toString(flinkPort),
            "CROWDHEX_FLINK_RPC_PORT", Integer.toString(freePort()),
            "CROWDHEX_STACK_TIMEOUT", "180");
    LiveStack stack = new LiveStack(env, kafkaPort, flinkPort);
    try {
      timed("fetch", () -> Repo.runOk(List.of("docker/local/fetch"), env, 900));
      timed("stack start", () -> stack.script("stack", "start"));
    } catch (Throwable t) {
      stack.close();
      throw t;
    }
    return stack;
  }

  /** Runs a script of the local stack ({@code kafka stop}, {@code flink taskmanager kill}...). */
  String script(String... command) throws Exception {
    List<String> cmd = new ArrayList<>();
    cmd.add("docker/local/" + command[0]);
    cmd.addAll(List.of(command).subList(1, command.length));
    return Repo.runOk(cmd, env, 300);
  }

  @Override
  public void close() throws Exception {
    // Nothing may outlive the tests, whatever failed.
    Repo.run(List.of("docker/local/stack", "stop"), env, 180);
  }

  // --- topics ---

  /** Creates topics with the given number of partitions. */
  void createTopics(int partitions, String... names) throws Exception {
    try (Admin admin =
        Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
      List<NewTopic> topics = new ArrayList<>();
      for (String n : names) topics.add(new NewTopic(n, partitions, (short) 1));
      admin.createTopics(topics).all().get();
    }
  }

  /**
   * The values of a topic up to its last stable offset, as a consumer with {@code read_committed}
   * sees them: records of committed transactions only.
   */
  List<String> readCommitted(String topic) {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    List<ConsumerRecord<String, String>> out = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p)) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic).stream()
              .map(i -> new TopicPartition(topic, i.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
        if (System.nanoTime() > deadline) fail("could not read " + topic + " to its end");
        consumer.poll(Duration.ofMillis(200)).forEach(out::add);
      }
    }
    out.sort(
        Comparator.comparingInt((ConsumerRecord<String, String> r) -> r.partition())
            .thenComparingLong(ConsumerRecord::offset));
    return out.stream().map(ConsumerRecord::value).toList();
  }

  // --- the command line ---

  /** What a crowdhex command printed and how it ended. */
  record Command(int exitCode, String out, String err) {
    /** The job id the command printed first. */
    String jobId() {
      Matcher m = JOB_ID.matcher(out);
      assertThat(m.find()).as("a job id in:\n%s\n%s", out, err).isTrue();
      return m.group(1);
    }
  }

  /** Runs a crowdhex command in this process, as the launcher would. */
  static Command crowdhex(String... args) {
    StringWriter out = new StringWriter(), err = new StringWriter();
    var cl = Crowdhex.commandLine();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    int code = cl.execute(args);
    Command c = new Command(code, out.toString(), err.toString());
    System.out.printf("crowdhex %s -> %d%n%s%s%n", String.join(" ", args), code, c.out, c.err);
    return c;
  }

  /** Runs a crowdhex command that must succeed. */
  static Command crowdhexOk(String... args) {
    Command c = crowdhex(args);
    assertThat(c.exitCode())
        .as("exit code of crowdhex %s:\n%s\n%s", String.join(" ", args), c.out(), c.err())
        .isZero();
    return c;
  }

  // --- helpers ---

  interface Step<T> {
    T run() throws Exception;
  }

  /** Runs a step and prints how long it took (in the test's output file). */
  static <T> T timed(String name, Step<T> step) throws Exception {
    long start = System.nanoTime();
    T result = step.run();
    System.out.printf("%s: %.1f s%n", name, (System.nanoTime() - start) / 1e9);
    return result;
  }

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  /** The job jar of this build: set by the build for the tests that run after packaging. */
  static Path jobJar() {
    String property = System.getProperty("crowdhex.job.jar");
    Path jar = property != null ? Path.of(property) : Path.of("target", "crowdhex-job.jar");
    assertThat(jar)
        .as("the job jar (./mvnw verify builds it before the integration tests run)")
        .isRegularFile();
    return jar;
  }

  static List<String> lines(Path file) throws IOException {
    return Files.readAllLines(file).stream().filter(l -> !l.isBlank()).toList();
  }
}
