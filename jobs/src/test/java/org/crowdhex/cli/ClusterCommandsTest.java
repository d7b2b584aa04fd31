package org.crowdhex.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * submit, status, cancel and savepoint as a user meets them when something is wrong: no cluster, no
 * jar, a plan or setting the job would refuse, a job that failed. A small HTTP server answers as a
 * Flink JobManager's REST API does (the shapes of Flink 2.2's answers); the commands against a real
 * cluster are exercised by {@code LiveClusterIT}.
 */
class ClusterCommandsTest {
  private static final String JOB = "5f77259cefc71893fafe42b22883e6c2";

  @TempDir Path dir;
  private Path plan;
  private Path jar;
  private HttpServer server;
  private String cluster;
  private final Map<String, String[]> answers = new ConcurrentHashMap<>();
  private final List<String> requests = new CopyOnWriteArrayList<>();
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @BeforeEach
  void planJarAndCluster() throws IOException {
    Files.copy(
        CommandLineTest.repoFile("geo-data/venues/rotterdam.geojson"),
        dir.resolve("venues.geojson"));
    plan = dir.resolve("plan.yaml");
    Files.writeString(
        plan,
        """
        name: cluster commands
        venues: {file: venues.geojson, include: [kuip]}
        kafka: {input_topic: match.posts}
        """);
    jar = dir.resolve("crowdhex-job.jar");
    Files.write(jar, new byte[] {'P', 'K', 3, 4});
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::answer);
    server.start();
    cluster = "http://127.0.0.1:" + server.getAddress().getPort();
    answers.put(
        "GET /overview", ok("{\"taskmanagers\":1,\"slots-total\":2,\"flink-version\":\"2.2.1\"}"));
  }

  @AfterEach
  void stopServer() {
    server.stop(0);
  }

  private void answer(HttpExchange x) throws IOException {
    String key = x.getRequestMethod() + " " + x.getRequestURI();
    requests.add(key);
    x.getRequestBody().readAllBytes();
    String[] a =
        answers.getOrDefault(
            key, new String[] {"404", "{\"errors\":[\"Not found: " + x.getRequestURI() + "\"]}"});
    byte[] body = a[1].getBytes(StandardCharsets.UTF_8);
    x.getResponseHeaders().add("Content-Type", "application/json");
    x.sendResponseHeaders(Integer.parseInt(a[0]), body.length);
    x.getResponseBody().write(body);
    x.close();
  }

  private static String[] ok(String json) {
    return new String[] {"200", json};
  }

  private int run(String... args) {
    CommandLine cl = Crowdhex.commandLine();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    return cl.execute(args);
  }

  @Test
  void anUnreachableClusterIsNamedWithHowToStartOne() throws IOException {
    int closed;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closed = s.getLocalPort();
    }
    int code =
        run(
            "submit",
            plan.toString(),
            "--bootstrap",
            "127.0.0.1:9092",
            "--jar",
            jar.toString(),
            "--cluster",
            "http://127.0.0.1:" + closed);
    assertThat(code).isEqualTo(Crowdhex.USER_ERROR);
    assertThat(err.toString())
        .startsWith("crowdhex: --cluster http://127.0.0.1:" + closed + " did not answer (")
        .contains("accepted: the REST address of a running Flink JobManager")
        .contains("docker/local/stack start");
  }

  @Test
  void aMissingJarSaysHowToBuildIt() {
    Path none = dir.resolve("nowhere/crowdhex-job.jar");
    int code =
        run(
            "submit",
            plan.toString(),
            "--bootstrap",
            "127.0.0.1:9092",
            "--jar",
            none.toString(),
            "--cluster",
            cluster);
    assertThat(code).isEqualTo(Crowdhex.USER_ERROR);
    assertThat(err.toString())
        .contains("no job jar at " + none)
        .contains("build it with ./mvnw -q -DskipTests package");
    assertThat(requests).isEmpty();
  }

  @Test
  void kafkaSettingsAreCheckedBeforeAnythingIsUploaded() {
    assertThat(run("submit", plan.toString(), "--jar", jar.toString(), "--cluster", cluster))
        .isEqualTo(Crowdhex.USER_ERROR);
    assertThat(err.toString())
        .contains("kafka.bootstrap_servers is missing; accepted: --bootstrap");

    err.getBuffer().setLength(0);
    int code =
        run(
            "submit",
            plan.toString(),
            "--bootstrap",
            "127.0.0.1:9092",
            "--kafka",
            "delivery=twice",
            "--jar",
            jar.toString(),
            "--cluster",
            cluster);
    assertThat(code).isEqualTo(Crowdhex.USER_ERROR);
    assertThat(err.toString())
        .contains("kafka.delivery is \"twice\"; accepted: exactly_once or at_least_once");
    assertThat(requests).isEmpty();
  }

  @Test
  void aJobTheClusterRefusesIsReportedWithItsRootCause() {
    answers.put(
        "POST /jars/upload",
        ok("{\"filename\":\"/opt/flink/web-upload/abc_crowdhex-job.jar\",\"status\":\"success\"}"));
    answers.put(
        "POST /jars/abc_crowdhex-job.jar/run",
        new String[] {
          "500",
          "{\"errors\":[\"org.apache.flink.runtime.rest.handler.RestHandlerException: Could not"
              + " execute application.\\n"
              + "\\tat"
              + " org.apache.flink.runtime.webmonitor.handlers.JarRunHandler.lambda$handleRequest$1(JarRunHandler.java:123)\\n"
              + "Caused by: org.apache.flink.client.program.ProgramInvocationException: The main"
              + " method caused an error: boom\\n"
              + "\\tat x.y(Z.java:1)\\n"
              + "Caused by: org.crowdhex.privacy.PseudonymKeyException: the pseudonym key is unset:"
              + " environment variable CROWDHEX_PSEUDONYM_KEY is empty; accepted: a secret of at"
              + " least 32 bytes\\n"
              + "\\tat org.crowdhex.privacy.PseudonymKey.load(PseudonymKey.java:99)\\n"
              + "\\t... 12 more\\n"
              + "\"]}"
        });
    answers.put("DELETE /jars/abc_crowdhex-job.jar", ok("{}"));
    int code =
        run(
            "submit",
            plan.toString(),
            "--bootstrap",
            "127.0.0.1:9092",
            "--jar",
            jar.toString(),
            "--cluster",
            cluster);
    assertThat(code).isEqualTo(Crowdhex.USER_ERROR);
    assertThat(err.toString())
        .isEqualTo(
            "crowdhex: the cluster at "
                + cluster
                + " did not start the job: PseudonymKeyException: the pseudonym key is unset:"
                + " environment variable CROWDHEX_PSEUDONYM_KEY is empty; accepted: a secret of"
                + " at least 32 bytes"
                + System.lineSeparator());
    // The uploaded jar is removed again; the plan went as an absolute path, the settings given
    // here as --kafka.NAME arguments.
    assertThat(requests)
        .containsExactly(
            "GET /overview",
            "POST /jars/upload",
            "POST /jars/abc_crowdhex-job.jar/run",
            "DELETE /jars/abc_crowdhex-job.jar");
  }

  @Test
  void statusOfAFailedJobShowsTheRootExceptionAndExitsThree() {
    answers.put(
        "GET /jobs/" + JOB,
        ok(
            "{\"jid\":\""
                + JOB
                + "\",\"name\":\"crowdhex live: match\",\"state\":\"FAILED\",\"start-time\":"
                + "1795915018847,\"duration\":13462}"));
    answers.put(
        "GET /jobs/" + JOB + "/checkpoints",
        ok(
            "{\"counts\":{\"restored\":1,\"total\":7,\"in_progress\":0,\"completed\":5,"
                + "\"failed\":2},\"latest\":{\"completed\":{\"id\":7,\"latest_ack_timestamp\":"
                + "1795915030000,\"external_path\":\"file:/data/checkpoints/"
                + JOB
                + "/chk-7\"},\"savepoint\":null,\"failed\":null,\"restored\":{\"id\":4,"
                + "\"is_savepoint\":false,\"restore_timestamp\":1795915025000,\"external_path\":"
                + "\"file:/data/checkpoints/"
                + JOB
                + "/chk-4\"}}}"));
    answers.put(
        "GET /jobs/" + JOB + "/exceptions",
        ok(
            "{\"exceptionHistory\":{\"entries\":[{\"exceptionName\":"
                + "\"org.apache.flink.runtime.JobException\",\"timestamp\":1795915031000,"
                + "\"taskName\":\"kafka crowdhex.density\",\"stacktrace\":"
                + "\"org.apache.flink.runtime.JobException: Recovery is suppressed by"
                + " NoRestartBackoffTimeStrategy\\n\\tat a.b(C.java:1)\\nCaused by:"
                + " org.apache.kafka.common.errors.TimeoutException: Timeout expired after"
                + " 60000ms while awaiting InitProducerId\\n\"}],\"truncated\":false}}"));
    int code = run("status", JOB, "--cluster", cluster);
    assertThat(code).isEqualTo(Crowdhex.RUN_FAILED);
    assertThat(out.toString())
        .contains("job " + JOB + ": crowdhex live: match")
        .contains("state:       FAILED, 13 s since 2026-11-29 01:16:58Z")
        .contains("web UI:      " + cluster + "/#/job/running/" + JOB + "/overview")
        .contains("checkpoints: 5 completed, 2 failed, 0 in progress")
        .contains("latest:    7 at 2026-11-29 01:17:10Z, file:/data/checkpoints/" + JOB + "/chk-7")
        .contains("restored:  checkpoint 4 at 2026-11-29 01:17:05Z, from file:/data/checkpoints/")
        .contains(
            "failures:    1; the latest: org.apache.flink.runtime.JobException: Recovery is"
                + " suppressed by NoRestartBackoffTimeStrategy\n"
                + "  root cause: TimeoutException: Timeout expired after 60000ms while awaiting"
                + " InitProducerId\n"
                + "  in: kafka crowdhex.density");
  }

  @Test
  void anUnknownJobAndABadJobIdAreNamed() {
    assertThat(run("cancel", JOB, "--cluster", cluster)).isEqualTo(Crowdhex.USER_ERROR);
    assertThat(err.toString())
        .contains("the cluster at " + cluster + " has no job " + JOB)
        .contains("accepted: a job id that crowdhex status lists");

    err.getBuffer().setLength(0);
    assertThat(run("savepoint", "job-1", "--cluster", cluster)).isEqualTo(Crowdhex.USER_ERROR);
    assertThat(err.toString())
        .contains("JOB is \"job-1\"; accepted: a Flink job id of 32 hexadecimal digits");

    err.getBuffer().setLength(0);
    assertThat(run("status", "--cluster", "localhost:8081")).isEqualTo(Crowdhex.USER_ERROR);
    assertThat(err.toString())
        .contains("--cluster is \"localhost:8081\"; accepted: the address of a Flink JobManager's")
        .contains("such as http://127.0.0.1:8081");
  }

  @Test
  void statusListsTheJobsNewestFirst() {
    answers.put(
        "GET /jobs/overview",
        ok(
            "{\"jobs\":[{\"jid\":\"11fe2c68656d68a8b683fcff1e50c5c1\",\"name\":\"crowdhex live:"
                + " old\",\"start-time\":1795915000000,\"duration\":0,\"state\":\"FAILED\"},"
                + "{\"jid\":\""
                + JOB
                + "\",\"name\":\"crowdhex live: new\",\"start-time\":1795915100000,"
                + "\"duration\":200000,\"state\":\"RUNNING\"}]}"));
    assertThat(run("status", "--cluster", cluster)).isZero();
    assertThat(out.toString().lines().toList())
        .containsExactly(
            "cluster " + cluster + ": Flink 2.2.1, 1 TaskManager(s), 2 slots (0 free)",
            "JOB                               STATE      STARTED               DURATION      "
                + " NAME",
            JOB + "  RUNNING    2026-11-29 01:18:20Z  3 min 20 s     crowdhex live: new",
            "11fe2c68656d68a8b683fcff1e50c5c1  FAILED     2026-11-29 01:16:40Z  0 s           "
                + " crowdhex live: old");
  }
}
