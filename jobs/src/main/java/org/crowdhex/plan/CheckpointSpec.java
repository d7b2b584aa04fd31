package org.crowdhex.plan;

import java.io.Serializable;
import java.time.Duration;
import java.util.Locale;

/**
 * How a live run checkpoints its state (the plan's {@code checkpoints:} section). A checkpoint is
 * what a restarted job resumes from, and with exactly-once Kafka outputs also when records become
 * visible to consumers: each checkpoint commits the records written since the one before. Every
 * field is optional; null means the cluster's own setting (its {@code config.yaml}), and Flink's
 * default where the cluster has none.
 *
 * @param interval time between checkpoints, or null (the cluster's, else {@link #DEFAULT_INTERVAL})
 * @param directory where checkpoints are stored: an absolute path or a file system URI that the
 *     JobManager and every TaskManager reach, or null for the cluster's {@code
 *     execution.checkpointing.dir}
 * @param mode exactly once (aligned barriers) or at least once, or null for the cluster's
 * @param minPause the least time between the end of one checkpoint and the start of the next, or
 *     null
 * @param timeout how long a checkpoint may take before it is abandoned, or null
 */
public record CheckpointSpec(
    Duration interval, String directory, Mode mode, Duration minPause, Duration timeout)
    implements Serializable {

  /** The interval of a live run when neither the plan nor the cluster sets one. */
  public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(30);

  /** Nothing set: the cluster's settings throughout. */
  public static final CheckpointSpec CLUSTER = new CheckpointSpec(null, null, null, null, null);

  static final Duration MIN_INTERVAL = Duration.ofSeconds(1);
  static final Duration MAX_INTERVAL = Duration.ofDays(1);
  static final Duration MAX_MIN_PAUSE = Duration.ofHours(1);
  static final Duration MIN_TIMEOUT = Duration.ofSeconds(10);
  static final Duration MAX_TIMEOUT = Duration.ofDays(1);
  static final String DIRECTORY_ACCEPTED =
      "an absolute path or a URI such as file:///var/crowdhex/checkpoints or"
          + " s3://bucket/checkpoints, which the JobManager and every TaskManager reach";

  /** The consistency of checkpoints. */
  public enum Mode {
    /** Barriers are aligned: state reflects every record before a checkpoint and none after. */
    EXACTLY_ONCE,
    /** Barriers are not aligned: after a restore some records may count twice. */
    AT_LEAST_ONCE;

    static final String ACCEPTED = "exactly_once or at_least_once";

    /** The name a planner writes. */
    public String code() {
      return name().toLowerCase(Locale.ROOT);
    }

    /** Reads {@code exactly_once} or {@code at_least_once} (dashes also accepted), else null. */
    static Mode parse(String text) {
      String t = text.trim().toUpperCase(Locale.ROOT).replace('-', '_');
      for (Mode m : values()) {
        if (m.name().equals(t)) return m;
      }
      return null;
    }
  }

  /** Whether the plan sets anything at all. */
  public boolean isSet() {
    return !equals(CLUSTER);
  }
}
