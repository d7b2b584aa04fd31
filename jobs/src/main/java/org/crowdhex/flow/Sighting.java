package org.crowdhex.flow;

/**
 * Where and when an author was last seen: the state kept per pseudonym to find moves. A value, so a
 * keyed operator keeps it in a {@code ValueState} and replaces it as posts come.
 *
 * @param cell the H3 cell of the post
 * @param timeMillis the post's event time, epoch ms
 */
public record Sighting(long cell, long timeMillis) {}
