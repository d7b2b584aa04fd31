/**
 * Movement flows: consecutive posts of one pseudonym that pass the {@link
 * org.crowdhex.flow.MoveRules} are moves; moves are aggregated per window to zones (venue zones or
 * H3 parent cells) as distinct authors per origin and destination zone, and as inflow and outflow
 * per zone. Flows are counts of people between places, never the trace of one person: no move
 * leaves the job, and a published flow holds at least the minimum crowd of distinct authors.
 */
package org.crowdhex.flow;
