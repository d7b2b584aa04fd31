package org.crowdhex.flow;

/**
 * What the {@link MoveRules} make of an author's post given the one before it: a move, or the rule
 * it breaks.
 */
public enum MoveVerdict {
  /** A move from the earlier post's cell to this one's. */
  MOVE("a move"),
  /** No earlier post of the author is remembered: nothing to move from. */
  FIRST("the author's first post"),
  /** The post is older than the remembered one (it arrived late): the later post stays. */
  OUT_OF_ORDER("older than the author's last post"),
  /** Less than the minimum gap after the earlier post: one moment, not a trip. */
  TOO_SOON("too soon after the last post"),
  /** More than the maximum gap after the earlier post: too long ago to say how they came. */
  TOO_LATE("too long after the last post"),
  /** In the earlier post's cell or one of its six neighbours: not far enough to be a move. */
  TOO_NEAR("in or next to the last post's cell"),
  /** Faster than the speed limit between the cell centres: a bad geotag, not a trip. */
  TOO_FAST("faster than the speed limit");

  private final String description;

  MoveVerdict(String description) {
    this.description = description;
  }

  /** A few words for summaries and counters. */
  public String description() {
    return description;
  }
}
