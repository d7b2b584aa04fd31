package org.crowdhex.flow;

import org.crowdhex.density.DistinctSet;

/**
 * The running count of one flow edge in one window: the distinct authors who moved along it and
 * their moves. A public POJO for Flink window state.
 */
public class FlowTally {
  public DistinctSet authors = new DistinctSet();
  public long moves;

  public FlowTally() {}

  public FlowTally add(long author) {
    authors.add(author);
    moves++;
    return this;
  }

  public FlowTally merge(FlowTally other) {
    authors.addAll(other.authors);
    moves += other.moves;
    return this;
  }

  /** The record of the flows output for this tally. */
  public FlowWindow toWindow(FlowEdge edge, long windowStart, long windowEnd, int revision) {
    return new FlowWindow(
        edge.origin(), edge.destination(), windowStart, windowEnd, authors.size(), moves, revision);
  }
}
