package org.crowdhex.baseline;

import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;

/**
 * The fallback when there is no history to learn a {@link Baseline} from: expectations learned from
 * the first windows of the monitored stream itself.
 *
 * <p>It keeps, per cell, the mean distinct authors per window over the first {@code warmUpWindows}
 * whole windows (default 12: an hour at a 5-minute slide), irrespective of the hour of the week —
 * an hour of data cannot tell hours apart. As with a learned baseline, a window without a post in a
 * cell counts as 0 for it, so the mean divides by the windows seen, not by the windows with posts.
 * The first {@code size / slide} windows the stream produces started before the stream did and hold
 * only part of their posts, so learning starts with the first window starting a window size after
 * the first one seen.
 *
 * <p>Once warm it stops learning: a gathering that builds up later is measured against the quiet
 * start instead of being absorbed into what counts as normal. Until warm, every expectation is
 * marked {@value #NO_BASELINE_YET}, and alerts made with it must carry that mark. A cell first seen
 * after the warm-up, or never, is expected to have the floor. Records of a window already past are
 * taken only as a re-publication of the cell's latest window (which replaces its count); other late
 * records are ignored, which makes the fallback at most slightly low.
 *
 * <p>Not thread-safe; one per job task, keyed or not. Serializable, so it can live in job state.
 */
public final class OnlineBaseline implements Serializable {
  private static final long serialVersionUID = 1L;

  /** The mark of an expectation made before the fallback is warm. */
  public static final String NO_BASELINE_YET = "no baseline yet";

  /** Whole windows learned from before the fallback is warm. */
  public static final int DEFAULT_WARM_UP_WINDOWS = 12;

  private final long windowSizeMillis;
  private final long windowSlideMillis;
  private final int warmUpWindows;
  private final double floorAuthors;
  private final Map<Long, CellTally> tallies = new HashMap<>();
  private long firstSeen = Long.MIN_VALUE;
  private long latestLearned = Long.MIN_VALUE;

  /** The per-cell tally: its sum, and its latest window so a re-publication replaces it. */
  private static final class CellTally implements Serializable {
    private static final long serialVersionUID = 1L;
    long sum;
    long latestStart = Long.MIN_VALUE;
    int latestAuthors;
  }

  /**
   * A fallback with {@value #DEFAULT_WARM_UP_WINDOWS} warm-up windows and the floor of {@link
   * Shrinkage#DEFAULT}.
   */
  public OnlineBaseline(long windowSizeMillis, long windowSlideMillis) {
    this(
        windowSizeMillis,
        windowSlideMillis,
        DEFAULT_WARM_UP_WINDOWS,
        Shrinkage.DEFAULT.floorAuthors());
  }

  /**
   * @param windowSizeMillis the plan's window size, ms
   * @param windowSlideMillis the plan's window slide, ms; divides the size
   * @param warmUpWindows whole windows to learn from, 1 or more
   * @param floorAuthors the least expectation, greater than 0
   */
  public OnlineBaseline(
      long windowSizeMillis, long windowSlideMillis, int warmUpWindows, double floorAuthors) {
    if (windowSlideMillis <= 0
        || windowSizeMillis < windowSlideMillis
        || windowSizeMillis % windowSlideMillis != 0) {
      throw new IllegalArgumentException(
          "window.size is "
              + windowSizeMillis
              + " ms and window.slide "
              + windowSlideMillis
              + " ms; accepted: a slide greater than 0 and a size a whole multiple of it");
    }
    if (warmUpWindows < 1) {
      throw new IllegalArgumentException(
          "warmUpWindows is " + warmUpWindows + "; accepted: a whole number of windows, 1 or more");
    }
    if (!(floorAuthors > 0) || Double.isInfinite(floorAuthors)) {
      throw new IllegalArgumentException(
          "floorAuthors is "
              + floorAuthors
              + "; accepted: a finite number of authors greater than 0, e.g. 0.05");
    }
    this.windowSizeMillis = windowSizeMillis;
    this.windowSlideMillis = windowSlideMillis;
    this.warmUpWindows = warmUpWindows;
    this.floorAuthors = floorAuthors;
  }

  /**
   * Takes one record of the density output, in the order the job publishes them (window by window).
   *
   * @param cell the H3 cell
   * @param windowStart the window's start, epoch ms
   * @param authors distinct authors, 0 or more
   */
  public void observe(long cell, long windowStart, int authors) {
    if (authors < 0) {
      throw new IllegalArgumentException(
          "authors is " + authors + " for cell " + H3Cells.toText(cell) + "; accepted: 0 or more");
    }
    windowPublished(windowStart);
    long learnFrom = firstSeen + windowSizeMillis;
    long learnUntil = learnFrom + warmUpWindows * windowSlideMillis;
    if (windowStart < learnFrom || windowStart >= learnUntil) {
      return;
    }
    CellTally tally = tallies.computeIfAbsent(cell, c -> new CellTally());
    if (windowStart == tally.latestStart) {
      tally.sum += authors - tally.latestAuthors;
      tally.latestAuthors = authors;
    } else if (windowStart > tally.latestStart) {
      tally.sum += authors;
      tally.latestStart = windowStart;
      tally.latestAuthors = authors;
    }
  }

  /**
   * Whole windows learned from so far, the windows without any post included; at most the warm-up.
   */
  public int windowsLearned() {
    if (latestLearned == Long.MIN_VALUE) {
      return 0;
    }
    long learnFrom = firstSeen + windowSizeMillis;
    return (int) ((latestLearned - learnFrom) / windowSlideMillis + 1);
  }

  /**
   * Whether the warm-up is over: the last warm-up window has been learned from. Records of windows
   * after it also make it warm, since a window without any post produces no record.
   */
  public boolean isWarm() {
    return windowsLearned() >= warmUpWindows;
  }

  /** Tells the fallback that a window has been published, with or without posts. */
  public void windowPublished(long windowStart) {
    if (firstSeen == Long.MIN_VALUE) {
      firstSeen = windowStart;
    }
    long learnFrom = firstSeen + windowSizeMillis;
    long learnUntil = learnFrom + warmUpWindows * windowSlideMillis;
    if (windowStart >= learnFrom) {
      latestLearned =
          Math.max(latestLearned, Math.min(windowStart, learnUntil - windowSlideMillis));
    }
  }

  /**
   * The expected distinct authors per window of a cell: its mean over the windows learned so far,
   * at least the floor; the floor before any window is learned.
   */
  public double expected(long cell) {
    int windows = windowsLearned();
    CellTally tally = tallies.get(cell);
    if (windows == 0 || tally == null) {
      return floorAuthors;
    }
    return Math.max(floorAuthors, (double) tally.sum / windows);
  }

  /** {@link #expected} together with whether it may be trusted yet. */
  public Expectation expectation(long cell) {
    return new Expectation(expected(cell), isWarm());
  }

  /**
   * An expectation of the fallback.
   *
   * @param authors expected distinct authors per window
   * @param warm false while the fallback is still warming up
   */
  public record Expectation(double authors, boolean warm) {
    /** {@value OnlineBaseline#NO_BASELINE_YET} while warming up, else empty. */
    public String note() {
      return warm ? "" : NO_BASELINE_YET;
    }
  }
}
