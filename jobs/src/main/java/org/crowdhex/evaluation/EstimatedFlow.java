package org.crowdhex.evaluation;

import java.time.Instant;

/**
 * One record of a run's flows output ({@code flows.jsonl}): the distinct authors seen moving from
 * one zone to another in one window.
 *
 * @param origin the origin zone (a venue id for venue zones)
 * @param destination the destination zone
 * @param windowStart the window's start
 * @param windowEnd the window's end (exclusive)
 * @param authors distinct authors
 * @param revision the record's revision; the highest of a window counts
 */
public record EstimatedFlow(
    String origin,
    String destination,
    Instant windowStart,
    Instant windowEnd,
    int authors,
    int revision) {}
