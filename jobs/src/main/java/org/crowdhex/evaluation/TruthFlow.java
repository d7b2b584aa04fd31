package org.crowdhex.evaluation;

import java.time.Instant;

/**
 * Authors who really moved from one venue to another in one phase of an event, as the generator's
 * ground truth says (the {@code flows} of {@code truth.json}).
 *
 * @param eventId the event, such as {@code match-1-kuip}
 * @param venue the event's venue (the stadium), or null when the truth does not name it
 * @param phase the phase, such as {@code arrival} or {@code egress}
 * @param origin the venue they came from
 * @param destination the venue they went to
 * @param authors distinct authors
 * @param start the phase's start
 * @param end the phase's end (exclusive)
 */
public record TruthFlow(
    String eventId,
    String venue,
    String phase,
    String origin,
    String destination,
    int authors,
    Instant start,
    Instant end) {}
