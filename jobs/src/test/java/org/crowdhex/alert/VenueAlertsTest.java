package org.crowdhex.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.uber.h3core.H3Core;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The alert state machine of one venue over 15-minute windows sliding by 5 minutes. Each window's
 * score reads directly in the test: a hotspot of one cell with B = 10, C = 10 + score and that
 * score.
 */
class VenueAlertsTest {
  static final long MINUTE = 60_000;
  static final long SIZE = 15 * MINUTE;
  static final long SLIDE = 5 * MINUTE;
  static final long T0 = Instant.parse("2026-04-19T14:15:00Z").toEpochMilli();

  // Threshold 10, critical 50: low from 10, medium from 20, high from 40, critical from 50.
  static final AlertPolicy POLICY = AlertPolicy.of(10, 50);

  private static H3Core h3;
  private static long kuip;
  private VenueAlerts alerts;
  private VenueAlertState state;

  @BeforeAll
  static void loadH3() throws IOException {
    h3 = H3Core.newInstance();
    kuip = h3.latLngToCell(51.8939, 4.5231, 10);
  }

  @BeforeEach
  void freshVenue() {
    alerts = new VenueAlerts(POLICY, SIZE, SLIDE, new IncidentMerger(h3));
    state = new VenueAlertState();
  }

  static long end(int window) {
    return T0 + SIZE + window * SLIDE;
  }

  static Detection scored(int window, int score) {
    return new Detection(
        "kuip",
        "egress",
        end(window) - SIZE,
        end(window),
        List.of(Hotspot.ofCell(kuip, 10 + score, 10, score)));
  }

  static Detection nothing(int window) {
    return new Detection("kuip", null, end(window) - SIZE, end(window), List.of());
  }

  /** Applies one score per window from window 0 on; a negative score is a window with nothing. */
  List<AlertRecord> run(int... scores) {
    List<AlertRecord> out = new ArrayList<>();
    for (int w = 0; w < scores.length; w++) {
      out.addAll(alerts.onWindow(state, scores[w] < 0 ? nothing(w) : scored(w, scores[w])));
    }
    return out;
  }

  @Test
  void aSingleHitDoesNotOpenButTwoInThreeWindowsDo() {
    assertThat(alerts.onWindow(state, scored(0, 12))).isEmpty();
    assertThat(state.isIdle()).isFalse();
    assertThat(alerts.onWindow(state, nothing(1))).isEmpty();

    List<AlertRecord> third = alerts.onWindow(state, scored(2, 11));

    assertThat(third)
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.state()).isEqualTo(AlertState.OPENED);
              assertThat(r.notifies()).isTrue();
              assertThat(r.id()).isEqualTo("kuip-20260419T1415Z");
              assertThat(r.revision()).isZero();
              assertThat(r.severity()).isEqualTo(Severity.LOW);
              assertThat(r.firstWindowStart()).isEqualTo(T0);
              assertThat(r.lastWindowEnd()).isEqualTo(end(2));
              assertThat(r.peakWindowEnd()).isEqualTo(end(0));
              assertThat(r.peakScore()).isEqualTo(12);
              assertThat(r.score()).isEqualTo(11);
              assertThat(r.phase()).isEqualTo("egress");
              assertThat(r.cells()).containsExactly(Long.toHexString(kuip));
            });
  }

  @Test
  void eachRecordSaysWhereItsExpectationCameFrom() {
    Detection warming = scored(0, 60);
    Detection learned = scored(1, 40);
    warming =
        new Detection(
            "kuip",
            null,
            warming.windowStart(),
            warming.windowEnd(),
            warming.hotspots(),
            List.of(),
            ExpectationSource.NO_BASELINE_YET,
            Map.of());
    learned =
        new Detection(
            "kuip",
            null,
            learned.windowStart(),
            learned.windowEnd(),
            learned.hotspots(),
            List.of(),
            ExpectationSource.ONLINE,
            Map.of());

    List<AlertRecord> out = new ArrayList<>(alerts.onWindow(state, warming));
    out.addAll(alerts.onWindow(state, learned));
    out.addAll(alerts.onWindow(state, nothing(2)));
    out.addAll(alerts.onWindow(state, nothing(3)));
    out.addAll(alerts.onWindow(state, nothing(4)));

    assertThat(out)
        .extracting(AlertRecord::state, r -> r.baseline().label())
        .containsExactly(
            tuple(AlertState.OPENED, "no baseline yet"),
            tuple(AlertState.UPDATED, "online"),
            tuple(AlertState.CLOSED, "online"));
    assertThat(scored(0, 12).baseline()).isEqualTo(ExpectationSource.HISTORY);
  }

  @Test
  void hitsFurtherApartThanTheOpeningWindowsDoNotOpen() {
    assertThat(run(12, 0, 0, 12, 0, 0, 12)).isEmpty();
    assertThat(state.hasOpenAlert()).isFalse();
  }

  @Test
  void aWindowAboveTheCriticalLevelOpensAtOnce() {
    assertThat(run(55))
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.state()).isEqualTo(AlertState.OPENED);
              assertThat(r.severity()).isEqualTo(Severity.CRITICAL);
              assertThat(r.notifies()).isTrue();
            });
  }

  @Test
  void anOpenAlertUpdatesWhileItHoldsWithoutNotifying() {
    List<AlertRecord> out = run(12, 14, 6, 13);

    assertThat(out)
        .extracting(AlertRecord::state)
        .containsExactly(AlertState.OPENED, AlertState.UPDATED, AlertState.UPDATED);
    assertThat(out).extracting(AlertRecord::notifies).containsExactly(true, false, false);
    assertThat(out).extracting(AlertRecord::revision).containsExactly(0, 1, 2);
    assertThat(out).extracting(AlertRecord::id).containsOnly("kuip-20260419T1415Z");
    AlertRecord last = out.get(2);
    assertThat(last.lastWindowEnd()).isEqualTo(end(3));
    assertThat(last.peakWindowEnd()).isEqualTo(end(1));
    assertThat(last.peakScore()).isEqualTo(14);
    assertThat(last.observed()).isEqualTo(23);
    assertThat(last.expected()).isEqualTo(10);
    assertThat(last.ratio()).isEqualTo(2.3);
  }

  @Test
  void escalationNotifiesOnlyWhenANewSeverityIsReached() {
    List<AlertRecord> out = run(12, 12, 25, 22, 15, 30, 45, 60, 15, 58);

    assertThat(out)
        .extracting(AlertRecord::state)
        .containsExactly(
            AlertState.OPENED,
            AlertState.ESCALATED,
            AlertState.UPDATED,
            AlertState.UPDATED,
            AlertState.UPDATED,
            AlertState.ESCALATED,
            AlertState.ESCALATED,
            AlertState.UPDATED,
            AlertState.UPDATED);
    assertThat(out)
        .extracting(AlertRecord::severity)
        .containsExactly(
            Severity.LOW,
            Severity.MEDIUM,
            Severity.MEDIUM,
            Severity.MEDIUM,
            Severity.MEDIUM,
            Severity.HIGH,
            Severity.CRITICAL,
            Severity.CRITICAL,
            Severity.CRITICAL);
    assertThat(out)
        .filteredOn(AlertRecord::notifies)
        .extracting(AlertRecord::state)
        .containsExactly(
            AlertState.OPENED, AlertState.ESCALATED, AlertState.ESCALATED, AlertState.ESCALATED);
    assertThat(out.get(out.size() - 1).peakScore()).isEqualTo(60);
  }

  @Test
  void closesAfterExactlyKWindowsBelowHalfTheThreshold() {
    run(12, 12);
    assertThat(alerts.onWindow(state, scored(2, 4))).isEmpty();
    assertThat(alerts.onWindow(state, nothing(3))).isEmpty();
    assertThat(state.hasOpenAlert()).isTrue();

    List<AlertRecord> closing = alerts.onWindow(state, scored(4, 0));

    assertThat(closing)
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.state()).isEqualTo(AlertState.CLOSED);
              assertThat(r.notifies()).isFalse();
              assertThat(r.id()).isEqualTo("kuip-20260419T1415Z");
              assertThat(r.windowEnd()).isEqualTo(end(4));
              assertThat(r.lastWindowEnd()).isEqualTo(end(1));
              assertThat(r.revision()).isEqualTo(1);
            });
  }

  @Test
  void windowsBetweenHalfAndFullThresholdHoldTheAlertAndRestartTheClosingRun() {
    List<AlertRecord> out = run(12, 12, 0, 0, 7, 0, 0);
    assertThat(out)
        .extracting(AlertRecord::state)
        .containsExactly(AlertState.OPENED, AlertState.UPDATED);
    assertThat(state.hasOpenAlert()).isTrue();

    assertThat(alerts.onWindow(state, nothing(7)))
        .extracting(AlertRecord::state)
        .containsExactly(AlertState.CLOSED);
  }

  @Test
  void closingClearsTheStateAndItsTimer() {
    run(12, 12);
    assertThat(alerts.nextTimerAt(state)).hasValue(end(1) + SLIDE);

    for (int w = 2; w <= 4; w++) alerts.onWindow(state, nothing(w));

    assertThat(state.isIdle()).isTrue();
    assertThat(alerts.nextTimerAt(state)).isEmpty();
    assertThat(state.alertId).isNull();
    assertThat(state.venue).isNull();
    assertThat(state.lastWindowEnd).isEqualTo(VenueAlertState.NO_WINDOW);
    assertThat(state.hitEnds).isEmpty();
    assertThat(state.hitScores).isEmpty();
    assertThat(state.cells).isEmpty();
    assertThat(state.severity).isNull();
    assertThat(state.lowWindows).isZero();
  }

  @Test
  void aLoneHitAgesOutAndLeavesNoState() {
    run(12, 0, 0);
    assertThat(state.isIdle()).isFalse();

    alerts.onQuietWindow(state, end(3));

    assertThat(state.isIdle()).isTrue();
    assertThat(state.hitEnds).isEmpty();
    assertThat(alerts.nextTimerAt(state)).isEmpty();
  }

  @Test
  void afterClosingANewAlertHasANewId() {
    List<AlertRecord> out = run(12, 12, 0, 0, 0, 15, 15);

    assertThat(out)
        .extracting(AlertRecord::state)
        .containsExactly(AlertState.OPENED, AlertState.CLOSED, AlertState.OPENED);
    assertThat(out.get(2).id()).isEqualTo("kuip-20260419T1440Z").isNotEqualTo(out.get(0).id());
    assertThat(out.get(2).revision()).isZero();
    assertThat(out.get(2).notifies()).isTrue();
  }

  @Test
  void quietWindowsFromTheTimerCountTowardClosing() {
    run(12, 12);

    assertThat(alerts.onQuietWindow(state, alerts.nextTimerAt(state).getAsLong())).isEmpty();
    assertThat(alerts.onQuietWindow(state, alerts.nextTimerAt(state).getAsLong())).isEmpty();
    List<AlertRecord> closing = alerts.onQuietWindow(state, alerts.nextTimerAt(state).getAsLong());

    assertThat(closing).extracting(AlertRecord::state).containsExactly(AlertState.CLOSED);
    assertThat(closing.get(0).windowEnd()).isEqualTo(end(4));
    assertThat(state.isIdle()).isTrue();
  }

  @Test
  void windowsNobodyReportedCountAsQuiet() {
    run(12, 12);

    // Window 2 to 4 never came; window 5 is a hit again.
    List<AlertRecord> out = alerts.onWindow(state, scored(5, 12));

    assertThat(out).extracting(AlertRecord::state).containsExactly(AlertState.CLOSED);
    assertThat(out.get(0).windowEnd()).isEqualTo(end(4));
    assertThat(state.hasOpenAlert()).isFalse();
    assertThat(state.hitEnds).containsExactly(end(5));
  }

  @Test
  void aTimerForAWindowThatWasReportedChangesNothing() {
    run(12, 12, 0);
    VenueAlertState before = state.copy();

    assertThat(alerts.onQuietWindow(state, end(2))).isEmpty();
    assertThat(alerts.onWindow(state, scored(1, 60))).isEmpty();

    assertThat(state.lowWindows).isEqualTo(before.lowWindows);
    assertThat(state.peakScore).isEqualTo(before.peakScore);
  }

  /** One window's detection with the given hotspots: kuip, its neighbour, and a far cell. */
  private List<AlertRecord> twoWindowsOf(int kuipScore, int neighbourScore, int farScore) {
    long neighbour = h3.gridRing(kuip, 1).get(0);
    long far = h3.gridRing(kuip, 8).get(0);
    List<AlertRecord> out = new ArrayList<>();
    for (int w = 0; w < 2; w++) {
      out.addAll(
          alerts.onWindow(
              state,
              new Detection(
                  "kuip",
                  null,
                  end(w) - SIZE,
                  end(w),
                  List.of(
                      Hotspot.ofCell(kuip, 10 + kuipScore, 10, kuipScore),
                      Hotspot.ofCell(far, 10 + farScore, 10, farScore),
                      Hotspot.ofCell(neighbour, 10 + neighbourScore, 10, neighbourScore)))));
    }
    return out;
  }

  @Test
  void touchingHotspotsRaiseOneAlertOverTheirUnionWithTheStrongestScore() {
    long neighbour = h3.gridRing(kuip, 1).get(0);

    assertThat(twoWindowsOf(12, 11, 8))
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.cells())
                  .containsExactlyInAnyOrder(Long.toHexString(kuip), Long.toHexString(neighbour));
              assertThat(r.observed()).isEqualTo(22 + 21);
              assertThat(r.expected()).isEqualTo(20);
              assertThat(r.score()).isEqualTo(12);
            });
  }

  @Test
  void touchingHotspotsBelowTheThresholdDoNotAddUpToAnAlert() {
    // Each region is below the threshold; their union is no region the scan chose.
    assertThat(twoWindowsOf(6, 6, 8)).isEmpty();
  }

  @Test
  void aDetectionOfAnotherVenueOrWindowSizeIsRefused() {
    run(12);
    Detection elsewhere = new Detection("ahoy", null, end(1) - SIZE, end(1), List.of());
    Detection hourly = new Detection("kuip", null, end(1) - 60 * MINUTE, end(1), List.of());

    assertThatThrownBy(() -> alerts.onWindow(state, elsewhere))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ahoy")
        .hasMessageContaining("kuip");
    assertThatThrownBy(() -> alerts.onWindow(state, hourly))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("3600000 ms")
        .hasMessageContaining("900000 ms");
  }

  @Test
  void aBuildUpOpensAnAlertAtOnceDatedFromItsStart() {
    long neighbour = h3.gridRing(kuip, 1).get(0);
    // Cells whose CUSUMs reached the threshold after 8 windows of 15 minutes.
    List<BuildUp> buildUps =
        List.of(new BuildUp(kuip, 8, 40, 12, 20), new BuildUp(neighbour, 6, 30, 10, 17));
    Detection d = new Detection("kuip", "camp", end(30) - SIZE, end(30), List.of(), buildUps);

    List<AlertRecord> out = alerts.onWindow(state, d);

    assertThat(out)
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.state()).isEqualTo(AlertState.OPENED);
              assertThat(r.trigger()).isEqualTo(VenueAlerts.TRIGGER_BUILD_UP);
              assertThat(r.phase()).isEqualTo("camp");
              assertThat(r.notifies()).isTrue();
              assertThat(r.cells())
                  .containsExactlyInAnyOrder(Long.toHexString(kuip), Long.toHexString(neighbour));
              assertThat(r.observed()).isEqualTo(70);
              assertThat(r.expected()).isEqualTo(22);
              assertThat(r.score()).isEqualTo(20);
              // Its first window is the first of the longest build-up: 7 windows before this one.
              assertThat(r.firstWindowEnd()).isEqualTo(end(30) - 7 * SIZE);
            });
    // Held by the scan afterwards like any alert; a scan hit does not open a second one.
    assertThat(alerts.onWindow(state, scored(31, 12)))
        .singleElement()
        .satisfies(r -> assertThat(r.state()).isEqualTo(AlertState.UPDATED));
  }

  /**
   * The scan's counts add up its region's windows; {@code present} is the alert's cells in the
   * window alone, from the detection's own counts, and follows the record's window and the peak.
   */
  @Test
  void presentCountsTheAlertsCellsInTheWindowAloneAndFollowsThePeak() {
    long neighbour = h3.gridRing(kuip, 1).get(0);
    long elsewhere = h3.gridRing(kuip, 3).get(0);
    // Window 0 opens (critical): 14 authors in kuip now, 6 in a neighbour outside the alert, 99
    // at a cell far away. Window 1 is the peak, with 25 now; window 2 scores lower, with 18.
    List<AlertRecord> out = new ArrayList<>();
    int[][] windows = {{55, 14}, {80, 25}, {40, 18}};
    for (int w = 0; w < windows.length; w++) {
      Detection d = scored(w, windows[w][0]);
      out.addAll(
          alerts.onWindow(
              state,
              new Detection(
                  "kuip",
                  d.phase(),
                  d.windowStart(),
                  d.windowEnd(),
                  d.hotspots(),
                  List.of(),
                  ExpectationSource.HISTORY,
                  Map.of(kuip, windows[w][1], neighbour, 6, elsewhere, 99))));
    }
    // What the map shows of the open alert is the last window's figure.
    assertThat(alerts.openAlert(state).present()).isEqualTo(18);
    for (int w = 3; !state.isIdle() && w < 20; w++) out.addAll(alerts.onWindow(state, nothing(w)));

    assertThat(out)
        .extracting(AlertRecord::state, AlertRecord::observed, AlertRecord::present)
        .containsExactly(
            tuple(AlertState.OPENED, 65L, 14L),
            tuple(AlertState.UPDATED, 90L, 25L),
            tuple(AlertState.UPDATED, 50L, 18L),
            // Closing repeats the figures of the last window in which the alert held.
            tuple(AlertState.CLOSED, 50L, 18L));
    assertThat(out).extracting(AlertRecord::peakPresent).containsExactly(14L, 25L, 25L, 25L);
    // A detection that does not say how many each cell holds counts none present.
    assertThat(scored(0, 12).present(new long[] {kuip})).isZero();
  }

  /**
   * A venue's state restored from a savepoint of a version before present counts lacks them (Flink
   * leaves a new field empty); its hits age out and open alerts as before.
   */
  @Test
  void aStateRestoredFromBeforePresentCountsGoesOn() {
    alerts.onWindow(state, scored(0, 12));
    state.hitPresent = new long[0];
    assertThat(alerts.onWindow(state, scored(3, 12))).as("the first hit has aged out").isEmpty();
    assertThat(state.hitEnds).containsExactly(end(3));
    state.hitPresent = null;

    assertThat(alerts.onWindow(state, scored(4, 12)))
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.state()).isEqualTo(AlertState.OPENED);
              assertThat(r.peakPresent()).isZero();
            });
  }

  @Test
  void aBuildUpIsPresentAsItsCellsInTheWindowAlone() {
    long neighbour = h3.gridRing(kuip, 1).get(0);
    List<BuildUp> buildUps =
        List.of(new BuildUp(kuip, 8, 40, 12, 20), new BuildUp(neighbour, 6, 30, 10, 17));
    Detection d =
        new Detection(
            "kuip",
            "camp",
            end(30) - SIZE,
            end(30),
            List.of(),
            buildUps,
            ExpectationSource.HISTORY,
            Map.of(kuip, 9, neighbour, 4));

    assertThat(alerts.onWindow(state, d))
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.observed()).isEqualTo(70);
              assertThat(r.present()).isEqualTo(13);
              assertThat(r.peakPresent()).isEqualTo(13);
            });
    assertThat(alerts.openAlert(state).present()).isEqualTo(13);
  }

  @Test
  void theScanOpensWithTheScanAsTrigger() {
    List<AlertRecord> out = run(12, 12);
    assertThat(out).singleElement().satisfies(r -> assertThat(r.trigger()).isEqualTo("scan"));
  }
}
