package org.crowdhex.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.crowdhex.deploy.LiveStack.crowdhex;
import static org.crowdhex.deploy.LiveStack.crowdhexOk;
import static org.crowdhex.deploy.LiveStack.timed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.crowdhex.cluster.FlinkRest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The live job on a real cluster: the local stack's Kafka broker and Flink session cluster
 * (separate processes, started once for the class), the job jar of this build submitted over REST
 * with {@code crowdhex submit}, a generated match day replayed into Kafka with {@code crowdhex
 * replay}. Each test reads the density, venue, alert, flow and zone topics back with {@code
 * read_committed} and compares them with what the file replay of the same input gives on the
 * embedded engine: the very same records, none lost and none twice — without failures, through a
 * TaskManager crash, through a stop at a savepoint and a resume, and through a Kafka broker that is
 * down for a while.
 *
 * <p>The input: a baseline learned from two generated event-free days, then a match day of about
 * ten thousand posts (alerts open at the stadium and the stations), two lines that are no posts,
 * and one last post two hours later, outside every zone, whose event time closes every window —
 * what the next posts of a live stream would do.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LiveClusterIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Speed-up of event time for the runs that are disturbed: the match day in about 26 s. */
  private static final String PACED = "3600";

  @TempDir static Path dir;
  private static LiveStack stack;
  private static Path plan;
  private static Path input;
  private static Path expected;
  private static Map<String, List<String>> expectedTopics;

  @BeforeAll
  static void startTheStackAndReplayTheFiles() throws Exception {
    stack = LiveStack.start(dir.resolve("stack"));
    Path repo = Repo.root();
    Files.copy(repo.resolve("geo-data/venues/rotterdam.geojson"), dir.resolve("venues.geojson"));
    byte[] secret = new byte[48];
    new SecureRandom().nextBytes(secret);
    Files.writeString(dir.resolve("pseudonym.key"), Base64.getEncoder().encodeToString(secret));
    String common =
        """
        name: live cluster test
        time_zone: Europe/Amsterdam
        venues: {file: venues.geojson, include: [kuip, stadion_halt, centraal]}
        h3_resolution: 10
        tiles: {enabled: true, zoom: [12, 13]}
        privacy: {key_file: pseudonym.key, min_crowd: 3}
        """;
    Path base = dir.resolve("history.yaml");
    Files.writeString(base, common);
    timed(
        "history and baseline",
        () -> {
          crowdhexOk(
              "generate",
              "--plan",
              base.toString(),
              "--no-match",
              "--days",
              "2",
              "--kick-off",
              "2026-04-13T12:00",
              "--seed",
              "21",
              "--population",
              "2000",
              "--out",
              dir.resolve("history").toString());
          return crowdhexOk(
              "baseline",
              base.toString(),
              "--history",
              dir.resolve("history/posts.jsonl").toString(),
              "--out",
              dir.resolve("baseline.json.gz").toString());
        });
    plan = dir.resolve("plan.yaml");
    Files.writeString(
        plan,
        common
            + """
            detection: {baseline: baseline.json.gz, threshold: 12, critical: 40}
            kafka: {starting_offsets: earliest}
            checkpoints: {interval: 2s, directory: %s}
            """
                .formatted(dir.resolve("checkpoints")));
    crowdhexOk(
        "generate",
        "--plan",
        plan.toString(),
        "--kick-off",
        "2026-04-19T14:30",
        "--attendance",
        "800",
        "--seed",
        "22",
        "--population",
        "1000",
        "--out",
        dir.resolve("match").toString());
    input = dir.resolve("input.jsonl");
    writeInput(dir.resolve("match/posts.jsonl"), input);

    expected = dir.resolve("expected");
    timed(
        "file replay",
        () ->
            crowdhexOk(
                "run", plan.toString(), "--input", input.toString(), "--out", expected.toString()));
    expectedTopics =
        Map.of(
            "density", LiveStack.lines(expected.resolve("density/cells.jsonl")),
            "venues", LiveStack.lines(expected.resolve("density/venues.jsonl")),
            "alerts", LiveStack.lines(expected.resolve("alerts/alerts.jsonl")),
            "flows", LiveStack.lines(expected.resolve("flows/flows.jsonl")),
            "zones", LiveStack.lines(expected.resolve("flows/zones.jsonl")));
    assertThat(expectedTopics.get("density")).hasSizeGreaterThan(300);
    assertThat(expectedTopics.get("venues")).hasSizeGreaterThan(50);
    assertThat(expectedTopics.get("alerts")).hasSizeGreaterThan(20);
    assertThat(expectedTopics.get("flows")).isNotEmpty();
    assertThat(expectedTopics.get("zones")).isNotEmpty();
  }

  /** The match day, two lines that are no posts, and a last post that closes every window. */
  private static void writeInput(Path posts, Path to) throws IOException {
    List<String> lines = new ArrayList<>(LiveStack.lines(posts));
    lines.add(lines.size() / 3, "{\"id\":\"cut\",");
    lines.add(2 * lines.size() / 3, "not a post");
    Instant last =
        lines.stream()
            .filter(l -> l.startsWith("{\"id\":\"p"))
            .map(l -> Instant.parse(readTree(l).get("time").asText()))
            .max(Instant::compareTo)
            .orElseThrow();
    lines.add(
        "{\"id\":\"end\",\"author\":\"end\",\"time\":\"%s\",\"lat\":52.5,\"lon\":5.5}"
            .formatted(last.plus(Duration.ofHours(2))));
    Files.write(to, lines);
  }

  @AfterAll
  static void stopTheStack() throws Exception {
    if (stack != null) stack.close();
  }

  @Test
  @Order(1)
  void aSubmittedJobGivesTheFileReplaysRecordsAndTiles() throws Exception {
    Run run = new Run("e2e");
    Path out = dir.resolve("e2e-out");
    String job = run.submit("--out", out.toString());
    try {
      run.replay("max");
      run.awaitExpectedRecords();
      run.assertExpectedRecords();
      // The two bad lines went to the dead-letter topic, with their reasons.
      assertThat(stack.readCommitted(run.topic("rejects")))
          .extracting(r -> readTree(r).get("reason").asText())
          .containsExactlyInAnyOrder("MALFORMED", "MALFORMED");

      // The tiles: every window the file replay published, with the very same bytes.
      Path expectedTiles = expected.resolve("tiles"), liveTiles = out.resolve("tiles");
      await(
          "the live manifest to list every window",
          Duration.ofSeconds(60),
          () ->
              sameContent(
                  expectedTiles.resolve("manifest.json"), liveTiles.resolve("manifest.json")));
      assertThat(files(liveTiles)).isEqualTo(files(expectedTiles));
      for (String f : files(expectedTiles).keySet()) {
        assertThat(liveTiles.resolve(f)).as(f).hasSameBinaryContentAs(expectedTiles.resolve(f));
      }

      // status tells where it stands: running, checkpointing into the plan's folder.
      String status = crowdhexOk("status", job, "--cluster", stack.cluster).out();
      assertThat(status)
          .contains("state:       RUNNING")
          .contains("file:" + dir.resolve("checkpoints").resolve(job))
          .contains("failures:    none");
      assertThat(crowdhexOk("status", "--cluster", stack.cluster).out())
          .contains(job + "  RUNNING");
    } finally {
      run.cancel(job);
    }
  }

  @Test
  @Order(2)
  void aKilledTaskManagerCostsARestartFromTheLastCheckpointAndNoRecord() throws Exception {
    Run run = new Run("crash");
    String job = run.submit();
    try {
      CompletableFuture<Void> replay = run.replayInBackground(PACED);
      // Mid-run: some windows committed, most of the day still to come.
      await(
          "some density records to be committed",
          Duration.ofSeconds(90),
          () -> stack.readCommitted(run.topic("density")).size() >= 20);
      assertThat(replay).isNotDone();
      timed("taskmanager kill", () -> stack.script("flink", "taskmanager", "kill"));
      timed("taskmanager start", () -> stack.script("flink", "taskmanager", "start"));
      replay.get();
      run.awaitExpectedRecords();
      run.assertExpectedRecords();

      FlinkRest rest = FlinkRest.of(stack.cluster);
      assertThat(rest.state(job)).isEqualTo("RUNNING");
      assertThat(rest.failures(job)).as("failures of the job").isPositive();
      JsonNode restored = rest.checkpoints(job).path("latest").path("restored");
      assertThat(restored.path("is_savepoint").asBoolean(true)).isFalse();
      assertThat(restored.path("external_path").asText())
          .startsWith("file:" + dir.resolve("checkpoints").resolve(job));
      assertThat(crowdhexOk("status", job, "--cluster", stack.cluster).out())
          .contains("restored:  checkpoint");
    } finally {
      run.cancel(job);
    }
  }

  @Test
  @Order(3)
  void aJobStoppedAtASavepointResumesWithNoGapAndNoDuplicate() throws Exception {
    Run run = new Run("savepoint");
    String first = run.submit();
    String second = null;
    try {
      CompletableFuture<Void> replay = run.replayInBackground(PACED);
      await(
          "some density records to be committed",
          Duration.ofSeconds(90),
          () -> stack.readCommitted(run.topic("density")).size() >= 20);
      String stopped =
          timed(
              "stop with savepoint",
              () ->
                  crowdhexOk(
                          "savepoint",
                          first,
                          "--stop",
                          "--dir",
                          dir.resolve("savepoints").toString(),
                          "--cluster",
                          stack.cluster)
                      .out());
      assertThat(stopped).contains("job " + first + " is FINISHED");
      String savepoint =
          stopped
              .lines()
              .filter(l -> l.startsWith("savepoint of job"))
              .findFirst()
              .orElseThrow()
              .replaceFirst(".*: ", "");
      assertThat(savepoint).startsWith("file:" + dir.resolve("savepoints"));
      int atStop = stack.readCommitted(run.topic("density")).size();
      assertThat(atStop).isPositive().isLessThan(expectedTopics.get("density").size());
      Thread.sleep(3000); // posts go on arriving while no job reads them

      second = run.submit("--from-savepoint", savepoint);
      replay.get();
      run.awaitExpectedRecords();
      run.assertExpectedRecords();
      JsonNode restored =
          FlinkRest.of(stack.cluster).checkpoints(second).path("latest").path("restored");
      assertThat(restored.path("is_savepoint").asBoolean()).isTrue();
      assertThat(restored.path("external_path").asText()).isEqualTo(savepoint);
    } finally {
      run.cancel(first);
      if (second != null) run.cancel(second);
    }
  }

  @Test
  @Order(4)
  void aBrokerThatIsDownForAWhileIsWaitedForAndCaughtUpWith() throws Exception {
    Run run = new Run("broker");
    String job = run.submit();
    try {
      CompletableFuture<Void> replay = run.replayInBackground(PACED);
      await(
          "some density records to be committed",
          Duration.ofSeconds(90),
          () -> stack.readCommitted(run.topic("density")).size() >= 20);
      timed("kafka stop", () -> stack.script("kafka", "stop"));
      Thread.sleep(10_000); // the job, and the replay's producer, wait and retry
      timed("kafka start", () -> stack.script("kafka", "start"));
      replay.get();
      run.awaitExpectedRecords();
      run.assertExpectedRecords();
      FlinkRest rest = FlinkRest.of(stack.cluster);
      assertThat(rest.state(job)).isEqualTo("RUNNING");
      System.out.printf(
          "through the broker's outage the job failed %d times; %s%n",
          rest.failures(job), rest.lastFailure(job).orElse("no failure"));
    } finally {
      run.cancel(job);
    }
  }

  // --- one live run: its topics, its job, its replay ---

  /** A live run of the plan on topics of its own, named after the test. */
  private static final class Run {
    final String name;

    Run(String name) throws Exception {
      this.name = name;
      stack.createTopics(1, topic("posts")); // one partition: the file's order, the file's windows
      stack.createTopics(
          2,
          topic("density"),
          topic("venues"),
          topic("alerts"),
          topic("rejects"),
          topic("flows"),
          topic("zones"));
    }

    String topic(String what) {
      return name + "." + what;
    }

    /** Submits the job jar with the plan and this run's topics; returns the job id. */
    String submit(String... more) throws Exception {
      List<String> args =
          new ArrayList<>(
              List.of(
                  "submit",
                  plan.toString(),
                  "--cluster",
                  stack.cluster,
                  "--bootstrap",
                  stack.bootstrap,
                  "--jar",
                  LiveStack.jobJar().toString()));
      for (String what :
          List.of("posts", "density", "venues", "alerts", "rejects", "flows", "zones")) {
        String setting = what.equals("posts") ? "input" : what;
        args.addAll(List.of("--kafka", setting + "_topic=" + topic(what)));
      }
      args.addAll(
          List.of("--kafka", "group_id=" + name, "--kafka", "transactional_id_prefix=" + name));
      args.addAll(List.of(more));
      LiveStack.Command c = timed("submit " + name, () -> crowdhexOk(args.toArray(String[]::new)));
      assertThat(c.out()).contains(" is RUNNING").contains("web UI: " + stack.cluster + "/#/job/");
      return c.jobId();
    }

    void replay(String speed) throws Exception {
      timed(
          "replay " + name,
          () ->
              crowdhexOk(
                  "replay",
                  input.toString(),
                  "--bootstrap",
                  stack.bootstrap,
                  "--topic",
                  topic("posts"),
                  "--speed",
                  speed,
                  "--plan",
                  plan.toString()));
    }

    CompletableFuture<Void> replayInBackground(String speed) {
      return CompletableFuture.runAsync(
          () -> {
            try {
              replay(speed);
            } catch (Exception e) {
              throw new IllegalStateException(e);
            }
          });
    }

    /** Waits until each output topic holds at least as many committed records as expected. */
    void awaitExpectedRecords() throws Exception {
      await(
          "the committed records of " + name,
          Duration.ofSeconds(150),
          () ->
              expectedTopics.entrySet().stream()
                  .allMatch(
                      e -> stack.readCommitted(topic(e.getKey())).size() >= e.getValue().size()));
      Thread.sleep(5000); // two more checkpoints: anything written twice would show now
    }

    /** Each output topic holds exactly the file replay's records: none missing, none twice. */
    void assertExpectedRecords() {
      for (var e : new TreeMap<>(expectedTopics).entrySet()) {
        assertThat(stack.readCommitted(topic(e.getKey())))
            .as("the committed records of %s against the file replay's", topic(e.getKey()))
            .containsExactlyInAnyOrderElementsOf(e.getValue());
      }
    }

    void cancel(String job) {
      if (!"RUNNING".equals(FlinkRest.of(stack.cluster).state(job))) return;
      crowdhex("cancel", job, "--cluster", stack.cluster);
    }
  }

  // --- helpers ---

  private static void await(String what, Duration timeout, BooleanSupplier done)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!done.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("waited " + timeout.toSeconds() + " s for " + what);
      }
      Thread.sleep(1000);
    }
  }

  private static boolean sameContent(Path a, Path b) {
    try {
      return Files.exists(b) && Files.mismatch(a, b) == -1;
    } catch (IOException e) {
      return false;
    }
  }

  /** The files under a folder by relative path, with their sizes. */
  private static Map<String, Long> files(Path root) throws IOException {
    Map<String, Long> files = new TreeMap<>();
    try (Stream<Path> s = Files.walk(root)) {
      for (Path p : s.filter(Files::isRegularFile).toList()) {
        files.put(root.relativize(p).toString(), Files.size(p));
      }
    }
    return files;
  }

  private static JsonNode readTree(String json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new IllegalArgumentException(json, e);
    }
  }
}
