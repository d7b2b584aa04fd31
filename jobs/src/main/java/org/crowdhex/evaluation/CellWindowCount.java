package org.crowdhex.evaluation;

import java.time.Instant;
import java.util.Objects;

/**
 * The crowd in one H3 cell of a venue during one window, with what a baseline expected there: the
 * input of {@link BaselineDetectors}.
 *
 * @param venue the venue the cell belongs to
 * @param cell the H3 cell (hex string)
 * @param windowStart the window's start
 * @param windowEnd the window's end (exclusive)
 * @param authors distinct authors observed in the cell during the window
 * @param expected the baseline's expected distinct authors b; NaN when no baseline is known
 * @param expectedStdDev the baseline's standard deviation of that count; NaN when it gives none
 *     (the z-score then takes the Poisson √b)
 */
public record CellWindowCount(
    String venue,
    String cell,
    Instant windowStart,
    Instant windowEnd,
    long authors,
    double expected,
    double expectedStdDev) {

  public CellWindowCount {
    TruthEvent.requireText(venue, "venue");
    TruthEvent.requireText(cell, "cell");
    Objects.requireNonNull(windowStart, "windowStart is missing; expected an instant");
    Objects.requireNonNull(windowEnd, "windowEnd is missing; expected an instant");
    if (!windowEnd.isAfter(windowStart)) {
      throw new IllegalArgumentException(
          "windowEnd is " + windowEnd + "; expected an instant after windowStart " + windowStart);
    }
    if (authors < 0) {
      throw new IllegalArgumentException(
          "authors is " + authors + "; expected zero or a positive count");
    }
    if (expected < 0 || Double.isInfinite(expected)) {
      throw new IllegalArgumentException(
          "expected is " + expected + "; expected zero or a positive finite number, or NaN");
    }
    if (expectedStdDev <= 0 || Double.isInfinite(expectedStdDev)) {
      throw new IllegalArgumentException(
          "expectedStdDev is "
              + expectedStdDev
              + "; expected a positive finite number, or NaN when unknown");
    }
  }

  /** A count without a baseline, enough for the fixed threshold. */
  public static CellWindowCount observed(
      String venue, String cell, Instant windowStart, Instant windowEnd, long authors) {
    return new CellWindowCount(
        venue, cell, windowStart, windowEnd, authors, Double.NaN, Double.NaN);
  }
}
