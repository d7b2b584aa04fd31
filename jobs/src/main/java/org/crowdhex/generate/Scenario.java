package org.crowdhex.generate;

import java.time.Instant;

/**
 * Something that happens in a synthetic stream besides the background and the stadium matches, with
 * a ground-truth event: a {@link FlashCrowdScenario flash crowd} at a square, a {@link
 * MarchScenario march} along a route, a {@link BuildUpScenario slow build-up} at a camp, or a
 * platform {@link OutageScenario outage}. {@link GeneratorSpec#scenarios()} holds them beside the
 * {@link MatchScenario matches}; how each plays out is described on its record.
 */
public sealed interface Scenario
    permits FlashCrowdScenario, MarchScenario, BuildUpScenario, OutageScenario {

  /** The ground truth's event kind, such as {@code flash_crowd}. */
  String kind();

  /** The venue the scenario happens at, or null when it has none (an outage is city-wide). */
  String venueId();

  /** When the scenario starts; it must lie within the stream. */
  Instant start();

  /**
   * When the scenario is over at the latest. For a march this is an estimate from the slowest
   * walking speed; the ground truth gives the real end.
   */
  Instant end();

  /** About how many posts the scenario adds (0 for an outage, which removes posts). */
  double expectedPosts();
}
