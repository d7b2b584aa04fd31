package org.crowdhex.evaluation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One anomaly a detector should find: an unexpected crowd at a venue during a half-open interval
 * {@code [onset, end)}. A ground-truth event with several anomalous intervals (a match's arrival
 * and egress) gives one truth event per interval; see {@link TruthFile} for the mapping.
 *
 * @param id unique within a truth: the event's id, followed by {@code /} and the interval's name
 *     when the event has more than one anomalous interval (such as {@code match-1-kuip/egress})
 * @param kind the event's kind, such as {@code stadium_match}
 * @param venue the event's main venue
 * @param onset when the unexpected crowd begins
 * @param end when it is over (exclusive)
 * @param affectedVenues every venue where the crowd may be seen, the main venue included, without
 *     repeats; an alert at any of them can detect this event
 */
public record TruthEvent(
    String id, String kind, String venue, Instant onset, Instant end, List<String> affectedVenues) {

  public TruthEvent {
    requireText(id, "id");
    requireText(kind, "kind");
    requireText(venue, "venue");
    Objects.requireNonNull(onset, "onset is missing; expected an instant");
    Objects.requireNonNull(end, "end is missing; expected an instant");
    if (!end.isAfter(onset)) {
      throw new IllegalArgumentException(
          "truth event " + id + " ends at " + end + "; expected an end after its onset " + onset);
    }
    Objects.requireNonNull(affectedVenues, "affectedVenues is missing; expected a list");
    List<String> venues = new ArrayList<>();
    venues.add(venue);
    for (String v : affectedVenues) {
      requireText(v, "affectedVenues element");
      if (!venues.contains(v)) {
        venues.add(v);
      }
    }
    affectedVenues = List.copyOf(venues);
  }

  /** Whether an alert at this venue can detect the event. */
  public boolean affects(String venueId) {
    return affectedVenues.contains(venueId);
  }

  static void requireText(String value, String name) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(
          name + " is " + (value == null ? "missing" : "blank") + "; expected a non-blank text");
    }
  }
}
