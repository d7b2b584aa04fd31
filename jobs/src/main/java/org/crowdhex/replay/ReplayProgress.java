package org.crowdhex.replay;

/**
 * Where a replay stands.
 *
 * @param published records sent so far
 * @param total records in the recording
 * @param eventTimeMillis the newest event time sent so far, or {@link Long#MIN_VALUE} before any
 * @param elapsedNanos wall-clock time since the replay started
 * @param recordsPerSecond the rate since the previous report
 * @param remainingNanos an estimate of the time left: the event time still to play divided by the
 *     speed-up, or the records left at the rate so far when unpaced; -1 when unknown
 */
public record ReplayProgress(
    long published,
    long total,
    long eventTimeMillis,
    long elapsedNanos,
    double recordsPerSecond,
    long remainingNanos) {}
