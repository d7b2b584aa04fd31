package org.crowdhex.alert;

import java.io.Serializable;
import java.util.Arrays;

/**
 * What the alert state machine remembers about one venue between windows: the recent hits that may
 * still open an alert, and the open alert. A plain POJO (public fields, no-argument constructor) so
 * a keyed operator can keep it as one value per venue; {@link #isIdle()} tells it when the value
 * may be dropped. Times are the ends of windows, epoch ms.
 *
 * <p>One alert per venue at a time: a venue's zone is small enough that two crowds in it are one
 * situation for the people on duty, so the alert follows the venue's strongest incident.
 */
public class VenueAlertState implements Serializable {
  private static final long serialVersionUID = 1L;

  /** No window seen yet. */
  public static final long NO_WINDOW = Long.MIN_VALUE;

  /** The venue id; null while idle. */
  public String venue;

  /** End of the last window applied; {@link #NO_WINDOW} while idle. */
  public long lastWindowEnd;

  /** Ends of the recent hit windows while no alert is open, ascending. */
  public long[] hitEnds;

  /** Score of the strongest incident of each recent hit, parallel to {@link #hitEnds}. */
  public double[] hitScores;

  /** Its observed count C. */
  public long[] hitObserved;

  /** Its expected count B. */
  public double[] hitExpected;

  /** Distinct authors in its cells in that window alone. */
  public long[] hitPresent;

  /** Id of the open alert; null when none is open. */
  public String alertId;

  /** Schedule phase of the last window in which the alert held, or null. */
  public String phase;

  /** What opened the open alert: {@code scan} or {@code build_up}; null when none is open. */
  public String trigger;

  /** Cells of the strongest incident in the last window in which the alert held. */
  public long[] cells;

  /** End of the alert's first window. */
  public long firstWindowEnd;

  /** End of the last window in which the alert held. */
  public long heldWindowEnd;

  /** End of the window with the highest score. */
  public long peakWindowEnd;

  /** Where the expected crowd of the last window in which the alert held came from. */
  public ExpectationSource baseline;

  /** C, B and score in the last window in which the alert held. */
  public long observed;

  public double expected;
  public double score;

  /**
   * Distinct authors in the cells in the last window in which the alert held, that window alone.
   */
  public long present;

  /** C, B and score at the peak. */
  public long peakObserved;

  public double peakExpected;
  public double peakScore;

  /** Distinct authors in the peak's cells in the peak window alone. */
  public long peakPresent;

  /** The highest severity reached, the one last notified; null when no alert is open. */
  public Severity severity;

  /** Revision of the alert's last record. */
  public int revision;

  /** Consecutive windows below half the threshold since the alert last held. */
  public int lowWindows;

  public VenueAlertState() {
    clear();
  }

  /** Whether an alert is open. */
  public boolean hasOpenAlert() {
    return alertId != null;
  }

  /**
   * Whether nothing is worth keeping: no open alert and no recent hit. The operator may then clear
   * the venue's state and delete its timer.
   */
  public boolean isIdle() {
    return alertId == null && hitEnds.length == 0;
  }

  /** Forgets everything. */
  public void clear() {
    venue = null;
    lastWindowEnd = NO_WINDOW;
    clearHits();
    clearAlert();
  }

  void clearHits() {
    hitEnds = new long[0];
    hitScores = new double[0];
    hitObserved = new long[0];
    hitExpected = new double[0];
    hitPresent = new long[0];
  }

  void clearAlert() {
    alertId = null;
    phase = null;
    trigger = null;
    baseline = null;
    cells = new long[0];
    firstWindowEnd = NO_WINDOW;
    heldWindowEnd = NO_WINDOW;
    peakWindowEnd = NO_WINDOW;
    observed = 0;
    expected = 0;
    score = 0;
    present = 0;
    peakObserved = 0;
    peakExpected = 0;
    peakScore = 0;
    peakPresent = 0;
    severity = null;
    revision = 0;
    lowWindows = 0;
  }

  /**
   * Fills what a state kept by an earlier version lacks: restored from a savepoint taken before a
   * field existed, the field is left empty. Hits without a present count count none present.
   */
  void fillNewFields() {
    if (hitPresent == null || hitPresent.length != hitEnds.length) {
      hitPresent = Arrays.copyOf(hitPresent == null ? new long[0] : hitPresent, hitEnds.length);
    }
  }

  /** A deep copy, for state back-ends that keep objects by reference. */
  public VenueAlertState copy() {
    VenueAlertState c = new VenueAlertState();
    c.venue = venue;
    c.lastWindowEnd = lastWindowEnd;
    c.hitEnds = hitEnds.clone();
    c.hitScores = hitScores.clone();
    c.hitObserved = hitObserved.clone();
    c.hitExpected = hitExpected.clone();
    c.hitPresent = hitPresent.clone();
    c.alertId = alertId;
    c.phase = phase;
    c.trigger = trigger;
    c.cells = cells.clone();
    c.firstWindowEnd = firstWindowEnd;
    c.heldWindowEnd = heldWindowEnd;
    c.peakWindowEnd = peakWindowEnd;
    c.observed = observed;
    c.expected = expected;
    c.score = score;
    c.present = present;
    c.peakObserved = peakObserved;
    c.peakExpected = peakExpected;
    c.peakScore = peakScore;
    c.peakPresent = peakPresent;
    c.severity = severity;
    c.revision = revision;
    c.lowWindows = lowWindows;
    return c;
  }

  @Override
  public String toString() {
    return "VenueAlertState[venue="
        + venue
        + ", lastWindowEnd="
        + lastWindowEnd
        + ", hits="
        + Arrays.toString(hitEnds)
        + ", alert="
        + alertId
        + ", severity="
        + severity
        + ", lowWindows="
        + lowWindows
        + "]";
  }
}
