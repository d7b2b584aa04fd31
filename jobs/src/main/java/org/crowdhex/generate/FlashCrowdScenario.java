package org.crowdhex.generate;

import java.time.Duration;
import java.time.Instant;

/**
 * A flash crowd at a square: {@code authors} people who were not there converge within {@code
 * convergence} after {@code onset} and stay between {@code minStay} and {@code maxStay} (uniform),
 * posting from inside the square's outline buffered a little (the venue's zone).
 *
 * <p>Each author posts on arriving, then as a Poisson process with a mean gap of {@value
 * #MEAN_GAP_MINUTES} minutes until leaving. The ground truth's interval {@code crowd} runs from the
 * onset until the last author leaves (by {@link #end()} at the latest).
 *
 * @param venueId the square (any venue works; a point or route venue is used with its buffer)
 * @param onset when the first people arrive
 * @param authors distinct new authors in the crowd
 * @param convergence how long arriving takes, {@link #DEFAULT_CONVERGENCE} when built without one
 * @param minStay shortest stay, {@link #DEFAULT_MIN_STAY} when built without one
 * @param maxStay longest stay, {@link #DEFAULT_MAX_STAY} when built without one
 */
public record FlashCrowdScenario(
    String venueId,
    Instant onset,
    int authors,
    Duration convergence,
    Duration minStay,
    Duration maxStay)
    implements Scenario {
  public static final String KIND = "flash_crowd";
  public static final Duration DEFAULT_CONVERGENCE = Duration.ofMinutes(10);
  public static final Duration DEFAULT_MIN_STAY = Duration.ofMinutes(30);
  public static final Duration DEFAULT_MAX_STAY = Duration.ofMinutes(60);
  public static final int MAX_AUTHORS = 1_000_000;
  static final double MEAN_GAP_MINUTES = 10;

  public FlashCrowdScenario {
    String what = "flash crowd at " + venueId;
    ScenarioChecks.venue("flash crowd", venueId, "a square");
    ScenarioChecks.instant(what, "onset", onset);
    ScenarioChecks.count(what, "authors", authors, MAX_AUTHORS, "authors in the crowd");
    convergence = convergence == null ? DEFAULT_CONVERGENCE : convergence;
    minStay = minStay == null ? DEFAULT_MIN_STAY : minStay;
    maxStay = maxStay == null ? DEFAULT_MAX_STAY : maxStay;
    ScenarioChecks.duration(
        what, "convergence", convergence, Duration.ofMinutes(1), Duration.ofHours(6));
    ScenarioChecks.duration(what, "minStay", minStay, Duration.ofMinutes(1), Duration.ofHours(24));
    ScenarioChecks.duration(what, "maxStay", maxStay, minStay, Duration.ofHours(24));
  }

  /** A flash crowd converging within 10 minutes and staying 30 to 60 minutes. */
  public FlashCrowdScenario(String venueId, Instant onset, int authors) {
    this(venueId, onset, authors, null, null, null);
  }

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public Instant start() {
    return onset;
  }

  @Override
  public Instant end() {
    return onset.plus(convergence).plus(maxStay);
  }

  @Override
  public double expectedPosts() {
    double meanStayMinutes = (minStay.toMillis() + maxStay.toMillis()) / 2.0 / 60_000;
    return authors * (1 + meanStayMinutes / MEAN_GAP_MINUTES);
  }
}
