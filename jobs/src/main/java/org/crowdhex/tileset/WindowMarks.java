package org.crowdhex.tileset;

import com.uber.h3core.H3Core;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.crowdhex.alert.OpenAlert;

/**
 * The marks of every venue of one window, merged: per cell the best score and the open alert it
 * belongs to, and the window's open alerts. The result does not depend on the order the venues'
 * marks come in, so a window's tiles are the same in every run.
 *
 * <p>A cell in the zones of two venues takes the higher of their scores; in two open alerts, the
 * alert with the higher score (then the smaller id). A published cell may be a parent standing for
 * children too small to publish on their own: it takes the best score of its marked children and
 * their alert, by the same rule.
 */
public final class WindowMarks {
  /** No marks: every cell scores 0 and is in no alert. */
  public static final WindowMarks NONE = new WindowMarks(List.of());

  private final Map<Long, Mark> byCell = new HashMap<>();
  private final Map<String, Double> alertScores = new HashMap<>();
  private final List<OpenAlert> openAlerts = new ArrayList<>();
  private Map<Long, Mark> byParent;

  private record Mark(double score, String alert) {}

  private WindowMarks(Collection<VenueMarks> venues) {
    for (VenueMarks v : venues) {
      if (v.openAlert() != null) {
        openAlerts.add(v.openAlert());
        alertScores.put(v.openAlert().id(), v.openAlert().score());
      }
    }
    openAlerts.sort(OpenAlert.ORDER);
    for (VenueMarks v : venues) {
      for (int i = 0; i < v.size(); i++) add(byCell, v.cell(i), v.scoreAt(i), v.alertIdAt(i));
    }
  }

  /** Merges the marks of the venues of one window, given in any order. */
  public static WindowMarks of(Collection<VenueMarks> venues) {
    return venues.isEmpty() ? NONE : new WindowMarks(venues);
  }

  /** The window's open alerts, by venue then id. */
  public List<OpenAlert> openAlerts() {
    return List.copyOf(openAlerts);
  }

  /** Whether nothing is marked. */
  public boolean isEmpty() {
    return byCell.isEmpty() && openAlerts.isEmpty();
  }

  /**
   * The scores of the given cells, 0 for an unmarked cell.
   *
   * @param h3 for the children of parent cells
   */
  public double[] scores(long[] cells, H3Core h3) {
    double[] out = new double[cells.length];
    for (int i = 0; i < cells.length; i++) {
      Mark m = find(cells[i], h3);
      out[i] = m == null ? 0 : m.score();
    }
    return out;
  }

  /**
   * The open alert each of the given cells is in; null for a cell in none.
   *
   * @param h3 for the children of parent cells
   */
  public String[] alerts(long[] cells, H3Core h3) {
    String[] out = new String[cells.length];
    for (int i = 0; i < cells.length; i++) {
      Mark m = find(cells[i], h3);
      out[i] = m == null ? null : m.alert();
    }
    return out;
  }

  private Mark find(long cell, H3Core h3) {
    Mark m = byCell.get(cell);
    if (m != null || byCell.isEmpty()) return m;
    if (byParent == null) {
      byParent = new HashMap<>();
      for (Map.Entry<Long, Mark> e : byCell.entrySet()) {
        int res = h3.getResolution(e.getKey());
        if (res == 0) continue;
        Mark child = e.getValue();
        add(byParent, h3.cellToParent(e.getKey(), res - 1), child.score(), child.alert());
      }
    }
    return byParent.get(cell);
  }

  private void add(Map<Long, Mark> into, long cell, double score, String alert) {
    Mark had = into.get(cell);
    if (had == null) {
      into.put(cell, new Mark(score, alert));
      return;
    }
    into.put(cell, new Mark(Math.max(had.score(), score), stronger(had.alert(), alert)));
  }

  private String stronger(String a, String b) {
    if (a == null) return b;
    if (b == null) return a;
    int byScore =
        Double.compare(alertScores.getOrDefault(a, 0.0), alertScores.getOrDefault(b, 0.0));
    if (byScore != 0) return byScore > 0 ? a : b;
    return a.compareTo(b) <= 0 ? a : b;
  }
}
