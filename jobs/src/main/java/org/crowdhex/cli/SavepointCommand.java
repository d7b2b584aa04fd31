package org.crowdhex.cli;

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

/** Takes a savepoint of a job, and with --stop stops the job at it. */
@Command(
    name = "savepoint",
    mixinStandardHelpOptions = true,
    showDefaultValues = true,
    description = {
      "Take a savepoint of a running job and print where it is. With --stop the job stops at the"
          + " savepoint: its exactly-once Kafka outputs are committed up to it, and crowdhex submit"
          + " PLAN --from-savepoint PATH resumes where it stopped, with no record lost or"
          + " written twice."
    })
final class SavepointCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "JOB", description = "The job id.")
  String job;

  @Mixin ClusterOption cluster;

  @Option(
      names = "--dir",
      paramLabel = "DIR",
      description =
          "Where the savepoint goes: a path every node of the cluster reaches, or a URI"
              + " (default: the cluster's execution.checkpointing.savepoint-dir).")
  String dir;

  @Option(names = "--stop", description = "Stop the job at the savepoint.")
  boolean stop;

  @Option(
      names = "--drain",
      description =
          "With --stop: end every open window first (the job is finished for good; do not"
              + " resume it).")
  boolean drain;

  @Option(
      names = "--timeout",
      paramLabel = "SECONDS",
      defaultValue = "600",
      description = "How long to wait for the savepoint.")
  int timeoutSeconds;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    if (drain && !stop) {
      throw new UserErrors.UserError("--drain goes with --stop; accepted: --stop --drain");
    }
    FlinkRest rest = cluster.rest();
    String id = ClusterOption.jobId(job);
    String target = dir == null ? null : ClusterOption.location(dir);
    PrintWriter out = spec.commandLine().getOut();
    String trigger;
    try {
      trigger = stop ? rest.stop(id, target, drain) : rest.savepoint(id, target);
    } catch (ClusterException e) {
      throw ClusterOption.noSuchJob(e, id, rest);
    }
    Duration timeout = Duration.ofSeconds(timeoutSeconds);
    String location = rest.awaitSavepoint(id, trigger, timeout);
    out.printf("savepoint of job %s: %s%n", id, location);
    if (stop) {
      String state = rest.awaitState(id, Set.of("FINISHED"), timeout);
      out.printf("job %s is %s%n", id, state);
      if (!drain) {
        out.printf("resume with: crowdhex submit PLAN --from-savepoint %s%n", location);
      }
    }
    out.flush();
    return 0;
  }
}
