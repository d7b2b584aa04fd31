package org.crowdhex.evaluation;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Scores alerts against truth events, event by event.
 *
 * <p><b>Match.</b> An alert matches a truth event when all three hold:
 *
 * <ol>
 *   <li>the alert's venue is one of the event's affected venues (its main venue included);
 *   <li>the alert's onset (its first window's start) lies in {@code [onset − tolerance, end +
 *       tolerance)} of the event: a sliding window that starts up to one window size before the
 *       onset already holds some of the crowd, and the last windows holding it end up to one window
 *       size after the event's end;
 *   <li>the alert's span ends after the event's onset, so it holds at least some of the event.
 * </ol>
 *
 * <p>Matching on the alert's onset, not on any overlap, keeps one long alert from claiming every
 * later event at its venue: an alert that opened at a match's arrival and never closed does not
 * detect the egress. One alert may still match several events whose onsets are close, such as two
 * events at the same venue at once, or an event whose affected venues include a neighbour's; each
 * such event counts as detected, and the alert counts once as a matched alert.
 *
 * <p><b>Numbers.</b> Recall = detected events / events. Precision = matched alerts / alerts. F1 =
 * 2·P·R / (P + R). Detection delay of a detected event = the moment its earliest matching alert was
 * raised (the end of the window in which it opened, when the alert file says; else its onset plus
 * {@code raisedAfter}) − the event's onset; its sign is kept, so an early alert gives a negative
 * delay (never earlier than the tolerance). The median and the 90th percentile are taken over
 * detected events. False alerts per venue-day = unmatched alerts / (venues × days), where venues
 * are the watched venues given, together with every venue an event or an alert names, and days is
 * the truth's span in days of 24 hours. Every alert given is scored, including any outside the
 * truth's span.
 */
public final class EventScorer {
  /** One window size of the default plan (15 minutes): the tolerance when none is given. */
  public static final Duration DEFAULT_TOLERANCE = Duration.ofMinutes(15);

  private final Duration tolerance;
  private final Duration raisedAfter;

  /**
   * @param tolerance how far before an event's onset and after its end an alert's onset may lie;
   *     use the window size of the plan the alerts were made with
   */
  public EventScorer(Duration tolerance) {
    this(tolerance, Duration.ZERO);
  }

  /**
   * @param tolerance as above
   * @param raisedAfter how long after its onset (the start of its first window) an alert is raised:
   *     the window size, since a window is scanned when it closes. Delays count from the event's
   *     onset to the moment the alert is raised.
   */
  public EventScorer(Duration tolerance, Duration raisedAfter) {
    Objects.requireNonNull(tolerance, "tolerance is missing; expected a duration");
    Objects.requireNonNull(raisedAfter, "raisedAfter is missing; expected a duration");
    if (tolerance.isNegative()) {
      throw new IllegalArgumentException(
          "tolerance is " + tolerance + "; expected zero or a positive duration");
    }
    if (raisedAfter.isNegative()) {
      throw new IllegalArgumentException(
          "raisedAfter is " + raisedAfter + "; expected zero or a positive duration");
    }
    this.tolerance = tolerance;
    this.raisedAfter = raisedAfter;
  }

  /** A scorer with {@link #DEFAULT_TOLERANCE}. */
  public EventScorer() {
    this(DEFAULT_TOLERANCE);
  }

  public Duration tolerance() {
    return tolerance;
  }

  /**
   * When an alert was raised: as its file says, else one {@code raisedAfter} after its first
   * window's start.
   */
  Instant raisedAt(AlertSpan alert) {
    return alert.raised() != null ? alert.raised() : alert.start().plus(raisedAfter);
  }

  /** Whether the alert matches the event, by the three conditions in the class description. */
  public boolean matches(TruthEvent event, AlertSpan alert) {
    return event.affects(alert.venue())
        && !alert.start().isBefore(event.onset().minus(tolerance))
        && alert.start().isBefore(event.end().plus(tolerance))
        && alert.end().isAfter(event.onset());
  }

  /**
   * Scores one detector's alerts.
   *
   * @param detector the detector's name, for the report
   * @param truth the truth events and the span they were observed in
   * @param watchedVenues the venues the detector watched; events' and alerts' venues are added
   * @param alerts the detector's alerts, with unique ids
   */
  public EvaluationReport score(
      String detector, TruthSet truth, Collection<String> watchedVenues, List<AlertSpan> alerts) {
    Set<String> ids = new HashSet<>();
    for (AlertSpan a : alerts) {
      if (!ids.add(a.id())) {
        throw new IllegalArgumentException(
            "alert id " + a.id() + " appears twice; expected one span per alert id");
      }
    }
    Set<String> venues = new TreeSet<>(watchedVenues);
    truth.events().forEach(e -> venues.addAll(e.affectedVenues()));
    alerts.forEach(a -> venues.add(a.venue()));

    Set<String> matchedAlertIds = new HashSet<>();
    List<Detection> detections = new ArrayList<>();
    List<TruthEvent> missed = new ArrayList<>();
    for (TruthEvent event : truth.events()) {
      AlertSpan first = null;
      for (AlertSpan alert : alerts) {
        if (matches(event, alert)) {
          matchedAlertIds.add(alert.id());
          if (first == null || raisedAt(alert).isBefore(raisedAt(first))) {
            first = alert;
          }
        }
      }
      if (first == null) {
        missed.add(event);
      } else {
        detections.add(
            new Detection(
                event.id(), first.id(), Duration.between(event.onset(), raisedAt(first))));
      }
    }
    List<AlertSpan> falseAlerts =
        alerts.stream().filter(a -> !matchedAlertIds.contains(a.id())).toList();

    int events = truth.events().size();
    double recall = events == 0 ? Double.NaN : detections.size() / (double) events;
    double precision =
        alerts.isEmpty() ? Double.NaN : matchedAlertIds.size() / (double) alerts.size();
    List<Duration> delays = detections.stream().map(Detection::delay).toList();
    double venueDays = venues.size() * truth.days();
    return new EvaluationReport(
        detector,
        tolerance,
        events,
        detections.size(),
        alerts.size(),
        matchedAlertIds.size(),
        precision,
        recall,
        f1(precision, recall),
        median(delays),
        percentile90(delays),
        venues.size(),
        truth.days(),
        venueDays == 0 ? Double.NaN : falseAlerts.size() / venueDays,
        detections,
        missed,
        falseAlerts);
  }

  /** The harmonic mean; 0 when either is 0 (nothing found or nothing right), else NaN-aware. */
  static double f1(double precision, double recall) {
    if (precision == 0 || recall == 0) {
      return 0;
    }
    if (Double.isNaN(precision) || Double.isNaN(recall)) {
      return Double.NaN;
    }
    return 2 * precision * recall / (precision + recall);
  }

  /** The middle value, or the mean of the two middle values; null for an empty list. */
  public static Duration median(List<Duration> values) {
    if (values.isEmpty()) {
      return null;
    }
    List<Duration> sorted = values.stream().sorted(Comparator.naturalOrder()).toList();
    int n = sorted.size();
    if (n % 2 == 1) {
      return sorted.get(n / 2);
    }
    return sorted.get(n / 2 - 1).plus(sorted.get(n / 2)).dividedBy(2);
  }

  /** The ⌈0.9·n⌉-th smallest value (nearest rank); null for an empty list. */
  public static Duration percentile90(List<Duration> values) {
    if (values.isEmpty()) {
      return null;
    }
    List<Duration> sorted = values.stream().sorted(Comparator.naturalOrder()).toList();
    // Integer ceiling: 0.9 * n in floating point can land just above a whole number.
    int rank = (9 * sorted.size() + 9) / 10;
    return sorted.get(rank - 1);
  }
}
