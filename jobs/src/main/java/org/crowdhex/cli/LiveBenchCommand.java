package org.crowdhex.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.uber.h3core.H3Core;
import com.uber.h3core.util.LatLng;
import java.io.InputStream;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.crowdhex.cluster.FlinkRest;
import org.crowdhex.job.MonitorJob;
import org.crowdhex.plan.EventPlan;
import org.crowdhex.venue.VenueZone;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The benchmark of the live path on a cluster: how many posts per second the job takes from Kafka
 * to Kafka, and how long after a post is written the window record that counts it can be read.
 */
@Command(
    name = "bench-live",
    mixinStandardHelpOptions = true,
    showDefaultValues = true,
    description = {
      "Benchmark the live job on a Flink cluster with a Kafka broker: Kafka in, density and venue"
          + " totals out, exactly once. Creates its own topics (deleted at the end) and runs the"
          + " job jar over REST, as crowdhex submit does.",
      "Throughput: a backlog of --backlog posts is written first, then the job reads it from the"
          + " start to the end (bounded) and the posts per second from its first task starting to"
          + " its last ending are reported: the most it sustains.",
      "Latency: posts are written at a steady --rate, stamped with the time of writing, for"
          + " --warm-up plus --seconds; a reader takes the density and venue records as they become"
          + " readable (read_committed). A window's record can only appear once a post at least"
          + " out_of_orderness past the window's end has been written, so its latency is counted"
          + " from then (window end + out_of_orderness): what is left is the job's own delay."
          + " Reported per post counted (p50, p99, max), once per --delivery.",
      "The plan (1 s tumbling windows, so that one closes every second; 1 s out of orderness; every"
          + " Rotterdam venue; the default privacy settings) and its pseudonym key are written"
          + " under --work, which the JobManager must read at the same path."
    })
final class LiveBenchCommand implements Callable<Integer> {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration OUT_OF_ORDERNESS = Duration.ofSeconds(1);

  @Mixin ClusterOption cluster;

  @Option(
      names = "--bootstrap",
      required = true,
      paramLabel = "HOST:PORT",
      description = "Kafka brokers, as the cluster and this command both reach them.")
  String bootstrap;

  @Option(
      names = "--rate",
      paramLabel = "POSTS/S",
      defaultValue = "20000",
      description = "Posts written per second in the latency runs.")
  int rate;

  @Option(
      names = "--seconds",
      paramLabel = "S",
      defaultValue = "60",
      description = "Measured seconds of each latency run.")
  int seconds;

  @Option(
      names = "--warm-up",
      paramLabel = "S",
      defaultValue = "15",
      description = "Seconds of each latency run before measuring.")
  int warmUp;

  @Option(
      names = "--backlog",
      paramLabel = "N",
      defaultValue = "3000000",
      description = "Posts of the throughput run (0: no throughput run).")
  long backlog;

  @Option(
      names = "--delivery",
      split = ",",
      paramLabel = "MODE",
      defaultValue = "exactly_once,at_least_once",
      description = "The Kafka delivery of each latency run: exactly_once, at_least_once.")
  List<String> deliveries;

  @Option(
      names = "--checkpoint-interval",
      paramLabel = "DURATION",
      defaultValue = "2s",
      description =
          "The plan's checkpoints.interval: with exactly_once, records become readable when the"
              + " checkpoint after them completes.")
  String interval;

  @Option(
      names = "--work",
      paramLabel = "DIR",
      defaultValue = "out/bench-live",
      description = "Folder for the plan, venues and key (read by the JobManager).")
  Path work;

  @Option(names = "--jar", paramLabel = "JAR", description = "The job jar (as for submit).")
  Path jar;

  @Option(names = "--json", paramLabel = "FILE", description = "Also write the results as JSON.")
  Path json;

  @Spec CommandSpec spec;

  private PrintWriter out;
  private FlinkRest rest;
  private String jarId;
  private Path plan;
  private List<double[]> places; // lat, lon of posts inside zones
  private double[] box; // min lat, min lon, max lat, max lon around the zones
  private final String run = "bench-" + Long.toString(System.currentTimeMillis(), 36);
  private final List<String> topics = new ArrayList<>();

  @Override
  public Integer call() throws Exception {
    out = spec.commandLine().getOut();
    for (String d : deliveries) {
      if (!d.equals("exactly_once") && !d.equals("at_least_once")) {
        throw new UserErrors.UserError(
            "--delivery is \"" + d + "\"; accepted: exactly_once, at_least_once");
      }
    }
    if (rate < 1 || seconds < 1 || warmUp < 0 || backlog < 0) {
      throw new UserErrors.UserError(
          "--rate and --seconds must be at least 1, --warm-up and --backlog at least 0");
    }
    checkpointInterval();
    Path jobJar = ClusterOption.jobJar(jar);
    rest = cluster.rest();
    JsonNode overview = rest.overview();
    EventPlan p = writePlan();
    places(p);

    double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    ObjectNode result = JSON.createObjectNode();
    result.put(
        "command",
        "crowdhex " + String.join(" ", spec.commandLine().getParseResult().originalArgs()));
    result.put("processors", Runtime.getRuntime().availableProcessors());
    result.put("cpu", cpuModel());
    result.put("java", System.getProperty("java.version"));
    result.put("load_average_at_start", Math.round(load * 100) / 100.0);
    result.put("flink", overview.path("flink-version").asText());
    result.put("taskmanagers", overview.path("taskmanagers").asInt());
    result.put("slots", overview.path("slots-total").asInt());
    out.printf(
        Locale.ROOT,
        "live path on %s: Flink %s, %d TaskManager(s), %d slots; Kafka at %s%n",
        rest.address(),
        overview.path("flink-version").asText(),
        overview.path("taskmanagers").asInt(),
        overview.path("slots-total").asInt(),
        bootstrap);
    out.printf(
        Locale.ROOT,
        "machine: %d processors, %s, Java %s, load average %.2f at start%n",
        Runtime.getRuntime().availableProcessors(),
        cpuModel(),
        System.getProperty("java.version"),
        load);
    out.printf("command: %s%n", result.get("command").asText());
    out.flush();

    jarId = rest.upload(jobJar);
    try {
      if (backlog > 0) result.set("throughput", throughput());
      ArrayNode latency = result.putArray("latency");
      for (String d : deliveries) latency.add(latency(d));
    } finally {
      try {
        rest.deleteJar(jarId);
      } catch (RuntimeException ignored) {
        // a jar left behind costs disk space only
      }
      deleteTopics();
    }
    result.put(
        "load_average_at_end",
        Math.round(ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage() * 100)
            / 100.0);
    out.printf(
        Locale.ROOT,
        "load average %.2f at the end%n",
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    if (json != null) {
      Files.writeString(json, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(result));
      out.printf("results in %s%n", json);
    }
    out.flush();
    return 0;
  }

  // --- the runs ---

  private ObjectNode throughput() throws Exception {
    String name = run + "-backlog";
    createTopics(name);
    out.printf(Locale.ROOT, "throughput: writing a backlog of %,d posts...%n", backlog);
    out.flush();
    long t0 = System.currentTimeMillis() - backlog * 1000 / rate;
    long start = System.nanoTime();
    try (KafkaProducer<byte[], byte[]> producer = producer()) {
      SplittableRandom random = new SplittableRandom(7);
      StringBuilder sb = new StringBuilder(160);
      for (long i = 0; i < backlog; i++) {
        producer.send(
            new ProducerRecord<>(name + ".posts", post(sb, random, i, t0 + i * 1000 / rate)));
      }
      producer.flush();
    }
    double written = (System.nanoTime() - start) / 1e9;
    out.printf(Locale.ROOT, "  written in %.1f s; running the job on it...%n", written);
    out.flush();
    String job = submit(name, "exactly_once", true);
    String state = rest.awaitState(job, Set.of("FINISHED"), Duration.ofMinutes(30));
    if (!state.equals("FINISHED")) {
      throw new UserErrors.UserError(
          "the throughput job "
              + job
              + " ended "
              + state
              + ": "
              + rest.lastFailure(job).orElse("no reason given"));
    }
    long first = Long.MAX_VALUE, last = 0;
    for (JsonNode v : rest.job(job).path("vertices")) {
      first = Math.min(first, v.path("start-time").asLong());
      last = Math.max(last, v.path("end-time").asLong());
    }
    double span = (last - first) / 1000.0;
    double perSecond = backlog / span;
    out.printf(
        Locale.ROOT,
        "  %,d posts in %.1f s from the first task's start to the last one's end: %,.0f posts/s%n",
        backlog,
        span,
        perSecond);
    out.flush();
    ObjectNode r = JSON.createObjectNode();
    r.put("posts", backlog);
    r.put("seconds", Math.round(span * 10) / 10.0);
    r.put("posts_per_second", Math.round(perSecond));
    r.put("job", job);
    return r;
  }

  private ObjectNode latency(String delivery) throws Exception {
    String name = run + "-" + delivery.replace('_', '-');
    createTopics(name);
    out.printf(
        Locale.ROOT,
        "latency, %s: %,d posts/s for %d s (the first %d s not measured)...%n",
        delivery,
        rate,
        warmUp + seconds,
        warmUp);
    out.flush();
    String job = submit(name, delivery, false);
    awaitTasksRunning(job);
    Reader reader = new Reader(List.of(name + ".density", name + ".venues"));
    Thread readerThread = new Thread(reader, "bench reader");
    readerThread.start();
    long sent = 0;
    long startMillis = System.currentTimeMillis();
    long endMillis = startMillis + (warmUp + seconds) * 1000L;
    try (KafkaProducer<byte[], byte[]> producer = producer()) {
      SplittableRandom random = new SplittableRandom(11);
      StringBuilder sb = new StringBuilder(160);
      long now;
      while ((now = System.currentTimeMillis()) < endMillis) {
        long due = (now - startMillis) * rate / 1000;
        for (; sent < due; sent++) {
          producer.send(new ProducerRecord<>(name + ".posts", post(sb, random, sent, now)));
        }
        Thread.sleep(5);
      }
      producer.flush();
    }
    double achieved = sent * 1000.0 / (System.currentTimeMillis() - startMillis);
    // The last windows come with the next checkpoint; then the reader stops.
    Thread.sleep(checkpointInterval().toMillis() + 5000);
    reader.stop.set(true);
    readerThread.join();
    String state = rest.state(job);
    int failures = rest.failures(job);
    rest.cancel(job);
    rest.awaitState(job, Set.of("CANCELED"), Duration.ofMinutes(2));

    long from = startMillis + warmUp * 1000L;
    long to = endMillis - 2000;
    List<long[]> samples = new ArrayList<>(); // latency ms, posts
    long records = 0;
    for (Reader.Seen s : reader.seen) {
      if (s.windowEnd < from || s.windowEnd > to) continue;
      records++;
      samples.add(new long[] {s.readAt - (s.windowEnd + OUT_OF_ORDERNESS.toMillis()), s.posts});
    }
    if (samples.isEmpty()) {
      throw new UserErrors.UserError(
          "no window record of the measured period was read from "
              + name
              + ".density (job "
              + job
              + " is "
              + state
              + "); see "
              + rest.webUi(job));
    }
    samples.sort((a, b) -> Long.compare(a[0], b[0]));
    long weight = samples.stream().mapToLong(a -> a[1]).sum();
    double p50 = percentile(samples, weight, 0.50) / 1000.0;
    double p99 = percentile(samples, weight, 0.99) / 1000.0;
    double max = samples.get(samples.size() - 1)[0] / 1000.0;
    out.printf(
        Locale.ROOT,
        "  written %,.0f posts/s; %,d window records of %,d posts read: p50 %.2f s, p99 %.2f s,"
            + " max %.2f s after the window could close%s%n",
        achieved,
        records,
        weight,
        p50,
        p99,
        max,
        failures > 0 ? " (the job failed " + failures + " times)" : "");
    out.flush();
    ObjectNode r = JSON.createObjectNode();
    r.put("delivery", delivery);
    r.put("checkpoint_interval", interval);
    r.put("posts_per_second_written", Math.round(achieved));
    r.put("window_records", records);
    r.put("posts_counted", weight);
    r.put("p50_seconds", Math.round(p50 * 100) / 100.0);
    r.put("p99_seconds", Math.round(p99 * 100) / 100.0);
    r.put("max_seconds", Math.round(max * 100) / 100.0);
    r.put("job_failures", failures);
    return r;
  }

  private Duration checkpointInterval() {
    return org.crowdhex.plan.Durations.parse(interval)
        .orElseThrow(
            () ->
                new UserErrors.UserError(
                    "--checkpoint-interval is \""
                        + interval
                        + "\"; accepted: "
                        + org.crowdhex.plan.Durations.ACCEPTED));
  }

  /** The latency below which the given share of posts lies (samples sorted by latency). */
  private static long percentile(List<long[]> samples, long weight, double share) {
    long target = (long) Math.ceil(weight * share), seen = 0;
    for (long[] s : samples) {
      seen += s[1];
      if (seen >= target) return s[0];
    }
    return samples.get(samples.size() - 1)[0];
  }

  /** Reads window records as they become readable, noting when. */
  private final class Reader implements Runnable {
    record Seen(long windowEnd, long posts, long readAt) {}

    final List<Seen> seen = new ArrayList<>();
    final AtomicBoolean stop = new AtomicBoolean();
    private final List<String> topics;

    Reader(List<String> topics) {
      this.topics = topics;
    }

    @Override
    public void run() {
      Properties p = new Properties();
      p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
      p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
      p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
      p.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 10);
      p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
      p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
      try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p)) {
        List<TopicPartition> partitions = new ArrayList<>();
        for (String t : topics) {
          consumer
              .partitionsFor(t)
              .forEach(i -> partitions.add(new TopicPartition(t, i.partition())));
        }
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        while (!stop.get()) {
          var records = consumer.poll(Duration.ofMillis(50));
          long now = System.currentTimeMillis();
          for (ConsumerRecord<String, String> r : records) {
            try {
              JsonNode n = JSON.readTree(r.value());
              seen.add(
                  new Seen(
                      Instant.parse(n.path("window_end").asText()).toEpochMilli(),
                      n.path("posts").asLong(),
                      now));
            } catch (Exception e) {
              // not a window record: not counted
            }
          }
        }
      }
    }
  }

  // --- Kafka and the cluster ---

  private String submit(String name, String delivery, boolean bounded) {
    List<String> args = new ArrayList<>(List.of("--plan", plan.toString()));
    Map<String, String> k =
        Map.ofEntries(
            Map.entry("bootstrap_servers", bootstrap),
            Map.entry("input_topic", name + ".posts"),
            Map.entry("density_topic", name + ".density"),
            Map.entry("venues_topic", name + ".venues"),
            Map.entry("alerts_topic", name + ".alerts"),
            Map.entry("flows_topic", name + ".flows"),
            Map.entry("zones_topic", name + ".zones"),
            Map.entry("rejects_topic", name + ".rejects"),
            Map.entry("group_id", name),
            Map.entry("transactional_id_prefix", name),
            Map.entry("delivery", delivery));
    k.forEach(
        (key, value) -> {
          args.add("--kafka." + key);
          args.add(value);
        });
    args.addAll(List.of("--kafka.starting_offsets", "earliest"));
    if (bounded) args.addAll(List.of("--kafka.bounded", "true"));
    String job =
        rest.run(
            jarId, new FlinkRest.RunRequest(MonitorJob.class.getName(), args, null, null, false));
    try {
      String state = rest.awaitState(job, Set.of("RUNNING"), Duration.ofMinutes(2));
      if (state.equals("FAILED")) {
        throw new UserErrors.UserError(
            "the job " + job + " failed: " + rest.lastFailure(job).orElse("no reason given"));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    out.printf("  job %s (%s)%n", job, rest.webUi(job));
    out.flush();
    return job;
  }

  private void awaitTasksRunning(String job) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
    while (System.nanoTime() < deadline) {
      boolean all = true;
      for (JsonNode v : rest.job(job).path("vertices")) {
        all &= "RUNNING".equals(v.path("status").asText());
      }
      if (all) return;
      Thread.sleep(250);
    }
    throw new UserErrors.UserError("the tasks of job " + job + " did not start within 2 min");
  }

  private void createTopics(String name) throws Exception {
    try (Admin admin = admin()) {
      List<NewTopic> create = new ArrayList<>();
      for (String t :
          List.of("posts", "density", "venues", "alerts", "flows", "zones", "rejects")) {
        create.add(new NewTopic(name + "." + t, 2, (short) 1));
        topics.add(name + "." + t);
      }
      admin.createTopics(create).all().get();
    }
  }

  private void deleteTopics() {
    if (topics.isEmpty()) return;
    try (Admin admin = admin()) {
      admin.deleteTopics(topics).all().get();
    } catch (Exception e) {
      out.printf("could not delete the topics %s: %s%n", topics, e.getMessage());
    }
  }

  private Admin admin() {
    return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
  }

  private KafkaProducer<byte[], byte[]> producer() {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.LINGER_MS_CONFIG, 5);
    p.put(ProducerConfig.BATCH_SIZE_CONFIG, 1 << 17);
    p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    return new KafkaProducer<>(p);
  }

  // --- the posts ---

  /**
   * One post: half of them at a cell of a venue zone (jittered by up to about 20 m), half anywhere
   * in the box around the zones (most of those outside every zone); authors from a pool of 200,000.
   */
  private byte[] post(StringBuilder sb, SplittableRandom random, long i, long time) {
    double lat, lon;
    if (random.nextBoolean()) {
      double[] c = places.get(random.nextInt(places.size()));
      lat = c[0] + (random.nextDouble() - 0.5) * 0.0004;
      lon = c[1] + (random.nextDouble() - 0.5) * 0.0006;
    } else {
      lat = box[0] + random.nextDouble() * (box[2] - box[0]);
      lon = box[1] + random.nextDouble() * (box[3] - box[1]);
    }
    sb.setLength(0);
    sb.append("{\"id\":\"b")
        .append(i)
        .append("\",\"author\":\"a")
        .append(random.nextInt(200_000))
        .append("\",\"time\":")
        .append(time)
        .append(",\"lat\":")
        .append(Math.round(lat * 1e6) / 1e6)
        .append(",\"lon\":")
        .append(Math.round(lon * 1e6) / 1e6)
        .append('}');
    return sb.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }

  private void places(EventPlan p) throws Exception {
    H3Core h3 = H3Core.newInstance();
    places = new ArrayList<>();
    box = new double[] {90, 180, -90, -180};
    for (VenueZone z : MonitorJob.venueZones(p)) {
      for (long cell : z.cells()) {
        LatLng c = h3.cellToLatLng(cell);
        places.add(new double[] {c.lat, c.lng});
        box[0] = Math.min(box[0], c.lat - 0.01);
        box[1] = Math.min(box[1], c.lng - 0.015);
        box[2] = Math.max(box[2], c.lat + 0.01);
        box[3] = Math.max(box[3], c.lng + 0.015);
      }
    }
  }

  private EventPlan writePlan() throws Exception {
    Path dir = work.toAbsolutePath().normalize();
    Files.createDirectories(dir);
    try (InputStream in =
        LiveBenchCommand.class.getClassLoader().getResourceAsStream(DemoCommand.VENUES)) {
      Files.copy(in, dir.resolve("venues.geojson"), StandardCopyOption.REPLACE_EXISTING);
    }
    Path key = dir.resolve("pseudonym.key");
    if (!Files.exists(key)) {
      byte[] secret = new byte[48];
      new SecureRandom().nextBytes(secret);
      Files.writeString(key, Base64.getEncoder().encodeToString(secret));
    }
    plan = dir.resolve("bench-live.yaml");
    Files.writeString(
        plan,
        """
        # Written by crowdhex bench-live.
        name: live bench
        venues: {file: venues.geojson}
        h3_resolution: 10
        window: {size: 1s, slide: 1s, out_of_orderness: %ds, allowed_lateness: 0s}
        tiles: {enabled: false}
        privacy: {key_file: pseudonym.key}
        checkpoints: {interval: %s}
        """
            .formatted(OUT_OF_ORDERNESS.toSeconds(), interval));
    return PlanOption.load(plan);
  }

  private static String cpuModel() {
    try {
      for (String l : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
        if (l.startsWith("model name")) return l.substring(l.indexOf(':') + 1).strip();
      }
    } catch (Exception e) {
      // not Linux
    }
    return System.getProperty("os.arch");
  }
}
