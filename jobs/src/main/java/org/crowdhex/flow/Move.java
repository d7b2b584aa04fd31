package org.crowdhex.flow;

/**
 * One author going from one place to another: two consecutive posts of one pseudonym that pass the
 * {@link MoveRules}. A move belongs to the window of its destination time, when it is complete.
 *
 * @param author the author's pseudonym, never 0
 * @param originCell the H3 cell of the earlier post
 * @param destinationCell the H3 cell of the later post, neither the origin nor adjacent to it
 * @param originTime the earlier post's event time, epoch ms
 * @param destinationTime the later post's event time, epoch ms
 */
public record Move(
    long author, long originCell, long destinationCell, long originTime, long destinationTime) {

  public Move {
    if (author == 0) {
      throw new IllegalArgumentException("pseudonym 0 is reserved for empty slots");
    }
    if (destinationTime < originTime) {
      throw new IllegalArgumentException(
          "a move arrives at " + destinationTime + ", before it leaves at " + originTime);
    }
  }

  /** How long the move took, in ms. */
  public long durationMillis() {
    return destinationTime - originTime;
  }
}
