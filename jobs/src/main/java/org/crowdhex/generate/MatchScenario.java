package org.crowdhex.generate;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A match at a stadium that the synthetic stream plays out (see {@link SyntheticStream} for how the
 * crowd behaves).
 *
 * @param venueId id of the stadium venue
 * @param kickOff when play starts
 * @param matchLength kick-off to final whistle including half-time; {@link #DEFAULT_LENGTH} (two
 *     halves of 45 minutes and 15 minutes of rest) when built without one
 * @param attendance distinct authors who come and post (a small share of a real crowd)
 * @param hubVenueIds transit hubs people arrive from and leave through (station venues); when
 *     empty, every venue of kind station
 */
public record MatchScenario(
    String venueId,
    Instant kickOff,
    Duration matchLength,
    int attendance,
    List<String> hubVenueIds) {
  public static final Duration DEFAULT_LENGTH = Duration.ofMinutes(105);
  public static final Duration MIN_LENGTH = Duration.ofMinutes(30);
  public static final Duration MAX_LENGTH = Duration.ofHours(6);
  public static final int MAX_ATTENDANCE = 1_000_000;

  public MatchScenario {
    if (venueId == null || venueId.isBlank()) {
      throw new IllegalArgumentException(
          "match venueId is " + quote(venueId) + "; expected the id of a stadium venue");
    }
    if (kickOff == null) {
      throw new IllegalArgumentException(
          "match at " + venueId + ": kickOff is missing; expected an instant");
    }
    if (matchLength == null) {
      matchLength = DEFAULT_LENGTH;
    }
    if (matchLength.compareTo(MIN_LENGTH) < 0 || matchLength.compareTo(MAX_LENGTH) > 0) {
      throw new IllegalArgumentException(
          "match at "
              + venueId
              + ": matchLength is "
              + matchLength
              + "; expected a duration from 30 minutes to 6 hours including half-time");
    }
    if (attendance < 1 || attendance > MAX_ATTENDANCE) {
      throw new IllegalArgumentException(
          "match at "
              + venueId
              + ": attendance is "
              + attendance
              + "; expected a number of attending authors from 1 to "
              + MAX_ATTENDANCE);
    }
    hubVenueIds = hubVenueIds == null ? List.of() : List.copyOf(hubVenueIds);
  }

  /** A match of the default length whose crowd uses every station venue. */
  public MatchScenario(String venueId, Instant kickOff, int attendance) {
    this(venueId, kickOff, DEFAULT_LENGTH, attendance, List.of());
  }

  /** When the final whistle blows. */
  public Instant finalWhistle() {
    return kickOff.plus(matchLength);
  }

  private static String quote(String s) {
    return s == null ? "missing" : "\"" + s + "\"";
  }
}
