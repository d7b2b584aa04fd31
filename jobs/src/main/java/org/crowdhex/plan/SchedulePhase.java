package org.crowdhex.plan;

import java.io.Serializable;
import java.util.Map;
import java.util.TreeMap;

/**
 * One phase of an event's schedule: gates open, kick-off, final whistle, march start... From {@code
 * startMillis} (inclusive) to {@code endMillis} (exclusive), alerts carry the phase's name, and a
 * venue listed in {@code expect} is expected to hold that many times its usual crowd, so a full
 * stadium at kick-off is no anomaly while an unexpected crowd outside it still is.
 *
 * @param name the phase's name, as alerts carry it
 * @param startMillis start, epoch ms UTC
 * @param endMillis end, epoch ms UTC, after the start
 * @param expect per venue id, the multiple of the baseline expected during the phase (above 0)
 */
public record SchedulePhase(
    String name, long startMillis, long endMillis, Map<String, Double> expect)
    implements Serializable {

  public SchedulePhase {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("phase name is empty; accepted: a non-empty name");
    }
    if (endMillis <= startMillis) {
      throw new IllegalArgumentException(
          "phase " + name + " ends at " + endMillis + "; accepted: an end after its start");
    }
    expect = Map.copyOf(new TreeMap<>(expect == null ? Map.of() : expect));
    for (Map.Entry<String, Double> e : expect.entrySet()) {
      if (!(e.getValue() > 0) || e.getValue().isInfinite()) {
        throw new IllegalArgumentException(
            "phase "
                + name
                + " expects "
                + e.getValue()
                + " times the baseline at "
                + e.getKey()
                + "; accepted: a finite multiple above 0");
      }
    }
  }

  /** Whether the phase holds at {@code t} (epoch ms). */
  public boolean holdsAt(long t) {
    return t >= startMillis && t < endMillis;
  }

  /** The multiple of the baseline expected at the venue during the phase: 1 when not listed. */
  public double multiplierAt(String venue) {
    return expect.getOrDefault(venue, 1.0);
  }
}
