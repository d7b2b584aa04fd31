package org.crowdhex.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.Callable;
import org.crowdhex.cluster.ClusterException;
import org.crowdhex.cluster.FlinkRest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Cancels a job on a Flink cluster. */
@Command(
    name = "cancel",
    mixinStandardHelpOptions = true,
    showDefaultValues = true,
    description = {
      "Cancel a job on a Flink cluster and wait until it has stopped.",
      "Its last checkpoint is kept (crowdhex submit --from-savepoint resumes from it); to stop"
          + " at a savepoint instead, use crowdhex savepoint JOB --stop."
    })
final class CancelCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "JOB", description = "The job id.")
  String job;

  @Mixin ClusterOption cluster;

  @Option(
      names = "--wait",
      paramLabel = "SECONDS",
      defaultValue = "60",
      description = "How long to wait for the job to stop.")
  int waitSeconds;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    FlinkRest rest = cluster.rest();
    String id = ClusterOption.jobId(job);
    PrintWriter out = spec.commandLine().getOut();
    String before;
    try {
      before = rest.state(id);
    } catch (ClusterException e) {
      throw ClusterOption.noSuchJob(e, id, rest);
    }
    if (FlinkRest.TERMINAL.contains(before)) {
      out.printf("job %s has already ended: %s%n", id, before);
      out.flush();
      return 0;
    }
    rest.cancel(id);
    String state = rest.awaitState(id, Set.of("CANCELED"), Duration.ofSeconds(waitSeconds));
    out.printf("job %s is %s (was %s)%n", id, state, before);
    JsonNode latest = rest.checkpoints(id).path("latest").path("completed");
    String path = latest.path("external_path").asText("");
    if (!path.isEmpty() && !path.equals("<checkpoint-not-externally-addressable>")) {
      out.printf("last checkpoint: %s%n", path);
      out.printf("resume with:     crowdhex submit PLAN --from-savepoint %s%n", path);
    }
    out.flush();
    return 0;
  }
}
