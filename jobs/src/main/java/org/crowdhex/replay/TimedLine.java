package org.crowdhex.replay;

/**
 * One record of a recording, as it will be published.
 *
 * @param origin file name and line number, e.g. {@code posts.jsonl.gz:17}
 * @param text the line, sent as it is
 * @param timeMillis the post's event time; for a line whose time cannot be read, the time of the
 *     line before it in its file ({@link Long#MIN_VALUE} at the top of a file), so it keeps its
 *     place
 * @param timed whether the time was read from this line
 * @param key the post's id, or null when the source has none or the line is not a valid post; never
 *     the author
 */
public record TimedLine(String origin, String text, long timeMillis, boolean timed, String key) {}
