package org.crowdhex.plan;

import java.io.Serializable;
import java.util.Comparator;
import java.util.List;

/**
 * An event's schedule: its phases in order of start. Phases may touch but not overlap, so at any
 * moment at most one holds. A window belongs to the phase that holds at its last moment: the window
 * that ends at kick-off belongs to the phase before it.
 *
 * @param phases the phases, sorted by start, none overlapping another
 */
public record Schedule(List<SchedulePhase> phases) implements Serializable {

  /** No phases: alerts carry no phase and nothing is expected beyond the baseline. */
  public static final Schedule NONE = new Schedule(List.of());

  public Schedule {
    phases = List.copyOf(phases);
    for (int i = 1; i < phases.size(); i++) {
      SchedulePhase before = phases.get(i - 1);
      SchedulePhase next = phases.get(i);
      if (next.startMillis() < before.startMillis()) {
        throw new IllegalArgumentException(
            "phase "
                + next.name()
                + " starts before phase "
                + before.name()
                + "; accepted: phases in order of start");
      }
      if (next.startMillis() < before.endMillis()) {
        throw new IllegalArgumentException(
            "phase "
                + next.name()
                + " starts before phase "
                + before.name()
                + " ends; accepted: phases that do not overlap");
      }
    }
  }

  /** The phase that holds at {@code t} (epoch ms), or null. */
  public SchedulePhase phaseAt(long t) {
    // A handful of phases: a linear scan is clearer than a search and as fast.
    for (SchedulePhase p : phases) {
      if (p.holdsAt(t)) return p;
      if (p.startMillis() > t) break;
    }
    return null;
  }

  /** The phase of the window ending (exclusively) at {@code windowEnd}, or null. */
  public SchedulePhase phaseOfWindow(long windowEnd) {
    return phaseAt(windowEnd - 1);
  }

  /**
   * The multiple of the baseline expected at the venue in the window ending at {@code windowEnd}.
   */
  public double multiplier(String venue, long windowEnd) {
    SchedulePhase p = phaseOfWindow(windowEnd);
    return p == null ? 1.0 : p.multiplierAt(venue);
  }

  /** Whether there are no phases. */
  public boolean isEmpty() {
    return phases.isEmpty();
  }

  static Comparator<SchedulePhase> byStart() {
    return Comparator.comparingLong(SchedulePhase::startMillis);
  }
}
