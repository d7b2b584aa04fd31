package org.crowdhex.locate;

/**
 * A post reduced to what the counting stages need: where (an H3 cell), who (the author's pseudonym)
 * and when. Small on purpose: it crosses the network at every keyBy.
 *
 * @param cell the H3 cell at the plan's resolution
 * @param authorKey the author's 64-bit pseudonym, never 0 (see {@code privacy.Pseudonymizer})
 * @param timeMillis event time, epoch ms
 */
public record LocatedPost(long cell, long authorKey, long timeMillis) {}
