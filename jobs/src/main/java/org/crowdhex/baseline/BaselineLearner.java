package org.crowdhex.baseline;

import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Learns a {@link Baseline} from the density output of a replayed history: one observation per
 * (cell, window) with its distinct authors.
 *
 * <h2>Which windows count</h2>
 *
 * The learner lays out every window of the plan (starts at whole multiples of the slide, as Flink's
 * sliding windows have) that lies wholly inside the history span; the first and last windows of a
 * replay see only part of their posts. Windows overlapping any excluded interval (past events,
 * incidents) are then dropped. Each remaining window belongs to the hour of the week of its start
 * ({@link HourOfWeek}), and the learner counts the windows of each of the 168 slots from this
 * layout, not from the span divided by 168: daylight saving time makes a slot skip a week or occur
 * twice, and exclusions remove windows from some slots only.
 *
 * <h2>Zeros</h2>
 *
 * The job writes a record only for a cell with posts, yet a window without any is an observation of
 * 0 authors. The mean of a cell in a slot is therefore the sum of its counts divided by the number
 * of windows in that slot — all of them, with or without posts. A cell seen in 2 of 4 windows with
 * 3 and 1 authors has a mean of 1.0, not 2.0.
 *
 * <h2>Cells</h2>
 *
 * Every cell with an observation gets a row; {@link #watch} adds the plan's zone cells that had no
 * post at all, so they get a row too (their parent's prior, or the floor) and count as children of
 * their parent. A later observation of the same (cell, window) replaces the earlier one: the job
 * re-publishes a window with its full count when late posts arrive.
 *
 * <h2>Volume</h2>
 *
 * {@link #observeVolume} takes the total posts of the whole stream per window (posts in no zone
 * included). A gathering barely moves that total while an outage of the platform drops it, which is
 * what {@link VolumeScaler} needs; without it, the baseline's volume is the sum of its cells'
 * expectations.
 *
 * <p>Memory: one {@code int} per window of the history per cell (4 weeks of 5-minute slides: 32 KB
 * per cell). Not thread-safe.
 */
public final class BaselineLearner {
  private static final int SLOTS = HourOfWeek.SLOTS;
  private static final int EXCLUDED = -1;
  private static final int OUTSIDE_HISTORY = -1;
  private static final int IN_EXCLUDED = -2;

  private final BaselineSettings settings;
  private final long firstStart;
  private final int windowCount;
  // The hour-of-week slot of each window of the layout, or EXCLUDED.
  private final short[] slotOfWindow;
  private final int[] windowsPerSlot = new int[SLOTS];
  private final int learnedWindows;
  private final Map<Long, int[]> countsByCell = new HashMap<>();
  private long[] volumeByWindow;
  private long learned;
  private long leftOutExcluded;
  private long leftOutOutsideHistory;

  public BaselineLearner(BaselineSettings settings) {
    this.settings = settings;
    long slide = settings.windowSlideMillis();
    long size = settings.windowSizeMillis();
    Interval history = settings.history();
    firstStart = Math.floorDiv(history.startMillis() + slide - 1, slide) * slide;
    long count =
        history.endMillis() - size < firstStart
            ? 0
            : (history.endMillis() - size - firstStart) / slide + 1;
    if (count == 0) {
      throw new IllegalArgumentException(
          "history is "
              + history
              + "; accepted: a span holding at least one whole window of "
              + size
              + " ms starting at a multiple of the slide");
    }
    if (count > 50_000_000) {
      throw new IllegalArgumentException(
          "history is "
              + history
              + ", "
              + count
              + " windows of the slide; accepted: at most 50,000,000 windows (a shorter history or"
              + " a longer slide)");
    }
    windowCount = (int) count;
    slotOfWindow = new short[windowCount];
    int kept = 0;
    for (int i = 0; i < windowCount; i++) {
      long start = firstStart + i * slide;
      if (overlapsExcluded(start, start + size)) {
        slotOfWindow[i] = EXCLUDED;
      } else {
        int slot = HourOfWeek.ofWindow(start, settings.timeZone());
        slotOfWindow[i] = (short) slot;
        windowsPerSlot[slot]++;
        kept++;
      }
    }
    learnedWindows = kept;
  }

  /**
   * Takes one record of the density output.
   *
   * @param cell the H3 cell, at the settings' resolution
   * @param windowStart the window's start, epoch ms; a multiple of the slide
   * @param authors distinct authors in the cell and window, 0 or more
   * @return true when the window is learned from; false when it lies (partly) outside the history
   *     or overlaps an excluded interval (the cell still gets a row)
   * @throws IllegalArgumentException when a value does not fit the settings, naming it
   */
  public boolean observe(long cell, long windowStart, int authors) {
    checkCell(cell);
    if (authors < 0) {
      throw new IllegalArgumentException(
          "authors is " + authors + " for cell " + H3Cells.toText(cell) + "; accepted: 0 or more");
    }
    int index = windowIndex(windowStart);
    int[] counts = countsByCell.computeIfAbsent(cell, c -> new int[0]);
    if (index == OUTSIDE_HISTORY) {
      leftOutOutsideHistory++;
      return false;
    }
    if (index == IN_EXCLUDED) {
      leftOutExcluded++;
      return false;
    }
    if (counts.length == 0) {
      counts = new int[windowCount];
      countsByCell.put(cell, counts);
    }
    counts[index] = authors;
    learned++;
    return true;
  }

  /**
   * Takes the total volume of the whole stream in one window (posts in no zone included), for the
   * baseline's expected volume. Optional; see the class description.
   *
   * @return true when the window is learned from
   */
  public boolean observeVolume(long windowStart, long posts) {
    if (posts < 0) {
      throw new IllegalArgumentException("posts is " + posts + "; accepted: 0 or more");
    }
    int index = windowIndex(windowStart);
    if (index < 0) {
      return false;
    }
    if (volumeByWindow == null) {
      volumeByWindow = new long[windowCount];
    }
    volumeByWindow[index] = posts;
    return true;
  }

  /** Gives a row to a watched cell even when it never had a post in the history. */
  public void watch(long cell) {
    checkCell(cell);
    countsByCell.putIfAbsent(cell, new int[0]);
  }

  /** Gives rows to the plan's watched cells; see {@link #watch(long)}. */
  public void watch(Iterable<Long> cells) {
    for (long cell : cells) {
      watch(cell);
    }
  }

  /** Windows of the history learned from: wholly inside it and overlapping no exclusion. */
  public int learnedWindows() {
    return learnedWindows;
  }

  /** How many of the learned windows fall in an hour of the week. */
  public int windowsIn(int hourOfWeek) {
    return windowsPerSlot[HourOfWeek.check(hourOfWeek)];
  }

  /** Observations taken (a replacement counts again). */
  public long observationsLearned() {
    return learned;
  }

  /** Observations left out because their window overlaps an excluded interval. */
  public long observationsExcluded() {
    return leftOutExcluded;
  }

  /** Observations left out because their window is not wholly inside the history. */
  public long observationsOutsideHistory() {
    return leftOutOutsideHistory;
  }

  /**
   * Computes the baseline from what was observed; the learner can go on observing afterwards.
   *
   * @param createdAt when, for the header
   * @param createdBy what learned it, for the header (a tool and version, a plan name)
   * @throws IllegalStateException when every window of the history is excluded
   */
  public Baseline build(Instant createdAt, String createdBy) {
    if (learnedWindows == 0) {
      throw new IllegalStateException(
          "every window of the history "
              + settings.history()
              + " overlaps an excluded interval; nothing is left to learn from: give a longer"
              + " history");
    }
    Shrinkage shrinkage = settings.shrinkage();
    int parentResolution = settings.parentResolution();

    long[] cells = countsByCell.keySet().stream().mapToLong(Long::longValue).sorted().toArray();
    double[][] sums = new double[cells.length][];
    long[][] active = new long[cells.length][];
    TreeMap<Long, double[]> parentSums = new TreeMap<>();
    Map<Long, Integer> children = new HashMap<>();
    for (int c = 0; c < cells.length; c++) {
      // Slots 0..167, then the whole history at index 168.
      sums[c] = new double[SLOTS + 1];
      active[c] = new long[SLOTS + 1];
      int[] counts = countsByCell.get(cells[c]);
      for (int i = 0; i < counts.length; i++) {
        int slot = slotOfWindow[i];
        if (slot != EXCLUDED && counts[i] > 0) {
          sums[c][slot] += counts[i];
          sums[c][SLOTS] += counts[i];
          active[c][slot]++;
          active[c][SLOTS]++;
        }
      }
      long parent = H3Cells.parent(cells[c], parentResolution);
      double[] parentSum = parentSums.computeIfAbsent(parent, p -> new double[SLOTS + 1]);
      for (int slot = 0; slot <= SLOTS; slot++) {
        parentSum[slot] += sums[c][slot];
      }
      children.merge(parent, 1, Integer::sum);
    }

    long[] parents = parentSums.keySet().stream().mapToLong(Long::longValue).toArray();
    Map<Long, double[]> priors = new HashMap<>();
    double[] parentTable = new double[parents.length * SLOTS];
    for (int p = 0; p < parents.length; p++) {
      double[] parentSum = parentSums.get(parents[p]);
      int watchedChildren = children.get(parents[p]);
      double[] prior = new double[SLOTS + 1];
      for (int slot = 0; slot <= SLOTS; slot++) {
        prior[slot] = parentSum[slot] / ((double) windowsOf(slot) * watchedChildren);
      }
      priors.put(parents[p], prior);
      for (int slot = 0; slot < SLOTS; slot++) {
        double value = windowsPerSlot[slot] > 0 ? prior[slot] : prior[SLOTS];
        parentTable[p * SLOTS + slot] = stored(Math.max(value, shrinkage.floorAuthors()));
      }
    }

    double[] table = new double[cells.length * SLOTS];
    double[] cellVolume = new double[SLOTS];
    for (int c = 0; c < cells.length; c++) {
      double[] prior = priors.get(H3Cells.parent(cells[c], parentResolution));
      for (int slot = 0; slot < SLOTS; slot++) {
        // A slot the history never covers takes the estimate over the whole history.
        int from = windowsPerSlot[slot] > 0 ? slot : SLOTS;
        double mean = sums[c][from] / windowsOf(from);
        double value = stored(shrinkage.estimate(mean, active[c][from], prior[from]));
        table[c * SLOTS + slot] = value;
        cellVolume[slot] += value;
      }
    }

    double[] volume = volumeByWindow == null ? roundAll(cellVolume) : streamVolume();
    BaselineInfo info =
        new BaselineInfo(
            Baseline.FORMAT_VERSION,
            settings.h3Resolution(),
            settings.windowSizeMillis(),
            settings.windowSlideMillis(),
            settings.timeZone(),
            settings.history(),
            learnedWindows,
            Arrays.stream(windowsPerSlot).boxed().toList(),
            settings.excluded(),
            shrinkage,
            volumeByWindow == null
                ? BaselineInfo.VOLUME_FROM_CELLS
                : BaselineInfo.VOLUME_FROM_STREAM,
            createdAt,
            createdBy);
    return new Baseline(info, cells, table, parents, parentTable, volume);
  }

  private double[] streamVolume() {
    double[] sum = new double[SLOTS + 1];
    for (int i = 0; i < windowCount; i++) {
      int slot = slotOfWindow[i];
      if (slot != EXCLUDED) {
        sum[slot] += volumeByWindow[i];
        sum[SLOTS] += volumeByWindow[i];
      }
    }
    double[] volume = new double[SLOTS];
    for (int slot = 0; slot < SLOTS; slot++) {
      int from = windowsPerSlot[slot] > 0 ? slot : SLOTS;
      volume[slot] = stored(sum[from] / windowsOf(from));
    }
    return volume;
  }

  private int windowsOf(int slotOrWhole) {
    return slotOrWhole == SLOTS ? learnedWindows : windowsPerSlot[slotOrWhole];
  }

  private static double stored(double value) {
    return Baseline.round4(value);
  }

  private static double[] roundAll(double[] values) {
    double[] rounded = new double[values.length];
    for (int i = 0; i < values.length; i++) {
      rounded[i] = stored(values[i]);
    }
    return rounded;
  }

  private boolean overlapsExcluded(long start, long end) {
    for (Interval interval : settings.excluded()) {
      if (interval.overlaps(start, end)) {
        return true;
      }
    }
    return false;
  }

  /** The window's index in the layout, or {@link #OUTSIDE_HISTORY} or {@link #IN_EXCLUDED}. */
  private int windowIndex(long windowStart) {
    long slide = settings.windowSlideMillis();
    if (Math.floorMod(windowStart, slide) != 0) {
      throw new IllegalArgumentException(
          "windowStart is "
              + Instant.ofEpochMilli(windowStart)
              + "; accepted: a multiple of the slide ("
              + slide
              + " ms) since the epoch, as the plan's windows start");
    }
    long offset = windowStart - firstStart;
    if (offset < 0 || offset / slide >= windowCount) {
      return OUTSIDE_HISTORY;
    }
    int index = (int) (offset / slide);
    if (slotOfWindow[index] == EXCLUDED) {
      return IN_EXCLUDED;
    }
    return index;
  }

  private void checkCell(long cell) {
    if (!H3Cells.isCellIndex(cell) || H3Cells.resolution(cell) != settings.h3Resolution()) {
      throw new IllegalArgumentException(
          "cell is "
              + H3Cells.toText(cell)
              + (H3Cells.isCellIndex(cell)
                  ? ", a cell of resolution " + H3Cells.resolution(cell)
                  : ", not an H3 cell index")
              + "; accepted: an H3 cell at the plan's h3_resolution ("
              + settings.h3Resolution()
              + ")");
    }
  }
}
