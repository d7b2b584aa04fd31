package org.crowdhex.flow;

/**
 * A move as counted for one flow edge: what the job's windows per edge add up (a move between
 * overlapping zones may count for several edges).
 *
 * @param origin the edge's origin zone
 * @param destination the edge's destination zone
 * @param author the author's pseudonym, never 0
 */
public record EdgeMove(String origin, String destination, long author) {

  public FlowEdge edge() {
    return new FlowEdge(origin, destination);
  }
}
