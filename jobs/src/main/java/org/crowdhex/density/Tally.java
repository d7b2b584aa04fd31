package org.crowdhex.density;

import org.crowdhex.locate.LocatedPost;

/**
 * The running count of one key (a cell or a venue) in one window: posts and distinct authors. A
 * public POJO for Flink window state.
 */
public class Tally {
  public long posts;
  public DistinctSet authors = new DistinctSet();

  public Tally() {}

  public Tally add(LocatedPost p) {
    posts++;
    authors.add(p.authorKey());
    return this;
  }

  public Tally merge(Tally other) {
    posts += other.posts;
    authors.addAll(other.authors);
    return this;
  }

  public int distinctAuthors() {
    return authors.size();
  }
}
