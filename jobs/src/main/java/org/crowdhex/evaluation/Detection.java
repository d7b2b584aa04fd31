package org.crowdhex.evaluation;

import java.time.Duration;
import java.util.Objects;

/**
 * A truth event a detector found, with the first alert that matched it.
 *
 * @param eventId the truth event's id
 * @param alertId the id of the matching alert with the earliest onset
 * @param delay that alert's onset minus the event's onset; negative when the alert opened before
 *     the event began (at most the scorer's tolerance before it)
 */
public record Detection(String eventId, String alertId, Duration delay) {

  public Detection {
    TruthEvent.requireText(eventId, "eventId");
    TruthEvent.requireText(alertId, "alertId");
    Objects.requireNonNull(delay, "delay is missing; expected a duration, negative when early");
  }
}
