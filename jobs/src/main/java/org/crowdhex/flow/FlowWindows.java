package org.crowdhex.flow;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Moves aggregated to zones per window, all at once: what the job's keyed windows compute over a
 * stream, for replays in one process, evaluations and tests. Windows are sliding event-time windows
 * aligned to the epoch, as the job's: a move counts in every window holding its destination time.
 */
public final class FlowWindows {
  private FlowWindows() {}

  /**
   * The starts of the windows of {@code sizeMillis}, one every {@code slideMillis}, that hold an
   * instant, ascending (epoch ms).
   */
  public static long[] windowStarts(long timeMillis, long sizeMillis, long slideMillis) {
    if (slideMillis <= 0 || sizeMillis < slideMillis) {
      throw new IllegalArgumentException(
          "windows of " + sizeMillis + " ms sliding by " + slideMillis + " ms");
    }
    long last = timeMillis - Math.floorMod(timeMillis, slideMillis);
    int n = 0;
    for (long s = last; s > timeMillis - sizeMillis; s -= slideMillis) n++;
    long[] starts = new long[n];
    for (int i = 0; i < n; i++) starts[i] = last - (long) (n - 1 - i) * slideMillis;
    return starts;
  }

  /**
   * The flow records of the moves: distinct authors per flow edge and window, ordered by window
   * start, origin and destination; revision 0.
   */
  public static List<FlowWindow> edges(
      Iterable<Move> moves, FlowZones zones, long sizeMillis, long slideMillis) {
    Map<Long, Map<FlowEdge, FlowTally>> byWindow = new TreeMap<>();
    for (Move m : moves) {
      List<FlowEdge> edges = zones.edges(m);
      if (edges.isEmpty()) continue;
      for (long start : windowStarts(m.destinationTime(), sizeMillis, slideMillis)) {
        Map<FlowEdge, FlowTally> tallies =
            byWindow.computeIfAbsent(start, s -> new TreeMap<>(EDGE_ORDER));
        for (FlowEdge e : edges) {
          tallies.computeIfAbsent(e, k -> new FlowTally()).add(m.author());
        }
      }
    }
    List<FlowWindow> out = new ArrayList<>();
    byWindow.forEach(
        (start, tallies) ->
            tallies.forEach((e, t) -> out.add(t.toWindow(e, start, start + sizeMillis, 0))));
    return out;
  }

  /**
   * The zone records of the moves: distinct authors in and out per zone and window, ordered by
   * window start and zone; revision 0.
   */
  public static List<ZoneFlowWindow> zones(
      Iterable<Move> moves, FlowZones zones, long sizeMillis, long slideMillis) {
    Map<Long, Map<String, ZoneTally>> byWindow = new TreeMap<>();
    for (Move m : moves) {
      List<ZoneCrossing> crossings = zones.crossings(m);
      if (crossings.isEmpty()) continue;
      for (long start : windowStarts(m.destinationTime(), sizeMillis, slideMillis)) {
        Map<String, ZoneTally> tallies = byWindow.computeIfAbsent(start, s -> new TreeMap<>());
        for (ZoneCrossing c : crossings) {
          tallies.computeIfAbsent(c.zone(), k -> new ZoneTally()).add(c.direction(), m.author());
        }
      }
    }
    List<ZoneFlowWindow> out = new ArrayList<>();
    byWindow.forEach(
        (start, tallies) ->
            tallies.forEach((z, t) -> out.add(t.toWindow(z, start, start + sizeMillis, 0))));
    return out;
  }

  private static final Comparator<FlowEdge> EDGE_ORDER =
      Comparator.comparing(FlowEdge::origin).thenComparing(FlowEdge::destination);
}
