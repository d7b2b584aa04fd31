package org.crowdhex.hygiene;

import java.io.Serializable;
import java.time.Duration;
import java.util.Objects;

/**
 * The figures of post hygiene (see the package documentation).
 *
 * @param postCap the most posts of one author counted within any span of {@code capWindow}
 * @param capWindow the span the cap applies to: the plan's window size
 * @param duplicateWindow posts of one author in one cell closer in time than this count once; zero
 *     catches exact repeats only
 * @param lateness how far behind the newest post of an author another may arrive and still count
 *     (the plan's out-of-orderness plus allowed lateness): how long counted posts are remembered
 */
public record HygieneRules(
    int postCap, Duration capWindow, Duration duplicateWindow, Duration lateness)
    implements Serializable {

  public HygieneRules {
    if (postCap < 1) {
      throw new IllegalArgumentException(
          "privacy.post_cap is " + postCap + "; accepted: a whole number of at least 1");
    }
    Objects.requireNonNull(capWindow, "capWindow");
    Objects.requireNonNull(duplicateWindow, "duplicateWindow");
    Objects.requireNonNull(lateness, "lateness");
    if (capWindow.isNegative() || capWindow.isZero()) {
      throw new IllegalArgumentException("the cap window is " + capWindow + "; expected > 0");
    }
    if (duplicateWindow.isNegative() || lateness.isNegative()) {
      throw new IllegalArgumentException("duplicate window and lateness must not be negative");
    }
  }

  /** How long after an author's newest post the older ones still matter, in ms. */
  public long memoryMillis() {
    return lateness.toMillis() + Math.max(capWindow.toMillis(), duplicateWindow.toMillis());
  }
}
