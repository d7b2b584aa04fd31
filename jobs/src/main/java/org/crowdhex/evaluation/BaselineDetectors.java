package org.crowdhex.evaluation;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Two simple detectors on per-cell window counts, so the scan's gain over them is measured on the
 * same data and scored by the same {@link EventScorer}.
 *
 * <ul>
 *   <li><b>Fixed threshold</b> ({@value #FIXED_THRESHOLD}): a venue's window alerts when the sum of
 *       its cells' distinct authors is at least T. Summing cells over-counts an author who posted
 *       from two cells of the venue in one window; a simple detector is allowed that.
 *   <li><b>Per-cell z-score</b> ({@value #Z_SCORE}): a cell's window alerts when z = (c − b) / σ ≥
 *       Z, with c the observed authors, b the expected ones and σ the baseline's standard deviation
 *       when it gives one, else the Poisson √b with b floored at 1, so a cell expected to be empty
 *       needs about Z authors to alert rather than one. A venue's window alerts when any of its
 *       cells does.
 * </ul>
 *
 * <p>Alerting windows of a venue are grouped into alert spans by {@link SpanGrouping}: a span stays
 * open across fewer than K quiet windows and closes after K of them. A span runs from the start of
 * its first alerting window to the end of its last; its id is {@code detector/venue/n}, with n
 * counting the venue's spans from 1.
 */
public final class BaselineDetectors {
  public static final String FIXED_THRESHOLD = "fixed-threshold";
  public static final String Z_SCORE = "z-score";

  /** The smallest variance the Poisson z-score divides by. */
  static final double MIN_POISSON_VARIANCE = 1;

  private BaselineDetectors() {}

  /**
   * How alerting windows become alert spans.
   *
   * @param slide the window slide: consecutive windows start one slide apart
   * @param quietWindows K, the number of consecutive quiet windows that closes a span; 1 closes it
   *     at the first quiet window
   */
  public record SpanGrouping(Duration slide, int quietWindows) {
    public SpanGrouping {
      Objects.requireNonNull(slide, "slide is missing; expected a positive duration");
      if (slide.isZero() || slide.isNegative()) {
        throw new IllegalArgumentException("slide is " + slide + "; expected a positive duration");
      }
      if (quietWindows < 1) {
        throw new IllegalArgumentException(
            "quietWindows is " + quietWindows + "; expected a whole number of at least 1");
      }
    }
  }

  /** Alerts where a venue's total authors in a window reach {@code threshold}. */
  public static List<AlertSpan> fixedThreshold(
      Collection<CellWindowCount> counts, long threshold, SpanGrouping grouping) {
    if (threshold < 1) {
      throw new IllegalArgumentException(
          "threshold is " + threshold + "; expected a whole number of authors of at least 1");
    }
    Map<String, Map<Instant, VenueWindow>> windows = byVenueAndWindow(counts);
    for (CellWindowCount c : counts) {
      windows.get(c.venue()).get(c.windowStart()).total += c.authors();
    }
    windows.values().stream()
        .flatMap(m -> m.values().stream())
        .forEach(w -> w.alerting = w.total >= threshold);
    return spans(FIXED_THRESHOLD, windows, grouping);
  }

  /** Alerts where some cell of a venue has a z-score of at least {@code minZ}. */
  public static List<AlertSpan> zScore(
      Collection<CellWindowCount> counts, double minZ, SpanGrouping grouping) {
    if (!(minZ > 0) || Double.isInfinite(minZ)) {
      throw new IllegalArgumentException(
          "minZ is " + minZ + "; expected a positive finite number of standard deviations");
    }
    Map<String, Map<Instant, VenueWindow>> windows = byVenueAndWindow(counts);
    for (CellWindowCount c : counts) {
      if (zScore(c) >= minZ) {
        VenueWindow w = windows.get(c.venue()).get(c.windowStart());
        w.alerting = true;
        w.cells.add(c.cell());
      }
    }
    return spans(Z_SCORE, windows, grouping);
  }

  /** The z-score of one cell's count against its baseline, as the class description defines it. */
  public static double zScore(CellWindowCount c) {
    if (Double.isNaN(c.expected())) {
      throw new IllegalArgumentException(
          "cell "
              + c.cell()
              + " of "
              + c.venue()
              + " at "
              + c.windowStart()
              + " has no expected count; expected a baseline for every cell the z-score scores");
    }
    double sigma =
        Double.isNaN(c.expectedStdDev())
            ? Math.sqrt(Math.max(c.expected(), MIN_POISSON_VARIANCE))
            : c.expectedStdDev();
    return (c.authors() - c.expected()) / sigma;
  }

  private static Map<String, Map<Instant, VenueWindow>> byVenueAndWindow(
      Collection<CellWindowCount> counts) {
    Map<String, Map<Instant, VenueWindow>> windows = new TreeMap<>();
    for (CellWindowCount c : counts) {
      VenueWindow w =
          windows
              .computeIfAbsent(c.venue(), v -> new TreeMap<>())
              .computeIfAbsent(c.windowStart(), s -> new VenueWindow(s, c.windowEnd()));
      if (!w.end.equals(c.windowEnd())) {
        throw new IllegalArgumentException(
            "window "
                + c.windowStart()
                + " of "
                + c.venue()
                + " ends at "
                + c.windowEnd()
                + " for cell "
                + c.cell()
                + "; expected "
                + w.end
                + " as for the venue's other cells");
      }
    }
    return windows;
  }

  private static List<AlertSpan> spans(
      String detector, Map<String, Map<Instant, VenueWindow>> windows, SpanGrouping grouping) {
    Duration maxGap = grouping.slide().multipliedBy(grouping.quietWindows());
    List<AlertSpan> spans = new ArrayList<>();
    for (Map.Entry<String, Map<Instant, VenueWindow>> venue : windows.entrySet()) {
      int n = 0;
      VenueWindow first = null;
      VenueWindow last = null;
      Instant end = null;
      Set<String> cells = new TreeSet<>();
      for (VenueWindow w : venue.getValue().values()) {
        if (!w.alerting) {
          continue;
        }
        // Time, not the windows present, decides: a quiet window may have no counts at all.
        boolean continues =
            last != null && Duration.between(last.start, w.start).compareTo(maxGap) <= 0;
        if (!continues && first != null) {
          spans.add(span(detector, venue.getKey(), ++n, cells, first.start, end));
          cells = new TreeSet<>();
          end = null;
        }
        if (!continues) {
          first = w;
        }
        last = w;
        end = end == null || w.end.isAfter(end) ? w.end : end;
        cells.addAll(w.cells);
      }
      if (first != null) {
        spans.add(span(detector, venue.getKey(), ++n, cells, first.start, end));
      }
    }
    spans.sort(Comparator.comparing(AlertSpan::start).thenComparing(AlertSpan::venue));
    return List.copyOf(spans);
  }

  private static AlertSpan span(
      String detector, String venue, int n, Set<String> cells, Instant start, Instant end) {
    return new AlertSpan(detector + "/" + venue + "/" + n, venue, List.copyOf(cells), start, end);
  }

  private static final class VenueWindow {
    final Instant start;
    final Instant end;
    final Set<String> cells = new TreeSet<>();
    long total;
    boolean alerting;

    VenueWindow(Instant start, Instant end) {
      this.start = start;
      this.end = end;
    }
  }
}
