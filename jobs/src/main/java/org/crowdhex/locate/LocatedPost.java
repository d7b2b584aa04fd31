package org.crowdhex.locate;

/**
 * A post reduced to what the counting stages need: where (an H3 cell), who (a 64-bit author key)
 * and when. Small on purpose: it crosses the network at every keyBy.
 *
 * @param cell the H3 cell at the plan's resolution
 * @param authorKey a 64-bit key of the author, never 0 (see {@link AuthorKeys})
 * @param timeMillis event time, epoch ms
 */
public record LocatedPost(long cell, long authorKey, long timeMillis) {}
