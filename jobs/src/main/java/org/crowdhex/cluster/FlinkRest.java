package org.crowdhex.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A client of a Flink cluster's REST API (the JobManager's web port, 8081 by default): upload a job
 * jar and run it, ask for jobs, their checkpoints and failures, cancel them, take savepoints and
 * stop with one. Plain HTTP and JSON, so it needs no Flink on the classpath and talks to any Flink
 * 2.x session cluster. Every failure is a {@link ClusterException} with a sentence that says what
 * was asked, of which cluster, and what it answered.
 */
public final class FlinkRest {
  /** The states after which a job does nothing more. */
  public static final Set<String> TERMINAL = Set.of("FINISHED", "FAILED", "CANCELED");

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern JOB_ID = Pattern.compile("[0-9a-f]{32}");
  private static final Duration CONNECT = Duration.ofSeconds(5);
  private static final Duration REQUEST = Duration.ofSeconds(30);

  /** A jar run waits while the job's main method runs in the JobManager (it asks Kafka, too). */
  private static final Duration RUN = Duration.ofMinutes(3);

  private final URI base;
  private final HttpClient http;

  private FlinkRest(URI base) {
    this.base = base;
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(CONNECT)
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();
  }

  /**
   * A client of the cluster at this address.
   *
   * @param address {@code http://HOST:PORT} of the JobManager's REST API (a path prefix is kept,
   *     for a cluster behind a proxy)
   * @throws ClusterException when the address is not an http or https URL
   */
  public static FlinkRest of(String address) {
    String accepted =
        "; accepted: the address of a Flink JobManager's REST API, such as http://127.0.0.1:8081";
    URI uri;
    try {
      uri = new URI(address.trim());
    } catch (URISyntaxException e) {
      throw new ClusterException("--cluster is \"" + address + "\"" + accepted);
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
      throw new ClusterException("--cluster is \"" + address + "\"" + accepted);
    }
    String s = uri.toString();
    while (s.endsWith("/")) s = s.substring(0, s.length() - 1);
    return new FlinkRest(URI.create(s));
  }

  /** The cluster's address, e.g. {@code http://127.0.0.1:8081}. */
  public String address() {
    return base.toString();
  }

  /** Where the web UI shows a job. */
  public String webUi(String jobId) {
    return base + "/#/job/running/" + jobId + "/overview";
  }

  /** Whether a text is a Flink job id (32 hex digits). */
  public static boolean isJobId(String text) {
    return text != null && JOB_ID.matcher(text).matches();
  }

  // --- the cluster ---

  /** {@code GET /overview}: version, TaskManagers, slots, jobs by state. */
  public JsonNode overview() {
    return get("/overview");
  }

  // --- jars ---

  /**
   * Uploads a job jar ({@code POST /jars/upload}).
   *
   * @return the jar's id on the cluster
   */
  public String upload(Path jar) {
    String boundary = "crowdhex-" + UUID.randomUUID();
    String head =
        "--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\"jarfile\"; filename=\""
            + jar.getFileName()
            + "\"\r\nContent-Type: application/x-java-archive\r\n\r\n";
    String tail = "\r\n--" + boundary + "--\r\n";
    HttpRequest.BodyPublisher body;
    try {
      body =
          HttpRequest.BodyPublishers.concat(
              HttpRequest.BodyPublishers.ofString(head),
              HttpRequest.BodyPublishers.ofFile(jar),
              HttpRequest.BodyPublishers.ofString(tail));
    } catch (IOException e) {
      throw new ClusterException("cannot read the job jar " + jar + ": " + e.getMessage());
    }
    JsonNode answer =
        send(
            "POST",
            "/jars/upload",
            request("/jars/upload", Duration.ofMinutes(5))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(body));
    String file = answer.path("filename").asText("");
    if (!"success".equals(answer.path("status").asText()) || file.isEmpty()) {
      throw new ClusterException(
          "the cluster at " + base + " did not take the jar " + jar + ": " + answer);
    }
    return Path.of(file).getFileName().toString();
  }

  /**
   * What to run from an uploaded jar.
   *
   * @param entryClass the class whose main method builds the job
   * @param args the main method's arguments
   * @param parallelism the job's default parallelism, or null for the cluster's
   * @param savepointPath a savepoint or retained checkpoint to start from, or null
   * @param allowNonRestoredState whether state in the savepoint that no operator claims is skipped
   *     rather than an error
   */
  public record RunRequest(
      String entryClass,
      List<String> args,
      Integer parallelism,
      String savepointPath,
      boolean allowNonRestoredState) {}

  /**
   * Runs an uploaded jar ({@code POST /jars/JAR/run}): its main method runs in the JobManager and
   * submits the job.
   *
   * @return the job id
   */
  public String run(String jarId, RunRequest r) {
    ObjectNode body = JSON.createObjectNode();
    body.put("entryClass", r.entryClass());
    ArrayNode args = body.putArray("programArgsList");
    r.args().forEach(args::add);
    if (r.parallelism() != null) body.put("parallelism", r.parallelism());
    if (r.savepointPath() != null) {
      body.put("savepointPath", r.savepointPath());
      body.put("allowNonRestoredState", r.allowNonRestoredState());
    }
    String path = "/jars/" + jarId + "/run";
    JsonNode answer = send("POST", path, request(path, RUN).POST(json(body)));
    String job = answer.path("jobid").asText("");
    if (!isJobId(job)) {
      throw new ClusterException(
          "the cluster at " + base + " ran the jar but named no job: " + answer);
    }
    return job;
  }

  /** Deletes an uploaded jar ({@code DELETE /jars/JAR}); a running job keeps its own copy. */
  public void deleteJar(String jarId) {
    String path = "/jars/" + jarId;
    send("DELETE", path, request(path, REQUEST).DELETE());
  }

  // --- jobs ---

  /** {@code GET /jobs/overview}: every job the cluster knows, with its state. */
  public JsonNode jobs() {
    return get("/jobs/overview");
  }

  /** {@code GET /jobs/JOB}: state, name, times and vertices of a job. */
  public JsonNode job(String jobId) {
    return get("/jobs/" + jobId);
  }

  /** The state of a job, e.g. {@code RUNNING}, {@code FAILED}. */
  public String state(String jobId) {
    return job(jobId).path("state").asText("UNKNOWN");
  }

  /** {@code GET /jobs/JOB/checkpoints}: counts and the latest completed, failed and restored. */
  public JsonNode checkpoints(String jobId) {
    return get("/jobs/" + jobId + "/checkpoints");
  }

  /**
   * The most recent failure of a job ({@code GET /jobs/JOB/exceptions}): the exception and its root
   * cause in a few lines, where the task ran; empty when the job has not failed.
   */
  public Optional<String> lastFailure(String jobId) {
    JsonNode entries =
        get("/jobs/" + jobId + "/exceptions").path("exceptionHistory").path("entries");
    if (!entries.isArray() || entries.isEmpty()) return Optional.empty();
    JsonNode newest = entries.get(0);
    for (JsonNode e : entries) {
      if (e.path("timestamp").asLong() > newest.path("timestamp").asLong()) newest = e;
    }
    String where = newest.path("taskName").asText("");
    String trace = newest.path("stacktrace").asText("");
    String root = rootCause(trace);
    String first = trace.lines().findFirst().orElse(newest.path("exceptionName").asText(""));
    StringBuilder sb = new StringBuilder(first);
    if (!root.isEmpty() && !root.equals(first)) sb.append("\n  root cause: ").append(root);
    if (!where.isEmpty() && !where.equals("null")) sb.append("\n  in: ").append(where);
    return Optional.of(sb.toString());
  }

  /** How many times a job has failed and restarted, from its exception history. */
  public int failures(String jobId) {
    JsonNode entries =
        get("/jobs/" + jobId + "/exceptions").path("exceptionHistory").path("entries");
    return entries.isArray() ? entries.size() : 0;
  }

  /** Cancels a job ({@code PATCH /jobs/JOB?mode=cancel}); returns at once. */
  public void cancel(String jobId) {
    String path = "/jobs/" + jobId + "?mode=cancel";
    send(
        "PATCH", path, request(path, REQUEST).method("PATCH", HttpRequest.BodyPublishers.noBody()));
  }

  /**
   * Triggers a savepoint of a running job ({@code POST /jobs/JOB/savepoints}); the job runs on.
   *
   * @param directory where the savepoint goes, or null for the cluster's {@code
   *     execution.checkpointing.savepoint-dir}
   * @return the trigger id to {@link #awaitSavepoint await}
   */
  public String savepoint(String jobId, String directory) {
    ObjectNode body = JSON.createObjectNode();
    if (directory != null) body.put("target-directory", directory);
    body.put("cancel-job", false);
    String path = "/jobs/" + jobId + "/savepoints";
    return send("POST", path, request(path, REQUEST).POST(json(body))).path("request-id").asText();
  }

  /**
   * Stops a job with a savepoint ({@code POST /jobs/JOB/stop}): sources stop, the savepoint is
   * taken, and with exactly-once Kafka outputs its transactions commit, so a job resumed from it
   * writes on where this one stopped.
   *
   * @param directory where the savepoint goes, or null for the cluster's savepoint folder
   * @param drain whether to end every window first (only for a job that will not be resumed)
   * @return the trigger id to {@link #awaitSavepoint await}
   */
  public String stop(String jobId, String directory, boolean drain) {
    ObjectNode body = JSON.createObjectNode();
    if (directory != null) body.put("targetDirectory", directory);
    body.put("drain", drain);
    String path = "/jobs/" + jobId + "/stop";
    return send("POST", path, request(path, REQUEST).POST(json(body))).path("request-id").asText();
  }

  /**
   * Waits for a savepoint ({@code GET /jobs/JOB/savepoints/TRIGGER}).
   *
   * @return its location
   * @throws ClusterException when it fails (with the cluster's reason) or takes longer than the
   *     timeout
   */
  public String awaitSavepoint(String jobId, String triggerId, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    String path = "/jobs/" + jobId + "/savepoints/" + triggerId;
    while (true) {
      JsonNode answer = get(path);
      if ("COMPLETED".equals(answer.path("status").path("id").asText())) {
        JsonNode op = answer.path("operation");
        String location = op.path("location").asText("");
        if (!location.isEmpty()) return location;
        JsonNode cause = op.path("failure-cause");
        String trace = cause.path("stack-trace").asText("");
        String root = rootCause(trace);
        throw new ClusterException(
            "the savepoint of job "
                + jobId
                + " failed: "
                + (root.isEmpty() ? cause.path("class").asText("no reason given") : root));
      }
      if (System.nanoTime() > deadline) {
        throw new ClusterException(
            "the savepoint of job "
                + jobId
                + " was not done within "
                + timeout.toSeconds()
                + " s; it may still complete: see "
                + webUi(jobId));
      }
      Thread.sleep(250);
    }
  }

  /**
   * Waits until a job is in one of the given states or has ended.
   *
   * @return the state it reached
   * @throws ClusterException when it is in none of them within the timeout
   */
  public String awaitState(String jobId, Set<String> states, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      String state = state(jobId);
      if (states.contains(state) || TERMINAL.contains(state)) return state;
      if (System.nanoTime() > deadline) {
        throw new ClusterException(
            "job "
                + jobId
                + " is "
                + state
                + " after "
                + timeout.toSeconds()
                + " s, not "
                + String.join(" or ", states.stream().sorted().toList())
                + "; see "
                + webUi(jobId));
      }
      Thread.sleep(250);
    }
  }

  // --- HTTP ---

  private JsonNode get(String path) {
    return send("GET", path, request(path, REQUEST).GET());
  }

  private HttpRequest.Builder request(String path, Duration timeout) {
    return HttpRequest.newBuilder(URI.create(base + path))
        .timeout(timeout)
        .header("Accept", "application/json");
  }

  private static HttpRequest.BodyPublisher json(JsonNode body) {
    return HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8);
  }

  private JsonNode send(String method, String path, HttpRequest.Builder builder) {
    HttpRequest request =
        method.equals("POST") && !path.equals("/jars/upload")
            ? builder.header("Content-Type", "application/json").build()
            : builder.build();
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (HttpConnectTimeoutException | ConnectException e) {
      throw unreachable(e);
    } catch (HttpTimeoutException e) {
      throw new ClusterException(
          "the cluster at " + base + " did not answer " + method + " " + path + " in time", 0, e);
    } catch (IOException e) {
      throw unreachable(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ClusterException("interrupted while asking the cluster at " + base, 0, e);
    }
    int status = response.statusCode();
    JsonNode answer;
    try {
      answer = response.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(response.body());
    } catch (IOException e) {
      answer = JSON.createObjectNode().put("text", response.body());
    }
    if (status >= 200 && status < 300) return answer;
    throw new ClusterException(
        "the cluster at "
            + base
            + " answered "
            + status
            + " to "
            + method
            + " "
            + path
            + ": "
            + reason(answer),
        status,
        null);
  }

  private ClusterException unreachable(Exception e) {
    String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    if (e.getCause() != null && e.getCause().getMessage() != null) {
      why = e.getCause().getMessage();
    }
    return new ClusterException(
        "--cluster "
            + base
            + " did not answer ("
            + why
            + "); accepted: the REST address of a running Flink JobManager (docker/local/stack"
            + " start runs one at http://127.0.0.1:8081)",
        0,
        e);
  }

  /** The cluster's reason for an error answer: the root cause of its first error. */
  static String reason(JsonNode answer) {
    JsonNode errors = answer.path("errors");
    if (errors.isArray() && !errors.isEmpty()) {
      StringBuilder all = new StringBuilder();
      for (JsonNode e : errors) all.append(e.asText()).append('\n');
      String root = rootCause(all.toString());
      if (!root.isEmpty()) return root;
      return errors.get(0).asText().lines().findFirst().orElse("").strip();
    }
    return answer.toString();
  }

  /**
   * The innermost cause of a Java stack trace as text, in a few lines: the last {@code Caused by:}
   * block (or the first line when there is none), with its message's own lines but none of the
   * frames, and the package left off the exception's class name.
   */
  static String rootCause(String trace) {
    if (trace == null || trace.isBlank()) return "";
    List<String> lines = trace.lines().toList();
    int start = 0;
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).startsWith("Caused by: ")) start = i;
    }
    StringBuilder sb = new StringBuilder();
    for (int i = start; i < lines.size(); i++) {
      String l = lines.get(i);
      String t = l.strip();
      if (i > start
          && (t.startsWith("at ")
              || t.startsWith("... ")
              || t.startsWith("Caused by:")
              || t.startsWith("Suppressed:")
              || t.isEmpty())) {
        break;
      }
      if (i == start) {
        l = l.startsWith("Caused by: ") ? l.substring("Caused by: ".length()) : l;
        l = l.replaceFirst("^(?:[a-z_][a-z0-9_]*\\.)+(?=[A-Z])", "");
      }
      if (sb.length() > 0) sb.append('\n');
      sb.append(l.stripTrailing());
    }
    return sb.toString();
  }
}
