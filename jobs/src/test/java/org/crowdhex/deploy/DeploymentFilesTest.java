package org.crowdhex.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.crowdhex.plan.EventPlan;
import org.crowdhex.plan.PlanReader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No Docker engine or Kubernetes runs here, so the container files are checked against the local
 * stack instead: {@code docker/compose.yaml}, {@code docker/Dockerfile} and {@code
 * docker/k8s/flinkdeployment.yaml} must use the same images and versions, ports, Flink and Kafka
 * settings, topics and plan paths as the scripts under {@code docker/local/}, whose generated
 * configuration ({@code kafka config}, {@code flink config}) is the reference. Debian's {@code
 * docker-compose} validates the compose file offline; without it the test fails.
 */
class DeploymentFilesTest {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private static final String JOB_IMAGE = "crowdhex-flink:local";
  private static final String JOB_JAR = "/opt/flink/usrlib/crowdhex-job.jar";
  private static final String GEO_DATA = "/opt/crowdhex/geo-data";
  private static final String OUT = "/data/out";

  /** The live job's topic settings (--kafka.NAME) and the topics.env entry each must name. */
  private static final Map<String, String> JOB_TOPIC_SETTINGS =
      Map.of(
          "input_topic", "CROWDHEX_TOPIC_POSTS",
          "density_topic", "CROWDHEX_TOPIC_DENSITY",
          "venues_topic", "CROWDHEX_TOPIC_VENUES",
          "alerts_topic", "CROWDHEX_TOPIC_ALERTS",
          "flows_topic", "CROWDHEX_TOPIC_FLOWS",
          "zones_topic", "CROWDHEX_TOPIC_ZONES",
          "rejects_topic", "CROWDHEX_TOPIC_REJECTS");

  /** Flink settings that name this machine's addresses and folders, so differ by design. */
  private static final Set<String> FLINK_LOCAL_ONLY =
      Set.of(
          "jobmanager.rpc.address",
          "jobmanager.rpc.port",
          "jobmanager.bind-host",
          "taskmanager.bind-host",
          "taskmanager.host",
          "rest.address",
          "rest.bind-address",
          "io.tmp.dirs",
          "web.tmpdir",
          // The flink image's own config.yaml passes the same Java 17 options.
          "env.java.opts.all");

  private static final Set<String> CHECKPOINT_DIRS =
      Set.of("execution.checkpointing.dir", "execution.checkpointing.savepoint-dir");

  /** Kafka settings that name addresses, ports and folders, so differ by design. */
  private static final Set<String> KAFKA_PLACE =
      Set.of(
          // The apache/kafka image formats storage for a static quorum (voters) only; the local
          // broker formats a dynamic one (--standalone, bootstrap servers). One voter either way.
          "controller.quorum.bootstrap.servers",
          "controller.quorum.voters",
          "listeners",
          "advertised.listeners",
          "listener.security.protocol.map",
          "log.dirs");

  @TempDir static Path stackDir;

  private static Map<String, String> topics;
  private static Map<String, String> localFlink;
  private static Map<String, String> localKafka;
  private static JsonNode compose;
  private static JsonNode services;
  private static JsonNode k8s;

  @BeforeAll
  static void load() throws Exception {
    topics = Repo.envFile("docker/local/topics.env");
    Map<String, String> env = Map.of("CROWDHEX_STACK_DIR", stackDir.toString());
    localFlink =
        flatStrings(
            YAML.readTree(Repo.runOk(List.of("docker/local/flink", "config"), env, 60)), "");
    localKafka = properties(Repo.runOk(List.of("docker/local/kafka", "config"), env, 60));
    compose = YAML.readTree(Repo.read("docker/compose.yaml"));
    services = compose.path("services");
    k8s = YAML.readTree(Repo.read("docker/k8s/flinkdeployment.yaml"));
  }

  @Test
  void topicsAreNamedOnceForEveryPart() {
    assertThat(topics)
        .containsExactly(
            Map.entry("CROWDHEX_TOPIC_POSTS", "crowdhex.posts"),
            Map.entry("CROWDHEX_TOPIC_DENSITY", "crowdhex.density"),
            Map.entry("CROWDHEX_TOPIC_VENUES", "crowdhex.density.venues"),
            Map.entry("CROWDHEX_TOPIC_ALERTS", "crowdhex.alerts"),
            Map.entry("CROWDHEX_TOPIC_FLOWS", "crowdhex.flows"),
            Map.entry("CROWDHEX_TOPIC_ZONES", "crowdhex.flows.zones"),
            Map.entry("CROWDHEX_TOPIC_REJECTS", "crowdhex.rejects"),
            Map.entry("CROWDHEX_TOPIC_PARTITIONS", "2"));

    // Compose creates each topic from the same file, with the local partition count ...
    assertThat(strings(services.path("topics").path("env_file")))
        .containsExactly("local/topics.env");
    String create = String.join("\n", strings(services.path("topics").path("command")));
    for (String key : topics.keySet()) {
      assertThat(create).as("the topics service uses %s", key).contains("$$" + key);
    }
    assertThat(create).contains("--bootstrap-server kafka:19092").contains("--if-not-exists");

    // ... and the job reads and writes them, in compose and on Kubernetes.
    Map<String, String> expected = new LinkedHashMap<>();
    JOB_TOPIC_SETTINGS.forEach((setting, key) -> expected.put(setting, topics.get(key)));
    assertThat(kafkaArguments(jobArguments())).containsAllEntriesOf(expected);
    assertThat(kafkaArguments(strings(k8s.path("spec").path("job").path("args"))))
        .containsAllEntriesOf(expected);

    // The local broker makes new topics with as many partitions.
    assertThat(localKafka).containsEntry("num.partitions", topics.get("CROWDHEX_TOPIC_PARTITIONS"));
  }

  @Test
  void imagesAndVersionsMatchTheBuild() throws IOException {
    String localPom = Repo.read("docker/local/pom.xml");
    String flinkVersion = property(localPom, "flink.version");
    String kafkaVersion = property(localPom, "kafka.version");
    assertThat(flinkVersion)
        .as("docker/local/pom.xml runs the Flink the job is built against")
        .isEqualTo(property(Repo.read("pom.xml"), "flink.version"));
    String flinkMinor = flinkVersion.replaceAll("^(\\d+\\.\\d+).*", "$1");

    assertThat(services.path("kafka").path("image").asText())
        .isEqualTo("apache/kafka:" + kafkaVersion);
    assertThat(services.path("topics").path("image").asText())
        .isEqualTo("apache/kafka:" + kafkaVersion);

    List<String> dockerfile = Repo.read("docker/Dockerfile").lines().toList();
    assertThat(dockerfile).contains("FROM flink:" + flinkMinor + "-java17");
    assertThat(services.path("jobmanager").path("build").path("context").asText()).isEqualTo("..");
    assertThat(services.path("jobmanager").path("build").path("dockerfile").asText())
        .isEqualTo("docker/Dockerfile");
    for (String service : List.of("jobmanager", "taskmanager", "submit", "tiles")) {
      assertThat(services.path(service).path("image").asText())
          .as("image of %s", service)
          .isEqualTo(JOB_IMAGE);
    }
    assertThat(k8s.path("spec").path("image").asText()).isEqualTo(JOB_IMAGE);
    assertThat(k8s.path("spec").path("flinkVersion").asText())
        .isEqualTo("v" + flinkMinor.replace('.', '_'));

    // The image carries the jars the build makes, where the job and tile server expect them.
    String jobsPom = Repo.read("jobs/pom.xml");
    assertThat(jobsPom)
        .contains("<outputFile>${project.build.directory}/crowdhex-job.jar</outputFile>")
        .contains("<outputFile>${project.build.directory}/crowdhex-all.jar</outputFile>");
    assertThat(dockerfile)
        .anyMatch(l -> l.matches("COPY .*jobs/target/crowdhex-job\\.jar " + JOB_JAR))
        .anyMatch(
            l ->
                l.matches("COPY .*jobs/target/crowdhex-all\\.jar /opt/crowdhex/crowdhex-all\\.jar"))
        .anyMatch(l -> l.matches("COPY .*geo-data/plans " + GEO_DATA + "/plans"))
        .anyMatch(l -> l.matches("COPY .*geo-data/venues " + GEO_DATA + "/venues"));
    assertThat(Repo.read(".dockerignore").lines())
        .contains(
            "!jobs/target/crowdhex-job.jar",
            "!jobs/target/crowdhex-all.jar",
            "!geo-data/plans",
            "!geo-data/venues");
  }

  @Test
  void flinkSettingsAreTheLocalOnes() {
    Map<String, String> shared = new LinkedHashMap<>(localFlink);
    shared.keySet().removeAll(FLINK_LOCAL_ONLY);
    shared.keySet().removeAll(CHECKPOINT_DIRS);
    assertThat(shared)
        .containsEntry("taskmanager.numberOfTaskSlots", "2")
        .containsEntry("rest.port", "8081")
        .containsKeys("jobmanager.memory.process.size", "taskmanager.memory.process.size");
    for (String dir : CHECKPOINT_DIRS) {
      assertThat(localFlink.get(dir)).as(dir).startsWith("file://" + stackDir);
    }

    // Compose: the same settings in the JobManager and the TaskManager.
    Map<String, String> jm = flinkProperties("jobmanager");
    assertThat(flinkProperties("taskmanager")).isEqualTo(jm);
    Map<String, String> composeShared = new LinkedHashMap<>(jm);
    assertThat(composeShared.remove("jobmanager.rpc.address")).isEqualTo("jobmanager");
    assertThat(composeShared.remove("execution.checkpointing.dir"))
        .isEqualTo("file:///flink-data/checkpoints");
    assertThat(composeShared.remove("execution.checkpointing.savepoint-dir"))
        .isEqualTo("file:///flink-data/savepoints");
    assertThat(composeShared).containsExactlyInAnyOrderEntriesOf(shared);
    // Checkpoint storage must be one folder that both processes see.
    for (String service : List.of("jobmanager", "taskmanager")) {
      assertThat(volumes(service)).containsEntry("/flink-data", "flink-data");
    }

    // Kubernetes: memory goes into the resource specs, the rest into flinkConfiguration.
    JsonNode spec = k8s.path("spec");
    Map<String, String> k8sShared = flatStrings(spec.path("flinkConfiguration"), "");
    assertThat(k8sShared.remove("execution.checkpointing.dir"))
        .isEqualTo("file:///flink-data/checkpoints");
    assertThat(k8sShared.remove("execution.checkpointing.savepoint-dir"))
        .isEqualTo("file:///flink-data/savepoints");
    k8sShared.put(
        "jobmanager.memory.process.size",
        spec.path("jobManager").path("resource").path("memory").asText());
    k8sShared.put(
        "taskmanager.memory.process.size",
        spec.path("taskManager").path("resource").path("memory").asText());
    assertThat(k8sShared).containsExactlyInAnyOrderEntriesOf(shared);
    assertThat(volumeMounts()).containsEntry("/flink-data", "flink-data");
  }

  @Test
  void kafkaSettingsAreTheLocalOnes() {
    Map<String, String> shared = new LinkedHashMap<>(localKafka);
    shared.keySet().removeAll(KAFKA_PLACE);
    // What a single broker needs for transactions and consumer groups.
    assertThat(shared)
        .containsEntry("process.roles", "broker,controller")
        .containsEntry("offsets.topic.replication.factor", "1")
        .containsEntry("transaction.state.log.replication.factor", "1")
        .containsEntry("transaction.state.log.min.isr", "1")
        .containsEntry("transaction.max.timeout.ms", "3600000");

    JsonNode env = services.path("kafka").path("environment");
    Map<String, String> composeKafka = new LinkedHashMap<>();
    env.fields()
        .forEachRemaining(
            e -> {
              if (e.getKey().startsWith("KAFKA_")) {
                composeKafka.put(kafkaProperty(e.getKey()), e.getValue().asText());
              }
            });
    assertThat(env.path("CLUSTER_ID").asText()).matches("[A-Za-z0-9_-]{22}");
    Map<String, String> composeShared = new LinkedHashMap<>(composeKafka);
    composeShared.keySet().removeAll(KAFKA_PLACE);
    assertThat(composeShared).containsExactlyInAnyOrderEntriesOf(shared);
    assertThat(composeKafka)
        .containsEntry("controller.quorum.voters", "1@kafka:9093")
        .containsEntry(
            "listener.security.protocol.map",
            "CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT,HOST:PLAINTEXT");

    // Inside the compose network the broker is kafka:19092; from the host, the local port.
    String localPort = port(localKafka.get("advertised.listeners"), "PLAINTEXT");
    assertThat(composeKafka.get("advertised.listeners"))
        .isEqualTo("PLAINTEXT://kafka:19092,HOST://127.0.0.1:" + localPort);
    assertThat(composeKafka.get("listeners")).contains("HOST://:9092");
    assertThat(strings(services.path("kafka").path("ports")))
        .containsExactly("127.0.0.1:" + localPort + ":9092");
  }

  @Test
  void portsAreTheLocalOnes() {
    String rest = localFlink.get("rest.port");
    assertThat(strings(services.path("jobmanager").path("ports")))
        .containsExactly("127.0.0.1:" + rest + ":" + rest);
    assertThat(submitCommand()).containsSequence("-m", "jobmanager:" + rest);
    assertThat(strings(services.path("tiles").path("ports")))
        .containsExactly("127.0.0.1:8080:8080");
    assertThat(strings(services.path("tiles").path("command")))
        .containsSequence("--bind", "0.0.0.0")
        .containsSequence("--port", "8080");
  }

  @Test
  void thePlanIsMountedWhereTheJobReadsIt() {
    List<String> args = jobArguments();
    String plan = argument(args, "--plan");
    assertThat(plan).startsWith(GEO_DATA + "/plans/");

    // The submitter reads the plan (job main runs there), the JobManager too for REST runs.
    for (String service : List.of("submit", "jobmanager")) {
      assertThat(volumes(service))
          .as("volumes of %s", service)
          .containsEntry(GEO_DATA, "../geo-data:ro");
    }
    // The mounted file is a valid plan of the repository, venues and all.
    Path repoPlan = Repo.file("geo-data" + plan.substring(GEO_DATA.length()));
    EventPlan read = PlanReader.read(repoPlan);
    assertThat(read.name()).isNotBlank();

    // Outputs: the job writes where the tile server reads.
    assertThat(argument(args, "--out")).isEqualTo(OUT);
    for (String service : List.of("submit", "jobmanager", "taskmanager")) {
      assertThat(volumes(service)).as("volumes of %s", service).containsEntry(OUT, "crowdhex-out");
    }
    assertThat(volumes("tiles")).containsEntry(OUT, "crowdhex-out:ro");
    assertThat(strings(services.path("tiles").path("command")))
        .containsSequence("serve", "--tiles", OUT + "/tiles");
    assertThat(strings(services.path("tiles").path("entrypoint")))
        .containsSequence("-jar", "/opt/crowdhex/crowdhex-all.jar");

    // Kubernetes runs the same jar with the same arguments, the plan mounted at the same place;
    // only the Kafka address is the cluster's own.
    JsonNode job = k8s.path("spec").path("job");
    assertThat(job.path("jarURI").asText()).isEqualTo("local://" + JOB_JAR);
    assertThat(job.path("entryClass").asText()).isEqualTo("org.crowdhex.job.MonitorJob");
    List<String> k8sArgs = strings(job.path("args"));
    assertThat(withoutValueOf(k8sArgs, "--kafka.bootstrap_servers"))
        .isEqualTo(withoutValueOf(args, "--kafka.bootstrap_servers"));
    assertThat(argument(args, "--kafka.bootstrap_servers")).isEqualTo("kafka:19092");
    assertThat(volumeMounts())
        .containsEntry(GEO_DATA + "/plans", "plans")
        .containsEntry(GEO_DATA + "/venues", "venues")
        .containsEntry(OUT, "crowdhex-out");
  }

  @Test
  void kubernetesResourceIsAFlinkDeployment() {
    assertThat(k8s.path("apiVersion").asText()).isEqualTo("flink.apache.org/v1beta1");
    assertThat(k8s.path("kind").asText()).isEqualTo("FlinkDeployment");
    JsonNode spec = k8s.path("spec");
    assertThat(spec.path("mode").asText()).isEqualTo("native");
    assertThat(spec.path("job").path("parallelism").asText())
        .isEqualTo(localFlink.get("parallelism.default"));
    assertThat(strings(spec.path("podTemplate").path("spec").path("containers"), "name"))
        .containsExactly("flink-main-container");
    JsonNode env = spec.path("podTemplate").path("spec").path("containers").get(0).path("env");
    assertThat(env.get(0).path("name").asText()).isEqualTo("CROWDHEX_PSEUDONYM_KEY");
    assertThat(env.get(0).path("valueFrom").path("secretKeyRef").path("name").asText())
        .isEqualTo("crowdhex-pseudonym-key");
  }

  @Test
  void dockerComposeAcceptsTheFile() throws Exception {
    Path composeBin =
        Repo.executable(
            "docker-compose",
            "install Debian's docker-compose (apt-get install docker-compose), as .ci/run does;"
                + " it checks the file offline, without a Docker engine");
    String normalised =
        Repo.runOk(
            List.of(composeBin.toString(), "-f", "docker/compose.yaml", "config"),
            Map.of("CROWDHEX_PSEUDONYM_KEY", "a-key-only-for-checking-the-compose-file-0123"),
            120);
    // Without the pseudonym key the stack does not start: the job would refuse to.
    Repo.Result noKey =
        Repo.run(
            List.of(composeBin.toString(), "-f", "docker/compose.yaml", "config"), Map.of(), 120);
    assertThat(noKey.exitCode()).as(noKey.output()).isNotZero();
    assertThat(noKey.output()).contains("CROWDHEX_PSEUDONYM_KEY");
    JsonNode resolved = YAML.readTree(normalised).path("services");
    assertThat(names(resolved))
        .containsExactlyInAnyOrder(
            "kafka", "topics", "jobmanager", "taskmanager", "submit", "tiles");
    // The env file reaches the container that creates the topics.
    JsonNode env = resolved.path("topics").path("environment");
    topics.forEach((k, v) -> assertThat(env.path(k).asText()).as(k).isEqualTo(v));
    // One-shot services run once, after what they need.
    assertThat(resolved.path("submit").path("depends_on").path("topics").path("condition").asText())
        .isEqualTo("service_completed_successfully");
    assertThat(
            resolved
                .path("submit")
                .path("depends_on")
                .path("jobmanager")
                .path("condition")
                .asText())
        .isEqualTo("service_healthy");
  }

  // --- helpers ---

  private static Map<String, String> flinkProperties(String service) {
    String text = services.path(service).path("environment").path("FLINK_PROPERTIES").asText();
    assertThat(text).as("FLINK_PROPERTIES of %s", service).isNotBlank();
    Map<String, String> props = new LinkedHashMap<>();
    for (String line : text.split("\n")) {
      if (line.isBlank()) continue;
      int colon = line.indexOf(": ");
      assertThat(colon).as("a 'key: value' line: %s", line).isPositive();
      props.put(line.substring(0, colon).strip(), line.substring(colon + 2).strip());
    }
    return props;
  }

  /** Mount point to source of each volume of a compose service ("source[:ro]"). */
  private static Map<String, String> volumes(String service) {
    Map<String, String> byTarget = new LinkedHashMap<>();
    for (String v : strings(services.path(service).path("volumes"))) {
      String[] parts = v.split(":");
      String mode = parts.length > 2 ? ":" + parts[2] : "";
      byTarget.put(parts[1], parts[0] + mode);
    }
    return byTarget;
  }

  private static JsonNode mainContainer() {
    return k8s.path("spec").path("podTemplate").path("spec").path("containers").path(0);
  }

  /** Mount path to volume name in the Kubernetes pod template. */
  private static Map<String, String> volumeMounts() {
    Map<String, String> mounts = new LinkedHashMap<>();
    for (JsonNode m : mainContainer().path("volumeMounts")) {
      mounts.put(m.path("mountPath").asText(), m.path("name").asText());
    }
    return mounts;
  }

  private static List<String> submitCommand() {
    return strings(services.path("submit").path("command"));
  }

  /** What the submitter passes to the job: its command after {@code flink run ... JAR}. */
  private static List<String> jobArguments() {
    List<String> submit = submitCommand();
    assertThat(submit.subList(0, 6))
        .containsExactly("flink", "run", "-m", submit.get(3), "-d", JOB_JAR);
    return submit.subList(6, submit.size());
  }

  /** The --kafka.NAME VALUE pairs of a job's arguments, by NAME. */
  private static Map<String, String> kafkaArguments(List<String> args) {
    Map<String, String> out = new LinkedHashMap<>();
    for (int i = 0; i + 1 < args.size(); i++) {
      if (args.get(i).startsWith("--kafka.")) {
        out.put(args.get(i).substring("--kafka.".length()), args.get(i + 1));
      }
    }
    return out;
  }

  private static String argument(List<String> args, String name) {
    int i = args.indexOf(name);
    assertThat(i).as("%s in %s", name, args).isNotNegative().isLessThan(args.size() - 1);
    return args.get(i + 1);
  }

  private static List<String> withoutValueOf(List<String> args, String name) {
    List<String> copy = new ArrayList<>(args);
    copy.set(copy.indexOf(name) + 1, "<" + name + ">");
    return copy;
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  private static List<String> strings(JsonNode array, String field) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.path(field).asText()));
    return out;
  }

  private static List<String> names(JsonNode object) {
    List<String> out = new ArrayList<>();
    object.fieldNames().forEachRemaining(out::add);
    return out;
  }

  /** A YAML tree as flat "a.b.c" keys with string values, as Flink reads its config.yaml. */
  private static Map<String, String> flatStrings(JsonNode node, String prefix) {
    Map<String, String> out = new LinkedHashMap<>();
    node.fields()
        .forEachRemaining(
            e -> {
              String key = prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey();
              if (e.getValue().isObject()) {
                out.putAll(flatStrings(e.getValue(), key));
              } else {
                out.put(key, e.getValue().asText());
              }
            });
    return out;
  }

  private static Map<String, String> properties(String text) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String line : text.split("\n")) {
      String l = line.strip();
      if (l.isEmpty() || l.startsWith("#")) continue;
      int eq = l.indexOf('=');
      out.put(l.substring(0, eq), l.substring(eq + 1));
    }
    return out;
  }

  /**
   * The server property an environment variable sets in the apache/kafka image: KAFKA_ dropped,
   * lower case, "___" for "-", "__" for "_", "_" for ".".
   */
  private static String kafkaProperty(String env) {
    return env.substring("KAFKA_".length())
        .toLowerCase(Locale.ROOT)
        .replace("___", "-")
        .replace("__", "\u0000")
        .replace('_', '.')
        .replace('\u0000', '_');
  }

  private static String port(String listeners, String name) {
    Matcher m = Pattern.compile(name + "://[^:,]*:(\\d+)").matcher(listeners);
    assertThat(m.find()).as("%s listener in %s", name, listeners).isTrue();
    return m.group(1);
  }

  private static String property(String pom, String name) {
    Matcher m = Pattern.compile("<" + Pattern.quote(name) + ">([^<]+)</").matcher(pom);
    assertThat(m.find()).as("<%s> in a pom", name).isTrue();
    return m.group(1);
  }
}
