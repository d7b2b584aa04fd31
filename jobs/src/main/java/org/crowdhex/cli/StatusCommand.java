package org.crowdhex.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import org.crowdhex.cluster.ClusterException;
import org.crowdhex.cluster.FlinkRest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** What a Flink cluster runs, or how one job stands: state, checkpoints, failures. */
@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    showDefaultValues = true,
    description = {
      "Without JOB: the cluster (TaskManagers, slots) and every job it knows, newest first.",
      "With JOB: its state, web UI address, checkpoints (the latest, and the one it was restored"
          + " from) and its most recent failure with the root exception.",
      "Exits 0, or 3 when the job has FAILED."
    })
final class StatusCommand implements Callable<Integer> {
  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "JOB",
      description = "A job id (as crowdhex submit prints it).")
  String job;

  @Mixin ClusterOption cluster;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    FlinkRest rest = cluster.rest();
    PrintWriter out = spec.commandLine().getOut();
    if (job == null) {
      list(rest, out);
      out.flush();
      return 0;
    }
    String id = ClusterOption.jobId(job);
    JsonNode j;
    try {
      j = rest.job(id);
    } catch (ClusterException e) {
      throw ClusterOption.noSuchJob(e, id, rest);
    }
    String state = j.path("state").asText();
    out.printf("job %s: %s%n", id, j.path("name").asText());
    long start = j.path("start-time").asLong(-1);
    long duration = j.path("duration").asLong(-1);
    out.printf(
        "state:       %s, %s since %s%n",
        state, ClusterOption.duration(duration), ClusterOption.time(start));
    out.printf("web UI:      %s%n", rest.webUi(id));
    JsonNode c = rest.checkpoints(id);
    JsonNode counts = c.path("counts");
    out.printf(
        "checkpoints: %d completed, %d failed, %d in progress%n",
        counts.path("completed").asLong(),
        counts.path("failed").asLong(),
        counts.path("in_progress").asLong());
    JsonNode latest = c.path("latest").path("completed");
    if (latest.isObject()) {
      out.printf(
          "  latest:    %d at %s, %s%n",
          latest.path("id").asLong(),
          ClusterOption.time(latest.path("latest_ack_timestamp").asLong()),
          latest.path("external_path").asText("-"));
    }
    JsonNode savepoint = c.path("latest").path("savepoint");
    if (savepoint.isObject()) {
      out.printf(
          "  savepoint: %d at %s, %s%n",
          savepoint.path("id").asLong(),
          ClusterOption.time(savepoint.path("latest_ack_timestamp").asLong()),
          savepoint.path("external_path").asText("-"));
    }
    JsonNode restored = c.path("latest").path("restored");
    if (restored.isObject()) {
      out.printf(
          "  restored:  %s %d at %s, from %s%n",
          restored.path("is_savepoint").asBoolean() ? "savepoint" : "checkpoint",
          restored.path("id").asLong(),
          ClusterOption.time(restored.path("restore_timestamp").asLong()),
          restored.path("external_path").asText("-"));
    }
    int failures = rest.failures(id);
    if (failures > 0) {
      out.printf("failures:    %d; the latest: %s%n", failures, rest.lastFailure(id).orElse("-"));
    } else {
      out.println("failures:    none");
    }
    out.flush();
    return state.equals("FAILED") ? Crowdhex.RUN_FAILED : 0;
  }

  private static void list(FlinkRest rest, PrintWriter out) {
    JsonNode o = rest.overview();
    out.printf(
        "cluster %s: Flink %s, %d TaskManager(s), %d slots (%d free)%n",
        rest.address(),
        o.path("flink-version").asText("?"),
        o.path("taskmanagers").asInt(),
        o.path("slots-total").asInt(),
        o.path("slots-available").asInt());
    List<JsonNode> jobs = new ArrayList<>();
    rest.jobs().path("jobs").forEach(jobs::add);
    if (jobs.isEmpty()) {
      out.println("no jobs");
      return;
    }
    jobs.sort(Comparator.comparingLong((JsonNode j) -> j.path("start-time").asLong()).reversed());
    out.printf("%-32s  %-9s  %-20s  %-13s  %s%n", "JOB", "STATE", "STARTED", "DURATION", "NAME");
    for (JsonNode j : jobs) {
      out.printf(
          "%-32s  %-9s  %-20s  %-13s  %s%n",
          j.path("jid").asText(),
          j.path("state").asText(),
          ClusterOption.time(j.path("start-time").asLong()),
          ClusterOption.duration(j.path("duration").asLong(-1)),
          j.path("name").asText());
    }
  }
}
