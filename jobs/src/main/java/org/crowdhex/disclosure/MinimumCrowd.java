package org.crowdhex.disclosure;

import com.uber.h3core.H3Core;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.crowdhex.density.DistinctSet;
import org.crowdhex.density.Tally;

/**
 * The minimum crowd k: no published aggregate stands for fewer than k distinct authors, so no
 * count, tile or flow points at a handful of identifiable people.
 *
 * <p>For a single figure (a venue total, a flow, an alert's public form) the rule is {@link
 * #publishable(int)}: publish it when at least k authors stand behind it, else hold it back. For
 * the cells of a window, small cells are first rolled up: the children of one H3 parent with fewer
 * than k authors each are merged, and published as the parent cell when their distinct authors
 * together reach k; children with k or more are published as they are, never counted twice. A merge
 * still under k is held back. Only one level is rolled up, so a published cell is never coarser
 * than one resolution above the plan's.
 *
 * <p>What this does not stop: a total published beside its parts (a venue beside its cells) lets a
 * reader subtract the published parts and bound what was held back. Distinct counts do not add up,
 * which blurs the difference, but keep k well above the smallest group that must stay hidden.
 *
 * @param k the fewest distinct authors a published figure may stand for; 1 publishes everything
 */
public record MinimumCrowd(int k) implements Serializable {
  public MinimumCrowd {
    if (k < 1) {
      throw new IllegalArgumentException(
          "privacy.min_crowd is " + k + "; accepted: a whole number of at least 1");
    }
  }

  /** Whether a figure of this many distinct authors may be published. */
  public boolean publishable(int authors) {
    return authors >= k;
  }

  /**
   * Rolls up the cells of one window.
   *
   * @param cells each cell's tally (posts and distinct authors) in the window; not changed
   * @param h3 the H3 facade, for the parents
   */
  public CellDisclosure rollUp(Map<Long, Tally> cells, H3Core h3) {
    Map<Long, Map<Long, Tally>> families = new TreeMap<>();
    for (Map.Entry<Long, Tally> e : cells.entrySet()) {
      long cell = e.getKey();
      int res = h3.getResolution(cell);
      long parent = res == 0 ? cell : h3.cellToParent(cell, res - 1);
      families.computeIfAbsent(parent, p -> new TreeMap<>()).put(cell, e.getValue());
    }
    List<PublishedCell> published = new ArrayList<>();
    int kept = 0;
    int rolledUp = 0;
    int suppressed = 0;
    for (Map.Entry<Long, Map<Long, Tally>> family : families.entrySet()) {
      CellDisclosure d = rollUpFamily(family.getKey(), family.getValue());
      published.addAll(d.published());
      kept += d.kept();
      rolledUp += d.rolledUp();
      suppressed += d.suppressed();
    }
    published.sort(Comparator.comparingLong(PublishedCell::cell));
    return new CellDisclosure(published, kept, rolledUp, suppressed);
  }

  /**
   * Rolls up the children of one parent cell in one window: the work of an operator keyed by parent
   * cell.
   *
   * @param parent the parent cell
   * @param children each child's tally in the window; not changed
   */
  public CellDisclosure rollUpFamily(long parent, Map<Long, Tally> children) {
    List<PublishedCell> published = new ArrayList<>();
    DistinctSet small = new DistinctSet();
    long smallPosts = 0;
    List<Long> smallCells = new ArrayList<>();
    for (Map.Entry<Long, Tally> e : new TreeMap<>(children).entrySet()) {
      Tally t = e.getValue();
      int authors = t.distinctAuthors();
      if (authors == 0) continue;
      if (publishable(authors)) {
        published.add(
            new PublishedCell(e.getKey(), false, t.posts, authors, new long[] {e.getKey()}));
      } else {
        small.addAll(t.authors);
        smallPosts += t.posts;
        smallCells.add(e.getKey());
      }
    }
    int kept = published.size();
    if (smallCells.isEmpty()) return new CellDisclosure(published, kept, 0, 0);
    if (!publishable(small.size()))
      return new CellDisclosure(published, kept, 0, smallCells.size());
    long[] members = smallCells.stream().mapToLong(Long::longValue).toArray();
    published.add(new PublishedCell(parent, true, smallPosts, small.size(), members));
    return new CellDisclosure(published, kept, smallCells.size(), 0);
  }
}
