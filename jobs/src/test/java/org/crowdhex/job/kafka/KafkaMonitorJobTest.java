package org.crowdhex.job.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.crowdhex.job.EmbeddedRun;
import org.crowdhex.job.MonitorJob;
import org.crowdhex.job.RunCounters;
import org.crowdhex.job.RunSummary;
import org.crowdhex.plan.EventPlan;
import org.crowdhex.plan.PlanReader;
import org.crowdhex.privacy.PseudonymKey;
import org.crowdhex.replay.KafkaPublisher;
import org.crowdhex.replay.Recording;
import org.crowdhex.replay.Replay;
import org.crowdhex.replay.ReplayClock;
import org.crowdhex.replay.Speed;
import org.crowdhex.venue.VenueZone;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The monitor job live on Kafka gives exactly what the file replay of the same recording gives: a
 * few thousand posts with late arrivals and bad lines are replayed into a topic, the job reads them
 * on a MiniCluster at parallelism 2 and writes exactly once to Kafka, and the density and venue
 * records read back with read_committed equal the file outputs record for record.
 */
class KafkaMonitorJobTest {
  private static final double LAT = 51.8939, LON = 4.5232;
  private static TestBroker broker;

  @TempDir Path dir;

  @BeforeAll
  static void startBroker() throws Exception {
    broker = TestBroker.start();
  }

  @AfterAll
  static void stopBroker() throws Exception {
    if (broker != null) broker.close();
  }

  private EventPlan plan() throws Exception {
    Files.writeString(
        dir.resolve("venues.geojson"),
        """
        {"type":"FeatureCollection","features":[{"type":"Feature",
         "properties":{"id":"kuip","name":"De Kuip","kind":"stadium","buffer_m":700},
         "geometry":{"type":"Point","coordinates":[%s,%s]}}]}
        """
            .formatted(LON, LAT));
    Path plan = dir.resolve("plan.yaml");
    Files.writeString(
        plan,
        """
        name: kafka match
        time_zone: Europe/Amsterdam
        venues: {file: venues.geojson}
        h3_resolution: 9
        window: {size: 10m, slide: 5m, out_of_orderness: 1m, allowed_lateness: 2m}
        output: {geojson: false}
        tiles: {enabled: false}
        privacy: {key_file: pseudonym.key, min_crowd: 1}
        flows: {zones: h3, resolution: 8}
        run: {parallelism: 2}
        """);
    if (!Files.exists(dir.resolve("pseudonym.key"))) {
      PseudonymKey.throwaway().writeTo(dir.resolve("pseudonym.key"));
    }
    return PlanReader.read(plan);
  }

  /**
   * Posts over two hours within about a kilometre of the venue, in arrival order: most arrive
   * within seconds, one in twenty up to fifteen minutes late (some within the allowed lateness,
   * some beyond), and a few lines are not posts.
   */
  private Path recording(int posts) throws Exception {
    SplittableRandom random = new SplittableRandom(2026);
    long t0 = Instant.parse("2026-04-19T12:00:00Z").toEpochMilli();
    record Arrival(long at, String line) {}
    List<Arrival> arrivals = new ArrayList<>();
    for (int i = 0; i < posts; i++) {
      long time = t0 + random.nextLong(2 * 3_600_000L);
      long delay = random.nextInt(20) == 0 ? random.nextLong(900_000) : random.nextLong(20_000);
      double r = 1100 * Math.sqrt(random.nextDouble()), a = random.nextDouble(2 * Math.PI);
      double lat = LAT + r * Math.cos(a) / 111_320;
      double lon = LON + r * Math.sin(a) / (111_320 * Math.cos(Math.toRadians(LAT)));
      arrivals.add(
          new Arrival(
              time + delay,
              String.format(
                  Locale.ROOT,
                  "{\"id\":\"p%d\",\"author\":\"u%d\",\"time\":\"%s\",\"lat\":%.6f,\"lon\":%.6f}",
                  i,
                  random.nextInt(400),
                  Instant.ofEpochMilli(time),
                  lat,
                  lon)));
    }
    for (int i = 0; i < 5; i++) {
      arrivals.add(new Arrival(t0 + random.nextLong(2 * 3_600_000L), "{\"id\":\"cut-" + i + "\","));
    }
    arrivals.sort(Comparator.comparingLong(Arrival::at));
    Path file = dir.resolve("posts.jsonl");
    Files.write(file, arrivals.stream().map(Arrival::line).toList());
    return file;
  }

  @Test
  void theLiveRunOnKafkaGivesExactlyTheFileReplaysRecords() throws Exception {
    EventPlan plan = plan();
    List<VenueZone> zones = MonitorJob.venueZones(plan);
    Path posts = recording(3000);

    // The file replay.
    Path out = dir.resolve("out");
    RunSummary files = EmbeddedRun.replay(plan, zones, List.of(posts.toString()), out, p -> {});

    // The same recording replayed into Kafka, read by the job, written back exactly once.
    broker.createTopics(1, "job.posts");
    broker.createTopics(2, "job.density", "job.venues", "job.flows", "job.zones", "job.rejects");
    Recording recording = Recording.of(List.of(posts), plan.input());
    new Replay(ReplayClock.SYSTEM, Speed.MAX, p -> {})
        .run(
            recording,
            recording.scan(),
            KafkaPublisher.open(broker.bootstrapServers(), "job.posts"));
    KafkaSettings kafka =
        KafkaSettings.fromMap(
            Map.of(
                "bootstrap_servers", broker.bootstrapServers(),
                "input_topic", "job.posts",
                "density_topic", "job.density",
                "venues_topic", "job.venues",
                "flows_topic", "job.flows",
                "zones_topic", "job.zones",
                "rejects_topic", "job.rejects",
                "starting_offsets", "earliest",
                "bounded", "true"),
            plan.name());
    StreamExecutionEnvironment env =
        StreamExecutionEnvironment.createLocalEnvironment(2, EmbeddedRun.engineConfig(2));
    env.enableCheckpointing(500);
    MonitorJob.runLive(env, plan, zones, kafka);
    JobExecutionResult live = env.execute("crowdhex live test");

    List<String> fileCells = lines(out.resolve("density/cells.jsonl"));
    List<String> kafkaCells = values(broker.readCommitted("job.density"));
    assertThat(fileCells).hasSizeGreaterThan(100);
    assertThat(fileCells).anyMatch(l -> l.contains("\"revision\":1")); // late posts re-published
    assertThat(files.late()).isPositive(); // and some came too late
    assertThat(kafkaCells).containsExactlyInAnyOrderElementsOf(fileCells);
    assertThat(values(broker.readCommitted("job.venues")))
        .containsExactlyInAnyOrderElementsOf(lines(out.resolve("density/venues.jsonl")));
    List<String> fileFlows = lines(out.resolve("flows/flows.jsonl"));
    assertThat(fileFlows).isNotEmpty();
    assertThat(values(broker.readCommitted("job.flows")))
        .containsExactlyInAnyOrderElementsOf(fileFlows);
    List<String> fileZones = lines(out.resolve("flows/zones.jsonl"));
    assertThat(fileZones).isNotEmpty();
    assertThat(values(broker.readCommitted("job.zones")))
        .containsExactlyInAnyOrderElementsOf(fileZones);

    // Keys: the cell for density, the venue for venue totals.
    for (ConsumerRecord<String, String> r : broker.readCommitted("job.density")) {
      assertThat(r.value()).startsWith("{\"cell\":\"" + r.key() + "\"");
    }
    assertThat(broker.readCommitted("job.venues")).allMatch(r -> "kuip".equals(r.key()));
    // Zone in- and outflows: keyed by the zone.
    for (ConsumerRecord<String, String> r : broker.readCommitted("job.zones")) {
      assertThat(r.value()).startsWith("{\"zone\":\"" + r.key() + "\"");
    }

    // The dead-letter topic holds the five bad lines, with their place in the input topic.
    List<String> rejects = values(broker.readCommitted("job.rejects"));
    assertThat(rejects)
        .hasSize(5)
        .allMatch(
            r -> r.matches("\\{\"origin\":\"job\\.posts/0/\\d+\",\"reason\":\"MALFORMED\".*"));

    // Every line accounted for alike.
    Map<String, Object> acc = live.getAllAccumulatorResults();
    assertThat(acc.get(RunCounters.LINES_READ)).isEqualTo(files.read());
    assertThat(acc.get(RunCounters.REJECTED)).isEqualTo(files.rejected());
    assertThat(acc.get(RunCounters.OUTSIDE_ZONES)).isEqualTo(files.outsideZones());
    assertThat(acc.get(RunCounters.LATE)).isEqualTo(files.late());
  }

  private static List<String> lines(Path file) throws Exception {
    return Files.readAllLines(file).stream().filter(l -> !l.isBlank()).toList();
  }

  private static List<String> values(List<ConsumerRecord<String, String>> records) {
    return records.stream().map(ConsumerRecord::value).toList();
  }
}
