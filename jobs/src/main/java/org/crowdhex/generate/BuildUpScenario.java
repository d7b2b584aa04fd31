package org.crowdhex.generate;

import java.time.Duration;
import java.time.Instant;

/**
 * A slow build-up at a camp: from {@code start} people arrive at a steady rate for {@code rise}, so
 * the number present grows linearly from 0 to {@code people}, and everyone stays for {@code hold}
 * after that. Each person present posts as a Poisson process at {@code postsPerHour} (low: a camp
 * is mostly waiting) from inside the venue's outline (a point or route venue is used with its
 * buffer), the first post on arriving.
 *
 * <p>The ground truth has two intervals: {@code build_up} (start to start + rise) and {@code
 * steady} (to the end).
 *
 * @param venueId the camp (any venue works)
 * @param start when the first people arrive
 * @param rise how long the build-up lasts
 * @param people distinct new authors present at the end of the build-up
 * @param hold how long everyone stays after the build-up
 * @param postsPerHour posts of each present person per hour
 */
public record BuildUpScenario(
    String venueId, Instant start, Duration rise, int people, Duration hold, double postsPerHour)
    implements Scenario {
  public static final String KIND = "build_up";
  public static final double DEFAULT_POSTS_PER_HOUR = 0.5;
  public static final int MAX_PEOPLE = 1_000_000;

  public BuildUpScenario {
    String what = "build-up at " + venueId;
    ScenarioChecks.venue("build-up", venueId, "a camp");
    ScenarioChecks.instant(what, "start", start);
    ScenarioChecks.duration(what, "rise", rise, Duration.ofMinutes(10), Duration.ofDays(7));
    ScenarioChecks.count(what, "people", people, MAX_PEOPLE, "authors present");
    ScenarioChecks.duration(what, "hold", hold, Duration.ZERO, Duration.ofDays(30));
    ScenarioChecks.number(what, "postsPerHour", postsPerHour, 0.01, 60);
  }

  /** A build-up whose people post every two hours on average. */
  public BuildUpScenario(String venueId, Instant start, Duration rise, int people, Duration hold) {
    this(venueId, start, rise, people, hold, DEFAULT_POSTS_PER_HOUR);
  }

  @Override
  public String kind() {
    return KIND;
  }

  /** When the build-up is complete and everyone is present. */
  public Instant full() {
    return start.plus(rise);
  }

  @Override
  public Instant end() {
    return full().plus(hold);
  }

  @Override
  public double expectedPosts() {
    double hours = (rise.toMillis() / 2.0 + hold.toMillis()) / 3_600_000.0;
    return people * (1 + postsPerHour * hours);
  }
}
