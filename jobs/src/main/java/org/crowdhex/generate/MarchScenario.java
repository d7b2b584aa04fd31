package org.crowdhex.generate;

import java.time.Duration;
import java.time.Instant;

/**
 * A march along a route: {@code marchers} people set off from the first point of the route's line
 * at {@code start} (spread over {@value #STAGGER_MINUTES} minutes, as a column) and walk along the
 * line to its last point at about {@code speedKmh}, each at a speed drawn within ±{@value
 * #SPEED_SPREAD_PERCENT} % of it.
 *
 * <p>A marcher posts about every {@code postInterval} (gaps drawn uniformly from half to one and a
 * half times it) from the point of the line where they are, moved sideways by a Gaussian {@value
 * #SIDEWAYS_M} m (the width of the street), then GPS jitter. The ground truth's interval {@code
 * march} runs from the start until the last marcher reaches the end, and its passages give, per H3
 * cell the marchers posted from, when they were there, in the order the march reached them.
 *
 * @param venueId the route venue; its geometry must be a line
 * @param start when the head of the march sets off
 * @param marchers distinct new authors marching
 * @param speedKmh mean walking speed, {@value #DEFAULT_SPEED_KMH} km/h when built without one
 * @param postInterval mean time between a marcher's posts, {@link #DEFAULT_POST_INTERVAL} when
 *     built without one
 */
public record MarchScenario(
    String venueId, Instant start, int marchers, double speedKmh, Duration postInterval)
    implements Scenario {
  public static final String KIND = "march";
  public static final double DEFAULT_SPEED_KMH = 4;
  public static final Duration DEFAULT_POST_INTERVAL = Duration.ofMinutes(5);
  public static final int MAX_MARCHERS = 1_000_000;
  static final double STAGGER_MINUTES = 5;
  static final double SPEED_SPREAD_PERCENT = 10;
  static final double SIDEWAYS_M = 4;
  static final double ASSUMED_MAX_KM = 10;

  public MarchScenario {
    String what = "march along " + venueId;
    ScenarioChecks.venue("march", venueId, "a route");
    ScenarioChecks.instant(what, "start", start);
    ScenarioChecks.count(what, "marchers", marchers, MAX_MARCHERS, "marching authors");
    ScenarioChecks.number(what, "speedKmh", speedKmh, 0.5, 20);
    postInterval = postInterval == null ? DEFAULT_POST_INTERVAL : postInterval;
    ScenarioChecks.duration(
        what, "postInterval", postInterval, Duration.ofSeconds(30), Duration.ofHours(2));
  }

  /** A march at 4 km/h whose marchers post about every five minutes. */
  public MarchScenario(String venueId, Instant start, int marchers) {
    this(venueId, start, marchers, DEFAULT_SPEED_KMH, null);
  }

  @Override
  public String kind() {
    return KIND;
  }

  /**
   * Without the route's length the end is unknown here; this assumes a route of at most {@value
   * #ASSUMED_MAX_KM} km walked at the slowest speed. The ground truth has the real end.
   */
  @Override
  public Instant end() {
    return start.plusMillis(walkMillis(ASSUMED_MAX_KM * 1000));
  }

  /** How long after the start the last marcher reaches the end of a line of {@code metres}. */
  long walkMillis(double metres) {
    double slowest = speedKmh / 3.6 * (1 - SPEED_SPREAD_PERCENT / 100);
    return (long) (STAGGER_MINUTES * 60_000 + 1000 * metres / slowest);
  }

  /** Assumes a route of 3 km: about 45 minutes of walking at 4 km/h. */
  @Override
  public double expectedPosts() {
    double minutes = 3.0 / speedKmh * 60;
    return marchers * minutes / (postInterval.toMillis() / 60_000.0);
  }
}
