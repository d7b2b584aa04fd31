package org.crowdhex.alert;

import com.uber.h3core.H3Core;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Merges the hotspots of one venue and window into incidents: hotspots whose regions touch — share
 * a cell, or have two cells that are H3 neighbours — belong to one incident, transitively. An
 * incident's observed count C and expected count B are summed over the union of its cells, each
 * cell once, for the record; its score is the highest score of its hotspots.
 *
 * <p>The score is not recomputed from the union: the union is not a region the scan chose, and
 * joining many regions that each score half the threshold would make a score above it out of noise.
 * Thresholds are calibrated on the scan's own statistic (the best region's score), so the alert
 * rule must see that statistic too.
 *
 * <p>The scan gives every cell the same counts in every region of one window (they come from the
 * same window's counts and baseline), so the first hotspot listing a cell supplies its counts.
 */
public final class IncidentMerger {
  /** Strongest first; ties broken by size and then by the cells so the order is stable. */
  public static final Comparator<Incident> STRONGEST_FIRST =
      Comparator.comparingDouble(Incident::score)
          .reversed()
          .thenComparing(Comparator.comparingLong(Incident::observed).reversed())
          .thenComparing((a, b) -> Arrays.compare(a.cells(), b.cells()));

  private final H3Core h3;

  /**
   * @param h3 the H3 library, for neighbour look-ups
   */
  public IncidentMerger(H3Core h3) {
    this.h3 = Objects.requireNonNull(h3, "h3");
  }

  /** The incidents of one window, strongest first; none for no hotspots. */
  public List<Incident> merge(List<Hotspot> hotspots) {
    int n = hotspots.size();
    if (n == 0) return List.of();
    int[] parent = new int[n];
    for (int i = 0; i < n; i++) parent[i] = i;

    // Which hotspot first listed each cell, and that cell's counts, in input order.
    Map<Long, Integer> owner = new LinkedHashMap<>();
    Map<Long, Integer> observed = new HashMap<>();
    Map<Long, Double> expected = new HashMap<>();
    for (int h = 0; h < n; h++) {
      Hotspot spot = hotspots.get(h);
      for (int i = 0; i < spot.size(); i++) {
        long cell = spot.cell(i);
        Integer first = owner.putIfAbsent(cell, h);
        if (first == null) {
          observed.put(cell, spot.observedAt(i));
          expected.put(cell, spot.expectedAt(i));
        } else {
          union(parent, first, h);
        }
      }
    }
    // One ring around each cell finds every neighbouring cell of another hotspot in 7 look-ups,
    // rather than testing every pair of cells.
    for (Map.Entry<Long, Integer> e : owner.entrySet()) {
      for (long neighbour : h3.gridDisk(e.getKey(), 1)) {
        Integer other = owner.get(neighbour);
        if (other != null) union(parent, e.getValue(), other);
      }
    }

    Map<Integer, Double> bestByRoot = new HashMap<>();
    for (int h = 0; h < n; h++) {
      bestByRoot.merge(find(parent, h), hotspots.get(h).score(), Math::max);
    }
    Map<Integer, List<Long>> cellsByRoot = new LinkedHashMap<>();
    for (Map.Entry<Long, Integer> e : owner.entrySet()) {
      cellsByRoot
          .computeIfAbsent(find(parent, e.getValue()), k -> new ArrayList<>())
          .add(e.getKey());
    }
    List<Incident> incidents = new ArrayList<>(cellsByRoot.size());
    for (Map.Entry<Integer, List<Long>> group : cellsByRoot.entrySet()) {
      long[] cells = group.getValue().stream().mapToLong(Long::longValue).sorted().toArray();
      long c = 0;
      double b = 0;
      for (long cell : cells) {
        c += observed.get(cell);
        b += expected.get(cell);
      }
      incidents.add(new Incident(cells, c, b, bestByRoot.get(group.getKey())));
    }
    incidents.sort(STRONGEST_FIRST);
    return incidents;
  }

  private static int find(int[] parent, int i) {
    while (parent[i] != i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  }

  private static void union(int[] parent, int a, int b) {
    int ra = find(parent, a);
    int rb = find(parent, b);
    if (ra != rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
  }
}
