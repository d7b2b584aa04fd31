package org.crowdhex.baseline;

import java.util.Arrays;

/**
 * The fallback when there is no history to learn a {@link Baseline} from: expectations learned from
 * the first windows of the monitored stream itself, for a fixed set of cells (a venue's cover),
 * addressed by their index in it.
 *
 * <p>It keeps, per cell, the mean distinct authors per window over the first {@code warmUpWindows}
 * whole windows (default 12: an hour at a 5-minute slide), irrespective of the hour of the week —
 * an hour of data cannot tell hours apart. As with a learned baseline, a window without a post in a
 * cell counts as 0 for it, so the mean divides by the windows seen, not by the windows with posts.
 * The first {@code size / slide} windows seen started before the stream did and may hold only part
 * of their posts, so learning starts with the first window starting a window size after the first
 * one seen.
 *
 * <p>Like a learned baseline, it shrinks each cell's mean toward a prior, here the mean per cell of
 * all the cells together: b = (sum + m · prior) / (n + m) after n windows, with m {@code
 * pseudoWindows}. A cell that was empty in the first few windows is then not expected to stay at
 * the floor, which would make the next few authors in it look like a crowd.
 *
 * <p>Once warm it stops learning: a gathering that builds up later is measured against the quiet
 * start instead of being absorbed into what counts as normal. Until warm, every expectation is
 * marked {@value #NO_BASELINE_YET}, and alerts made with it must carry that mark. A cell without a
 * post in the windows learned from is expected to have the floor. Records of a window already past
 * are taken only as a re-publication of the cell's latest window (which replaces its count); other
 * late records are ignored, which makes the fallback at most slightly low.
 *
 * <p>Not thread-safe. A Flink POJO (public fields, a no-argument constructor), so it lives in keyed
 * state field by field.
 */
public final class OnlineBaseline {
  /** The mark of an expectation made before the fallback is warm. */
  public static final String NO_BASELINE_YET = "no baseline yet";

  /** Whole windows learned from before the fallback is warm. */
  public static final int DEFAULT_WARM_UP_WINDOWS = 12;

  /** The plan's window size, ms. */
  public long windowSizeMillis;

  /** The plan's window slide, ms. */
  public long windowSlideMillis;

  /** Whole windows to learn from. */
  public int warmUpWindows;

  /** The least expectation. */
  public double floorAuthors;

  /** The weight of the prior, in windows: m of b = (sum + m · prior) / (n + m). */
  public double pseudoWindows;

  /** Per cell: the sum of its authors over the windows learned from. */
  public long[] sums;

  /** Per cell: the start of its latest window learned from, so a re-publication replaces it. */
  public long[] latestStarts;

  /** Per cell: its authors in that window. */
  public int[] latestAuthors;

  /** The start of the first window seen, or {@link Long#MIN_VALUE}. */
  public long firstSeen = Long.MIN_VALUE;

  /** The start of the latest window learned from, or {@link Long#MIN_VALUE}. */
  public long latestLearned = Long.MIN_VALUE;

  /** For Flink's POJO serializer only. */
  public OnlineBaseline() {}

  /**
   * A fallback with {@value #DEFAULT_WARM_UP_WINDOWS} warm-up windows and the floor and prior
   * weight of {@link Shrinkage#DEFAULT}.
   */
  public OnlineBaseline(int cells, long windowSizeMillis, long windowSlideMillis) {
    this(cells, windowSizeMillis, windowSlideMillis, DEFAULT_WARM_UP_WINDOWS);
  }

  /** A fallback with the floor and prior weight of {@link Shrinkage#DEFAULT}. */
  public OnlineBaseline(
      int cells, long windowSizeMillis, long windowSlideMillis, int warmUpWindows) {
    this(
        cells,
        windowSizeMillis,
        windowSlideMillis,
        warmUpWindows,
        Shrinkage.DEFAULT.floorAuthors(),
        Shrinkage.DEFAULT.pseudoWindows());
  }

  /**
   * @param cells how many cells it learns, 1 or more; they are addressed as 0 to cells - 1
   * @param windowSizeMillis the plan's window size, ms
   * @param windowSlideMillis the plan's window slide, ms; divides the size
   * @param warmUpWindows whole windows to learn from, 1 or more
   * @param floorAuthors the least expectation, greater than 0
   * @param pseudoWindows the weight of the prior (all cells' mean), in windows; 0 for none
   */
  public OnlineBaseline(
      int cells,
      long windowSizeMillis,
      long windowSlideMillis,
      int warmUpWindows,
      double floorAuthors,
      double pseudoWindows) {
    if (cells < 1) {
      throw new IllegalArgumentException("cells is " + cells + "; accepted: 1 or more");
    }
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
    if (!(pseudoWindows >= 0) || Double.isInfinite(pseudoWindows)) {
      throw new IllegalArgumentException(
          "pseudoWindows is "
              + pseudoWindows
              + "; accepted: a finite weight of 0 or more windows, e.g. 5");
    }
    this.pseudoWindows = pseudoWindows;
    this.windowSizeMillis = windowSizeMillis;
    this.windowSlideMillis = windowSlideMillis;
    this.warmUpWindows = warmUpWindows;
    this.floorAuthors = floorAuthors;
    this.sums = new long[cells];
    this.latestStarts = new long[cells];
    Arrays.fill(latestStarts, Long.MIN_VALUE);
    this.latestAuthors = new int[cells];
  }

  /**
   * Takes one window of counts: the authors of every cell, 0 for those without a post.
   *
   * @param windowStart the window's start, epoch ms
   * @param authors distinct authors per cell, indexed as the cells
   */
  public void observeWindow(long windowStart, int[] authors) {
    if (authors.length != sums.length) {
      throw new IllegalArgumentException(
          "a window of "
              + authors.length
              + " cells; accepted: one count for each of the "
              + sums.length
              + " cells");
    }
    windowPublished(windowStart);
    for (int i = 0; i < authors.length; i++) {
      if (authors[i] != 0 || latestStarts[i] == windowStart) observe(i, windowStart, authors[i]);
    }
  }

  /**
   * Takes one record of the density output, in the order the job publishes them (window by window).
   *
   * @param cell the cell's index
   * @param windowStart the window's start, epoch ms
   * @param authors distinct authors, 0 or more
   */
  public void observe(int cell, long windowStart, int authors) {
    if (cell < 0 || cell >= sums.length) {
      throw new IllegalArgumentException(
          "cell index " + cell + "; accepted: 0 to " + (sums.length - 1));
    }
    if (authors < 0) {
      throw new IllegalArgumentException(
          "authors is " + authors + " for cell " + cell + "; accepted: 0 or more");
    }
    windowPublished(windowStart);
    long learnFrom = firstSeen + windowSizeMillis;
    long learnUntil = learnFrom + warmUpWindows * windowSlideMillis;
    if (windowStart < learnFrom || windowStart >= learnUntil) {
      return;
    }
    if (windowStart == latestStarts[cell]) {
      sums[cell] += authors - latestAuthors[cell];
      latestAuthors[cell] = authors;
    } else if (windowStart > latestStarts[cell]) {
      sums[cell] += authors;
      latestStarts[cell] = windowStart;
      latestAuthors[cell] = authors;
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
   * shrunk toward the mean of all cells, at least the floor; the floor before any window is
   * learned.
   */
  public double expected(int cell) {
    int windows = windowsLearned();
    if (windows == 0) {
      return floorAuthors;
    }
    long total = 0;
    for (long sum : sums) total += sum;
    double prior = (double) total / windows / sums.length;
    return Math.max(floorAuthors, (sums[cell] + pseudoWindows * prior) / (windows + pseudoWindows));
  }

  /** {@link #expected} together with whether it may be trusted yet. */
  public Expectation expectation(int cell) {
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
