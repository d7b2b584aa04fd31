package org.crowdhex.evaluation;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The truth events of one evaluation and the time span they were observed in, which is also the
 * span false alerts are counted over.
 *
 * @param start the first instant observed (for a generated stream: the spec's start)
 * @param end the first instant after the observation (exclusive)
 * @param events the anomalies, in the order they were read, with unique ids
 */
public record TruthSet(Instant start, Instant end, List<TruthEvent> events) {

  public TruthSet {
    Objects.requireNonNull(start, "start is missing; expected an instant");
    Objects.requireNonNull(end, "end is missing; expected an instant");
    if (!end.isAfter(start)) {
      throw new IllegalArgumentException(
          "the truth's span ends at " + end + "; expected an end after its start " + start);
    }
    events = List.copyOf(events);
    Set<String> ids = new HashSet<>();
    for (TruthEvent e : events) {
      if (!ids.add(e.id())) {
        throw new IllegalArgumentException(
            "truth event id " + e.id() + " appears twice; expected unique ids");
      }
    }
  }

  /** The span's length in days of 24 hours, fractional. */
  public double days() {
    return Duration.between(start, end).toMillis() / (double) Duration.ofDays(1).toMillis();
  }
}
