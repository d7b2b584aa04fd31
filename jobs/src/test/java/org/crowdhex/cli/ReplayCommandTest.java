package org.crowdhex.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.zip.GZIPOutputStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.crowdhex.job.kafka.TestBroker;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code crowdhex replay} against a real Kafka broker in this JVM. */
class ReplayCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long T0 = Instant.parse("2026-04-19T12:00:00Z").toEpochMilli();
  private static TestBroker broker;

  @TempDir Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @BeforeAll
  static void startBroker() throws Exception {
    broker = TestBroker.start();
  }

  @AfterAll
  static void stopBroker() throws Exception {
    if (broker != null) broker.close();
  }

  private int run(String... args) {
    CommandLine cl = Crowdhex.commandLine();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    return cl.execute(args);
  }

  private static String post(int i, long millis) {
    return String.format(
        Locale.ROOT,
        "{\"id\":\"p%d\",\"author\":\"u%d\",\"time\":\"%s\",\"lat\":51.89,\"lon\":4.52}",
        i,
        i % 37,
        Instant.ofEpochMilli(millis));
  }

  @Test
  void publishesEveryRecordOfSeveralFilesInEventTimeOrderKeyedByPostId() throws Exception {
    // Two files of the same two hours, each in time order, one of them gzip.
    SplittableRandom random = new SplittableRandom(7);
    List<String> a = new ArrayList<>(), b = new ArrayList<>();
    long t = T0;
    for (int i = 0; i < 2000; i++) {
      t += random.nextLong(0, 7200);
      (random.nextBoolean() ? a : b).add(post(i, t));
    }
    b.add(3, "{\"id\":\"broken\","); // not a post: published where it stands
    Files.write(dir.resolve("a.jsonl"), a);
    try (OutputStream gz = new GZIPOutputStream(Files.newOutputStream(dir.resolve("b.jsonl.gz")))) {
      gz.write((String.join("\n", b) + "\n").getBytes(StandardCharsets.UTF_8));
    }
    broker.createTopics(1, "replay.all");

    int code =
        run(
            "replay",
            dir.resolve("a.jsonl").toString(),
            dir.resolve("b.jsonl.gz").toString(),
            "--to",
            "kafka",
            "--bootstrap",
            broker.bootstrapServers(),
            "--topic",
            "replay.all",
            "--speed",
            "max");

    assertThat(code).as(err.toString()).isZero();
    List<ConsumerRecord<String, String>> records = broker.readCommitted("replay.all");
    assertThat(records).hasSize(2001);
    List<Long> times = new ArrayList<>();
    List<String> ids = new ArrayList<>();
    for (ConsumerRecord<String, String> r : records) {
      if (r.value().startsWith("{\"id\":\"broken\"")) {
        assertThat(r.key()).isNull();
        continue;
      }
      JsonNode p = JSON.readTree(r.value());
      times.add(Instant.parse(p.get("time").asText()).toEpochMilli());
      ids.add(p.get("id").asText());
      assertThat(r.key()).isEqualTo(p.get("id").asText()); // the post id, never the author
    }
    assertThat(times).isSorted();
    assertThat(ids).hasSize(2000).doesNotHaveDuplicates();
    assertThat(out.toString())
        .contains("replaying 2,001 records from 2 files to replay.all")
        .contains(
            "published 2,001 records from 2 files to replay.all at " + broker.bootstrapServers())
        .contains("event time 2026-04-19 12:00")
        .contains("1 record without a readable time or not a valid post");
    assertThat(err.toString()).contains("of 2,001 records").contains("left");
  }

  @Test
  void pacesOnTheWallClock() throws Exception {
    // A minute of event time at 60x: about a second.
    List<String> lines = new ArrayList<>();
    for (int i = 0; i <= 6; i++) lines.add(post(i, T0 + i * 10_000L));
    Files.write(dir.resolve("minute.jsonl"), lines);
    broker.createTopics(1, "replay.paced");
    long start = System.nanoTime();
    int code =
        run(
            "replay",
            dir.resolve("minute.jsonl").toString(),
            "--bootstrap",
            broker.bootstrapServers(),
            "--topic",
            "replay.paced",
            "--speed",
            "60");
    long millis = (System.nanoTime() - start) / 1_000_000;
    assertThat(code).as(err.toString()).isZero();
    assertThat(millis).isGreaterThanOrEqualTo(1000);
    assertThat(broker.readCommitted("replay.paced")).hasSize(7);
    assertThat(out.toString()).contains("replayed at 60x");
  }

  @Test
  void mistakesAreSentencesWithExitOne() throws Exception {
    Files.write(dir.resolve("p.jsonl"), List.of(post(1, T0)));
    assertThat(run("replay", dir.resolve("p.jsonl").toString())).isEqualTo(Crowdhex.USER_ERROR);
    assertThat(err.toString()).contains("--bootstrap is missing; accepted: HOST:PORT");

    assertThat(
            run(
                "replay",
                dir.resolve("p.jsonl").toString(),
                "--bootstrap",
                broker.bootstrapServers(),
                "--speed",
                "fast"))
        .isEqualTo(Crowdhex.USER_ERROR);
    assertThat(err.toString()).contains("--speed is \"fast\"; accepted: a number above 0");

    assertThat(
            run(
                "replay",
                dir.resolve("missing.jsonl").toString(),
                "--bootstrap",
                broker.bootstrapServers()))
        .isEqualTo(Crowdhex.USER_ERROR);
    assertThat(err.toString()).contains("no such file: ");

    assertThat(run("replay", dir.resolve("p.jsonl").toString(), "--to", "s3"))
        .isEqualTo(2); // picocli: a bad command line
    assertThat(err.toString()).contains("--to").contains("kafka");
  }
}
