package org.crowdhex.job;

import java.time.Duration;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ExternalizedCheckpointRetention;
import org.apache.flink.configuration.ReadableConfig;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.core.execution.CheckpointingMode;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.crowdhex.plan.CheckpointSpec;

/**
 * Checkpoints and restarts of a live run: what the plan's {@code checkpoints:} section says, over
 * the cluster's own settings, which stay in force wherever the plan says nothing.
 *
 * <ul>
 *   <li>Checkpointing is on: every {@code interval} of the plan, else the cluster's, else {@link
 *       CheckpointSpec#DEFAULT_INTERVAL}; in the plan's mode, at its minimum pause and timeout.
 *   <li>The plan's {@code directory} holds the checkpoints (a file system checkpoint storage).
 *   <li>Checkpoints are kept when the job is cancelled, unless the cluster says otherwise, so a
 *       cancelled job can still be resumed from its last one ({@code submit --from-savepoint} takes
 *       a checkpoint's path too).
 *   <li>Unless the cluster names a restart strategy, a failed job restarts for ever with an
 *       exponential delay (1 s doubling up to {@link #MAX_RESTART_DELAY}): a lost TaskManager or a
 *       Kafka broker that is down for a while costs a restart from the last checkpoint, never the
 *       job.
 * </ul>
 */
public final class Checkpointing {
  /** The longest wait between two restarts of a failing job. */
  public static final Duration MAX_RESTART_DELAY = Duration.ofSeconds(10);

  private Checkpointing() {}

  /** A folder as Flink's file systems want it: an absolute path becomes a {@code file://} URI. */
  static String uri(String directory) {
    return directory.startsWith("/") ? "file://" + directory : directory;
  }

  /** Sets up checkpoints and restarts on the environment of a live run. */
  public static void configure(StreamExecutionEnvironment env, CheckpointSpec spec) {
    ReadableConfig cluster = env.getConfiguration();
    Configuration c = new Configuration();
    if (spec.directory() != null) {
      c.set(CheckpointingOptions.CHECKPOINT_STORAGE, "filesystem");
      c.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, uri(spec.directory()));
    }
    if (cluster.getOptional(CheckpointingOptions.EXTERNALIZED_CHECKPOINT_RETENTION).isEmpty()) {
      c.set(
          CheckpointingOptions.EXTERNALIZED_CHECKPOINT_RETENTION,
          ExternalizedCheckpointRetention.RETAIN_ON_CANCELLATION);
    }
    if (cluster.getOptional(RestartStrategyOptions.RESTART_STRATEGY).isEmpty()) {
      c.set(RestartStrategyOptions.RESTART_STRATEGY, "exponential-delay");
      c.set(
          RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_INITIAL_BACKOFF,
          Duration.ofSeconds(1));
      c.set(RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_BACKOFF_MULTIPLIER, 2.0);
      c.set(
          RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_MAX_BACKOFF, MAX_RESTART_DELAY);
      c.set(
          RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_RESET_BACKOFF_THRESHOLD,
          Duration.ofMinutes(5));
      c.set(RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_JITTER_FACTOR, 0.1);
      c.set(RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_ATTEMPTS, Integer.MAX_VALUE);
    }
    env.configure(c);

    if (spec.interval() != null) {
      env.enableCheckpointing(spec.interval().toMillis());
    } else if (!env.getCheckpointConfig().isCheckpointingEnabled()) {
      env.enableCheckpointing(CheckpointSpec.DEFAULT_INTERVAL.toMillis());
    }
    if (spec.mode() != null) {
      env.getCheckpointConfig()
          .setCheckpointingConsistencyMode(
              spec.mode() == CheckpointSpec.Mode.EXACTLY_ONCE
                  ? CheckpointingMode.EXACTLY_ONCE
                  : CheckpointingMode.AT_LEAST_ONCE);
    }
    if (spec.minPause() != null) {
      env.getCheckpointConfig().setMinPauseBetweenCheckpoints(spec.minPause().toMillis());
    }
    if (spec.timeout() != null) {
      env.getCheckpointConfig().setCheckpointTimeout(spec.timeout().toMillis());
    }
  }
}
