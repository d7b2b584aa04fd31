package org.crowdhex.privacy;

import java.io.Serializable;
import java.util.Objects;

/**
 * What the tasks of a job are given to find the pseudonym key. On a cluster they get only the key's
 * {@link KeySource} and each task loads the key itself when it opens, so the secret never travels
 * inside the job graph (which Flink stores and ships in the clear). On the embedded engine, whose
 * tasks run in the process that started them, they may get the key itself: that is how a {@link
 * PseudonymKey#throwaway() throwaway key}, which has no source, reaches them.
 */
public sealed interface TaskKey extends Serializable {

  /** The key itself, for tasks in this process. */
  static TaskKey of(PseudonymKey key) {
    return new Given(key);
  }

  /** Only where the key is: each task loads it ({@link PseudonymKey#load(KeySource)}). */
  static TaskKey loadedFrom(KeySource source) {
    return new Loaded(source);
  }

  /**
   * The key, in the task that calls this.
   *
   * @throws PseudonymKeyException when a source is unset, unreadable or too short
   */
  PseudonymKey key();

  /** For logs: where the key comes from; never the secret. */
  String describe();

  /** The key handed over as it is. */
  record Given(PseudonymKey key) implements TaskKey {
    public Given {
      Objects.requireNonNull(key, "key");
    }

    @Override
    public String describe() {
      return key.origin() + " (fingerprint " + key.fingerprint() + ")";
    }
  }

  /** The key's source; the key is loaded where it is used. */
  record Loaded(KeySource source) implements TaskKey {
    public Loaded {
      Objects.requireNonNull(source, "source");
    }

    @Override
    public PseudonymKey key() {
      return PseudonymKey.load(source);
    }

    @Override
    public String describe() {
      return source.describe() + ", loaded by each task";
    }
  }
}
