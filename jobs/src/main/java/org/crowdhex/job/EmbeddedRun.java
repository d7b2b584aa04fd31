package org.crowdhex.job;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ExecutionOptions;
import org.apache.flink.configuration.HeartbeatManagerOptions;
import org.apache.flink.configuration.MemorySize;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.crowdhex.plan.EventPlan;
import org.crowdhex.privacy.PseudonymKey;
import org.crowdhex.privacy.TaskKey;
import org.crowdhex.venue.VenueZone;

/**
 * Runs the monitor job on the embedded Flink engine (a MiniCluster in this process), reports
 * progress while it runs, and writes {@code summary.json} when it ends.
 */
public final class EmbeddedRun {
  private EmbeddedRun() {}

  /** A progress report: the job's counters so far and the time since start. */
  public record Progress(Map<String, Object> counters, long elapsedMillis) {
    public long count(String name) {
      return counters.get(name) instanceof Number n ? n.longValue() : 0L;
    }

    public long eventTime() {
      return counters.get(RunCounters.EVENT_TIME) instanceof Number n
          ? n.longValue()
          : Long.MIN_VALUE;
    }
  }

  /** The configuration of the embedded engine: modest memory, quick counter updates. */
  public static Configuration engineConfig(int parallelism) {
    Configuration c = new Configuration();
    c.set(ExecutionOptions.RUNTIME_MODE, RuntimeExecutionMode.STREAMING);
    c.set(TaskManagerOptions.NUM_TASK_SLOTS, parallelism);
    c.set(TaskManagerOptions.MANAGED_MEMORY_SIZE, MemorySize.ofMebiBytes(64));
    c.set(TaskManagerOptions.NETWORK_MEMORY_MIN, MemorySize.ofMebiBytes(64));
    c.set(TaskManagerOptions.NETWORK_MEMORY_MAX, MemorySize.ofMebiBytes(64));
    // Counters reach the job master with heartbeats; one a second keeps the progress line fresh.
    c.set(HeartbeatManagerOptions.HEARTBEAT_INTERVAL, Duration.ofSeconds(1));
    return c;
  }

  /**
   * Replays input files through the monitor job under a {@link PseudonymKey#throwaway() throwaway
   * key}: for tests, benchmarks and runs whose pseudonyms never need to match another run's.
   *
   * @param inputs files or folders of posts
   * @param outDir the run's output folder (created)
   * @param progress called about once a second while the job runs
   */
  public static RunSummary replay(
      EventPlan plan,
      List<VenueZone> zones,
      List<String> inputs,
      Path outDir,
      Consumer<Progress> progress)
      throws Exception {
    return replay(plan, zones, PseudonymKey.throwaway(), inputs, outDir, progress);
  }

  /**
   * Replays input files through the monitor job.
   *
   * @param key the pseudonym key, handed to the tasks, which run in this process
   * @param inputs files or folders of posts
   * @param outDir the run's output folder (created)
   * @param progress called about once a second while the job runs
   */
  public static RunSummary replay(
      EventPlan plan,
      List<VenueZone> zones,
      PseudonymKey key,
      List<String> inputs,
      Path outDir,
      Consumer<Progress> progress)
      throws Exception {
    Files.createDirectories(outDir);
    StreamExecutionEnvironment env =
        StreamExecutionEnvironment.createLocalEnvironment(
            plan.parallelism(), engineConfig(plan.parallelism()));
    MonitorJob.replayFiles(
        env, plan, zones, inputs, outDir.toAbsolutePath().toString(), TaskKey.of(key));
    long start = System.nanoTime();
    JobClient client = env.executeAsync("crowdhex monitor: " + plan.name());
    JobExecutionResult result;
    while (true) {
      try {
        result = client.getJobExecutionResult().get(1, TimeUnit.SECONDS);
        break;
      } catch (TimeoutException e) {
        try {
          Map<String, Object> counters = client.getAccumulators().get(1, TimeUnit.SECONDS);
          progress.accept(new Progress(counters, (System.nanoTime() - start) / 1_000_000));
        } catch (TimeoutException | ExecutionException | IllegalStateException ignored) {
          // The job is between states, or has just ended and taken the engine down with it: the
          // next pass reports, or picks up the result.
        }
      }
    }
    long elapsed = (System.nanoTime() - start) / 1_000_000;
    RunSummary summary = RunSummary.of(result.getAllAccumulatorResults(), elapsed);
    writeSummary(outDir, summary, plan);
    return summary;
  }

  private static void writeSummary(Path outDir, RunSummary summary, EventPlan plan)
      throws IOException {
    Path tmp = outDir.resolve(".summary.json.tmp");
    Files.writeString(tmp, summary.toJson(plan) + "\n");
    Files.move(
        tmp,
        outDir.resolve("summary.json"),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING,
        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
  }
}
