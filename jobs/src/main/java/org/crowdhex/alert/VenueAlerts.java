package org.crowdhex.alert;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * The alert state machine of a venue: applies the {@link AlertPolicy} to each window's detection
 * and returns the alert records to publish. It holds no state of its own — each call takes the
 * venue's {@link VenueAlertState} and changes it — so one instance serves every venue of a keyed
 * operator. Windows are sliding event-time windows of a fixed size and slide, in epoch ms.
 *
 * <p>Windows must be applied in order of their end. A venue's windows may be skipped: a window in
 * which the scan found nothing for the venue counts as a quiet window (score 0), whether it comes
 * as a detection with no hotspots, as a call to {@link #onQuietWindow}, or not at all — the windows
 * between the last one applied and the next one are filled in as quiet. A detection for a window at
 * or before the last one applied (a late revision) changes nothing: alerts already sent stand.
 *
 * <p>In a keyed operator: after each call, clear the venue's state if {@link
 * VenueAlertState#isIdle()}, else keep it and (re)register an event-time timer at {@link
 * #nextTimerAt}; when the timer fires, call {@link #onQuietWindow} with its time. Alerts then close
 * even when the venue's detections stop.
 */
public final class VenueAlerts {
  private static final DateTimeFormatter ID_MINUTES =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmm'Z'").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter ID_SECONDS =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  /** An alert opened by the scan statistic. */
  public static final String TRIGGER_SCAN = "scan";

  /** An alert opened by a cell's CUSUM: a crowd that gathered over hours. */
  public static final String TRIGGER_BUILD_UP = "build_up";

  private final AlertPolicy policy;
  private final long windowSize;
  private final long windowSlide;
  private final IncidentMerger merger;

  /**
   * @param policy the alert rules
   * @param windowSizeMillis the windows' size, ms
   * @param windowSlideMillis the windows' slide, ms; the size is a whole multiple of it
   * @param merger merges each window's hotspots into incidents
   */
  public VenueAlerts(
      AlertPolicy policy, long windowSizeMillis, long windowSlideMillis, IncidentMerger merger) {
    this.policy = Objects.requireNonNull(policy, "policy");
    this.merger = Objects.requireNonNull(merger, "merger");
    if (windowSlideMillis <= 0) {
      throw new IllegalArgumentException(
          "window slide is " + windowSlideMillis + " ms; accepted: more than 0 ms");
    }
    if (windowSizeMillis < windowSlideMillis || windowSizeMillis % windowSlideMillis != 0) {
      throw new IllegalArgumentException(
          "window size is "
              + windowSizeMillis
              + " ms; accepted: a whole multiple of the slide ("
              + windowSlideMillis
              + " ms)");
    }
    this.windowSize = windowSizeMillis;
    this.windowSlide = windowSlideMillis;
  }

  public AlertPolicy policy() {
    return policy;
  }

  /**
   * Applies one window's detection for the venue of {@code state}.
   *
   * @return the records to publish, in order; empty when nothing changed
   */
  public List<AlertRecord> onWindow(VenueAlertState state, Detection detection) {
    if (detection.windowEnd() - detection.windowStart() != windowSize) {
      throw new IllegalArgumentException(
          "detection window of venue "
              + detection.venue()
              + " lasts "
              + (detection.windowEnd() - detection.windowStart())
              + " ms; accepted: the window size, "
              + windowSize
              + " ms");
    }
    if (state.venue != null && !state.venue.equals(detection.venue())) {
      throw new IllegalArgumentException(
          "detection venue is "
              + detection.venue()
              + " but the state is that of venue "
              + state.venue
              + "; accepted: one state per venue");
    }
    if (isLate(state, detection.windowEnd())) return List.of();
    state.fillNewFields();
    List<AlertRecord> out = new ArrayList<>(2);
    fillQuietWindows(state, detection.windowEnd(), out);
    List<Incident> incidents = merger.merge(detection.hotspots());
    Incident strongest = incidents.isEmpty() ? null : incidents.get(0);
    long present = strongest == null ? 0 : detection.present(strongest.cells());
    apply(state, detection, detection.windowEnd(), strongest, present, out);
    if (!state.hasOpenAlert() && !detection.buildUps().isEmpty()) {
      openBuildUp(state, detection, out);
    }
    return out;
  }

  /**
   * A crowd gathering over hours, too slowly for the scan, opens an alert at once: its cells are
   * the cells that built up, its counts theirs over the build-up, its first window the first of the
   * build-up (so its id and onset say since when).
   */
  private void openBuildUp(VenueAlertState state, Detection detection, List<AlertRecord> out) {
    long[] cells = new long[detection.buildUps().size()];
    long observed = 0;
    double expected = 0;
    double score = 0;
    int longest = 1;
    for (int i = 0; i < cells.length; i++) {
      BuildUp b = detection.buildUps().get(i);
      cells[i] = b.cell();
      observed += b.observed();
      expected += b.expected();
      score = Math.max(score, b.score());
      longest = Math.max(longest, b.windows());
    }
    Arrays.sort(cells);
    long present = detection.present(cells);
    long windowEnd = detection.windowEnd();
    state.venue = detection.venue();
    state.lastWindowEnd = windowEnd;
    // The build-up's windows do not overlap: each is one window size long.
    long firstEnd = windowEnd - (longest - 1) * windowSize;
    state.clearHits();
    state.hitEnds = new long[] {firstEnd};
    state.hitScores = new double[] {score};
    state.hitObserved = new long[] {observed};
    state.hitExpected = new double[] {expected};
    state.hitPresent = new long[] {present};
    open(
        state,
        detection,
        windowEnd,
        new Incident(cells, observed, expected, score),
        present,
        TRIGGER_BUILD_UP,
        out);
  }

  /**
   * Applies a window in which the venue had no detection (and any skipped before it). Does nothing
   * for an idle venue.
   *
   * @param windowEnd the window's end, epoch ms
   * @return the records to publish: at most a {@code CLOSED}
   */
  public List<AlertRecord> onQuietWindow(VenueAlertState state, long windowEnd) {
    if (state.isIdle() || isLate(state, windowEnd)) return List.of();
    state.fillNewFields();
    List<AlertRecord> out = new ArrayList<>(1);
    fillQuietWindows(state, windowEnd, out);
    if (!state.isIdle()) apply(state, null, windowEnd, null, 0, out);
    return out;
  }

  /**
   * When the operator should call {@link #onQuietWindow} if no detection comes first: the end of
   * the next window. Empty when the venue is idle and needs no timer.
   */
  public OptionalLong nextTimerAt(VenueAlertState state) {
    return state.isIdle()
        ? OptionalLong.empty()
        : OptionalLong.of(state.lastWindowEnd + windowSlide);
  }

  /**
   * The venue's open alert as it stands after the last window applied, for a map of that window;
   * null when no alert is open.
   */
  public OpenAlert openAlert(VenueAlertState state) {
    if (!state.hasOpenAlert()) return null;
    return new OpenAlert(
        state.alertId,
        state.venue,
        state.phase,
        state.severity,
        state.firstWindowEnd - windowSize,
        state.heldWindowEnd,
        state.cells,
        state.observed,
        state.expected,
        state.score,
        state.peakObserved,
        state.baseline,
        state.present);
  }

  private static boolean isLate(VenueAlertState state, long windowEnd) {
    return state.lastWindowEnd != VenueAlertState.NO_WINDOW && windowEnd <= state.lastWindowEnd;
  }

  // Windows nobody reported are quiet. The loop ends within closeAfter or openWindows steps: by
  // then an open alert has closed and recent hits have aged out, and the state is idle.
  private void fillQuietWindows(VenueAlertState state, long windowEnd, List<AlertRecord> out) {
    if (state.isIdle()) return;
    for (long end = state.lastWindowEnd + windowSlide; end < windowEnd; end += windowSlide) {
      apply(state, null, end, null, 0, out);
      if (state.isIdle()) return;
    }
  }

  /**
   * Applies a window: {@code detection} is null for a quiet one (no strongest incident either).
   * {@code present} is the distinct authors in the strongest incident's cells in this window alone.
   */
  private void apply(
      VenueAlertState state,
      Detection detection,
      long windowEnd,
      Incident strongest,
      long present,
      List<AlertRecord> out) {
    if (detection != null) state.venue = detection.venue();
    state.lastWindowEnd = windowEnd;
    double score = strongest == null ? 0 : strongest.score();
    if (state.hasOpenAlert()) {
      if (policy.holds(score)) {
        hold(state, detection, windowEnd, strongest, present, out);
      } else if (++state.lowWindows >= policy.closeAfter()) {
        state.revision++;
        out.add(record(state, AlertState.CLOSED, false, windowEnd));
        state.clear();
      }
    } else {
      forgetOldHits(state, windowEnd);
      if (policy.isHit(score)) {
        addHit(state, windowEnd, strongest, present);
        if (state.hitEnds.length >= policy.openHits() || score >= policy.critical()) {
          open(state, detection, windowEnd, strongest, present, TRIGGER_SCAN, out);
        }
      }
    }
    if (state.isIdle()) state.clear();
  }

  private void open(
      VenueAlertState state,
      Detection detection,
      long windowEnd,
      Incident strongest,
      long present,
      String trigger,
      List<AlertRecord> out) {
    state.trigger = trigger;
    long firstEnd = state.hitEnds[0];
    Instant firstStart = Instant.ofEpochMilli(firstEnd - windowSize);
    state.alertId =
        state.venue
            + "-"
            + (firstStart.getEpochSecond() % 60 == 0 ? ID_MINUTES : ID_SECONDS).format(firstStart);
    state.firstWindowEnd = firstEnd;
    // The peak may be an earlier hit of the opening run; the earliest of equal scores wins.
    int peak = 0;
    for (int i = 1; i < state.hitScores.length; i++) {
      if (state.hitScores[i] > state.hitScores[peak]) peak = i;
    }
    state.peakWindowEnd = state.hitEnds[peak];
    state.peakScore = state.hitScores[peak];
    state.peakObserved = state.hitObserved[peak];
    state.peakExpected = state.hitExpected[peak];
    state.peakPresent = state.hitPresent[peak];
    state.severity = policy.severityOf(state.peakScore);
    setHeld(state, detection, windowEnd, strongest, present);
    state.revision = 0;
    state.lowWindows = 0;
    state.clearHits();
    out.add(record(state, AlertState.OPENED, true, windowEnd));
  }

  private void hold(
      VenueAlertState state,
      Detection detection,
      long windowEnd,
      Incident strongest,
      long present,
      List<AlertRecord> out) {
    state.lowWindows = 0;
    setHeld(state, detection, windowEnd, strongest, present);
    if (strongest.score() > state.peakScore) {
      state.peakWindowEnd = windowEnd;
      state.peakScore = strongest.score();
      state.peakObserved = strongest.observed();
      state.peakExpected = strongest.expected();
      state.peakPresent = present;
    }
    state.revision++;
    Severity now = policy.severityOf(strongest.score());
    if (now.compareTo(state.severity) > 0) {
      state.severity = now;
      out.add(record(state, AlertState.ESCALATED, true, windowEnd));
    } else {
      out.add(record(state, AlertState.UPDATED, false, windowEnd));
    }
  }

  private static void setHeld(
      VenueAlertState state,
      Detection detection,
      long windowEnd,
      Incident strongest,
      long present) {
    state.phase = detection.phase();
    state.baseline = detection.baseline();
    state.cells = strongest.cells();
    state.heldWindowEnd = windowEnd;
    state.observed = strongest.observed();
    state.expected = strongest.expected();
    state.score = strongest.score();
    state.present = present;
  }

  private void forgetOldHits(VenueAlertState state, long windowEnd) {
    // The opening rule looks at this window and the openWindows - 1 before it.
    long oldestKept = windowEnd - (long) (policy.openWindows() - 1) * windowSlide;
    int from = 0;
    while (from < state.hitEnds.length && state.hitEnds[from] < oldestKept) from++;
    if (from == 0) return;
    int n = state.hitEnds.length;
    state.hitEnds = Arrays.copyOfRange(state.hitEnds, from, n);
    state.hitScores = Arrays.copyOfRange(state.hitScores, from, n);
    state.hitObserved = Arrays.copyOfRange(state.hitObserved, from, n);
    state.hitExpected = Arrays.copyOfRange(state.hitExpected, from, n);
    state.hitPresent = Arrays.copyOfRange(state.hitPresent, from, n);
  }

  private static void addHit(
      VenueAlertState state, long windowEnd, Incident strongest, long present) {
    int n = state.hitEnds.length;
    state.hitEnds = Arrays.copyOf(state.hitEnds, n + 1);
    state.hitScores = Arrays.copyOf(state.hitScores, n + 1);
    state.hitObserved = Arrays.copyOf(state.hitObserved, n + 1);
    state.hitExpected = Arrays.copyOf(state.hitExpected, n + 1);
    state.hitPresent = Arrays.copyOf(state.hitPresent, n + 1);
    state.hitEnds[n] = windowEnd;
    state.hitScores[n] = strongest.score();
    state.hitObserved[n] = strongest.observed();
    state.hitExpected[n] = strongest.expected();
    state.hitPresent[n] = present;
  }

  private AlertRecord record(
      VenueAlertState state, AlertState what, boolean notify, long windowEnd) {
    List<String> cells = new ArrayList<>(state.cells.length);
    for (long cell : state.cells) cells.add(Long.toHexString(cell));
    return new AlertRecord(
        state.alertId,
        state.venue,
        state.phase,
        state.trigger,
        state.baseline,
        what,
        state.severity,
        notify,
        state.revision,
        windowEnd - windowSize,
        windowEnd,
        state.firstWindowEnd - windowSize,
        state.firstWindowEnd,
        state.heldWindowEnd - windowSize,
        state.heldWindowEnd,
        state.peakWindowEnd - windowSize,
        state.peakWindowEnd,
        cells,
        state.observed,
        state.expected,
        state.score,
        state.peakObserved,
        state.peakExpected,
        state.peakScore,
        state.present,
        state.peakPresent);
  }
}
