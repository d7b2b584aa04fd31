package org.crowdhex.flow;

/**
 * A move as counted for one zone it entered or left: what the job's windows per zone add up into
 * inflow and outflow.
 *
 * @param zone the zone
 * @param direction into the zone or out of it
 * @param author the author's pseudonym, never 0
 */
public record ZoneMove(String zone, ZoneCrossing.Direction direction, long author) {}
