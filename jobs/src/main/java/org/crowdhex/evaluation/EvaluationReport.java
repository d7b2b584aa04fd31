package org.crowdhex.evaluation;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How well one detector's alerts match the truth events; {@link EventScorer} defines every number.
 *
 * @param detector the detector's name, such as {@code scan} or {@code z-score}
 * @param tolerance how far before an event's onset and after its end an alert's onset may lie and
 *     still match it
 * @param events truth events scored
 * @param detectedEvents truth events matched by at least one alert
 * @param alerts alerts scored
 * @param matchedAlerts alerts that match at least one truth event
 * @param precision matched alerts / alerts; NaN when there are no alerts
 * @param recall detected events / events; NaN when there are no events
 * @param f1 the harmonic mean of precision and recall; 0 when either is 0, NaN when either is NaN
 *     and neither is 0
 * @param medianDelay the median detection delay over detected events (the mean of the two middle
 *     delays for an even count); null when no event was detected
 * @param p90Delay the 90th percentile of the detection delays by nearest rank (the ⌈0.9·n⌉-th
 *     smallest); null when no event was detected
 * @param venues venues watched: the denominator's venue count for false alerts
 * @param days length of the evaluation span in days of 24 hours
 * @param falseAlertsPerVenueDay unmatched alerts / (venues × days)
 * @param detections one per detected event, in truth order
 * @param missedEvents truth events no alert matched, in truth order
 * @param falseAlerts alerts that match no truth event, in alert order
 */
public record EvaluationReport(
    String detector,
    Duration tolerance,
    int events,
    int detectedEvents,
    int alerts,
    int matchedAlerts,
    double precision,
    double recall,
    double f1,
    Duration medianDelay,
    Duration p90Delay,
    int venues,
    double days,
    double falseAlertsPerVenueDay,
    List<Detection> detections,
    List<TruthEvent> missedEvents,
    List<AlertSpan> falseAlerts) {

  public EvaluationReport {
    TruthEvent.requireText(detector, "detector");
    Objects.requireNonNull(tolerance, "tolerance is missing; expected a duration");
    detections = List.copyOf(detections);
    missedEvents = List.copyOf(missedEvents);
    falseAlerts = List.copyOf(falseAlerts);
    if (detections.size() != detectedEvents
        || missedEvents.size() != events - detectedEvents
        || falseAlerts.size() != alerts - matchedAlerts) {
      throw new IllegalArgumentException(
          "the report of "
              + detector
              + " lists "
              + detections.size()
              + " detections, "
              + missedEvents.size()
              + " missed events and "
              + falseAlerts.size()
              + " false alerts; expected the counts to agree with "
              + detectedEvents
              + " of "
              + events
              + " events detected and "
              + matchedAlerts
              + " of "
              + alerts
              + " alerts matched");
    }
  }
}
