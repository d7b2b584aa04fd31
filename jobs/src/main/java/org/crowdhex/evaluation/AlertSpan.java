package org.crowdhex.evaluation;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * What one alert claims: an unexpected crowd at a venue from the start of its first window to the
 * end of its last. All the updates of one alert are collapsed into one span.
 *
 * @param id unique among the alerts scored together
 * @param venue the venue the alert is raised for
 * @param cells the H3 cells (hex strings) the alert names, sorted without repeats; empty when the
 *     alert names none
 * @param start the start of the alert's first window: the alert's onset
 * @param end the end of the alert's last window (exclusive)
 * @param raised when the alert was raised (the end of the window in which it opened), or null when
 *     the alert file does not say; a rule that needs two hits raises an alert one or more windows
 *     after its first window
 */
public record AlertSpan(
    String id, String venue, List<String> cells, Instant start, Instant end, Instant raised) {

  public AlertSpan {
    TruthEvent.requireText(id, "id");
    TruthEvent.requireText(venue, "venue");
    Objects.requireNonNull(cells, "cells is missing; expected a list, empty when none");
    Objects.requireNonNull(start, "start is missing; expected an instant");
    Objects.requireNonNull(end, "end is missing; expected an instant");
    if (!end.isAfter(start)) {
      throw new IllegalArgumentException(
          "alert " + id + " ends at " + end + "; expected an end after its start " + start);
    }
    cells = List.copyOf(new TreeSet<>(cells));
    if (raised != null && raised.isBefore(start)) {
      throw new IllegalArgumentException(
          "alert "
              + id
              + " was raised at "
              + raised
              + "; expected no earlier than its start "
              + start);
    }
  }

  /** An alert whose raising moment is not known. */
  public AlertSpan(String id, String venue, List<String> cells, Instant start, Instant end) {
    this(id, venue, cells, start, end, null);
  }

  /** An alert that names no cells. */
  public AlertSpan(String id, String venue, Instant start, Instant end) {
    this(id, venue, List.of(), start, end, null);
  }
}
