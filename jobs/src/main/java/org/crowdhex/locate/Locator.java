package org.crowdhex.locate;

import com.uber.h3core.H3Core;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.crowdhex.privacy.PseudonymousPost;
import org.crowdhex.venue.VenueIndex;

/**
 * Places a post on its H3 cell and says whether any venue's zone holds it. One per task: the H3
 * facade is thread-safe but its native library is loaded once per process anyway. Per post this is
 * the H3 call plus one index lookup, with no geometry objects.
 */
public final class Locator {
  private final H3Core h3;
  private final int resolution;
  private final VenueIndex index;

  public Locator(H3Core h3, int resolution, VenueIndex index) {
    this.h3 = h3;
    this.resolution = resolution;
    this.index = index;
  }

  /** A locator with its own H3 facade. */
  public static Locator create(int resolution, VenueIndex index) {
    try {
      return new Locator(H3Core.newInstance(), resolution, index);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot load the H3 native library", e);
    }
  }

  /** The post on its cell, or null when the cell is in no venue's zone. */
  public LocatedPost locate(PseudonymousPost post) {
    long cell = h3.latLngToCell(post.lat(), post.lon(), resolution);
    if (!index.covers(cell)) return null;
    return new LocatedPost(cell, post.author(), post.timeMillis());
  }

  /** The ids of the venues whose zone holds the cell (a shared array: do not change it). */
  public String[] venuesOf(long cell) {
    return index.venuesOf(cell);
  }
}
