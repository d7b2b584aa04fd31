package org.crowdhex.generate;

import java.time.Duration;
import java.time.Instant;

/**
 * A platform outage: every post whose time lies in {@code [start, start + length)} is lost with
 * probability {@code dropFraction}, city-wide and whoever wrote it (background, bots, crowds); a
 * lost post is never delivered, not even as a duplicate. The ground truth's event has no venue,
 * every venue as affected, no cells (it is everywhere) and the interval {@code outage}.
 *
 * @param start when the outage begins
 * @param length how long it lasts
 * @param dropFraction share of the posts lost, above 0 and at most 1 (0.9 loses nine in ten)
 */
public record OutageScenario(Instant start, Duration length, double dropFraction)
    implements Scenario {
  public static final String KIND = "outage";
  public static final double DEFAULT_DROP_FRACTION = 0.9;

  public OutageScenario {
    ScenarioChecks.instant("outage", "start", start);
    ScenarioChecks.duration("outage", "length", length, Duration.ofMinutes(1), Duration.ofDays(7));
    if (!(dropFraction > 0 && dropFraction <= 1)) {
      throw new IllegalArgumentException(
          "outage: dropFraction is "
              + dropFraction
              + "; expected a share of lost posts above 0 and at most 1 (0.9 loses nine in ten)");
    }
  }

  /** An outage losing nine posts in ten. */
  public OutageScenario(Instant start, Duration length) {
    this(start, length, DEFAULT_DROP_FRACTION);
  }

  @Override
  public String kind() {
    return KIND;
  }

  /** Always null: an outage is city-wide. */
  @Override
  public String venueId() {
    return null;
  }

  @Override
  public Instant end() {
    return start.plus(length);
  }

  @Override
  public double expectedPosts() {
    return 0;
  }

  boolean drops(long timeMillis) {
    return timeMillis >= start.toEpochMilli() && timeMillis < end().toEpochMilli();
  }
}
