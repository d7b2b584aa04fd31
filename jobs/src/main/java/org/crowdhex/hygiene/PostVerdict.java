package org.crowdhex.hygiene;

/** What post hygiene makes of one post. */
public enum PostVerdict {
  /** The post counts. */
  COUNTED("counted"),
  /** Same author, same cell, within the duplicate window of a counted post: counted once. */
  DUPLICATE("duplicate of a post of the same author in the same cell"),
  /** The author already has the cap's worth of counted posts within one window length. */
  OVER_CAP("over the per-author cap");

  private final String description;

  PostVerdict(String description) {
    this.description = description;
  }

  /** A few words for summaries and counters. */
  public String description() {
    return description;
  }
}
