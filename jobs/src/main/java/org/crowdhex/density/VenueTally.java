package org.crowdhex.density;

/** A venue's running count in one window: posts, distinct authors and the cells they were in. */
public class VenueTally {
  public long posts;
  public DistinctSet authors = new DistinctSet();
  public DistinctSet cells = new DistinctSet();

  public VenueTally() {}

  public VenueTally add(VenuePost p) {
    posts++;
    authors.add(p.authorKey());
    cells.add(p.cell());
    return this;
  }

  public VenueTally merge(VenueTally other) {
    posts += other.posts;
    authors.addAll(other.authors);
    cells.addAll(other.cells);
    return this;
  }
}
