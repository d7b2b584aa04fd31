package org.crowdhex.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.uber.h3core.H3Core;
import java.io.IOException;
import java.util.List;
import java.util.function.DoubleBinaryOperator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Touching hotspots become one incident whose counts take each cell once. */
class IncidentMergerTest {
  static final DoubleBinaryOperator POISSON = (c, b) -> c > b ? c * Math.log(c / b) + b - c : 0;

  private static H3Core h3;
  private static long kuip;

  @BeforeAll
  static void loadH3() throws IOException {
    h3 = H3Core.newInstance();
    kuip = h3.latLngToCell(51.8939, 4.5231, 10);
  }

  /** A cell {@code k} rings away from the centre of De Kuip, the first H3 lists. */
  static long ring(int k) {
    return h3.gridRing(kuip, k).get(0);
  }

  @Test
  void overlappingHotspotsMergeWithoutCountingTheSharedCellTwice() {
    long[] disk = h3.gridDisk(kuip, 1).stream().mapToLong(Long::longValue).toArray();
    long shared = kuip;
    long a = disk[1];
    long b = disk[4];
    Hotspot left =
        new Hotspot(a, new long[] {a, shared}, new int[] {30, 50}, new double[] {10, 20}, 40);
    Hotspot right =
        new Hotspot(b, new long[] {shared, b}, new int[] {50, 25}, new double[] {20, 5}, 45);

    List<Incident> incidents = new IncidentMerger(h3).merge(List.of(left, right));

    assertThat(incidents).hasSize(1);
    Incident merged = incidents.get(0);
    assertThat(merged.cells()).containsExactlyInAnyOrder(a, shared, b);
    assertThat(merged.observed()).isEqualTo(30 + 50 + 25);
    assertThat(merged.expected()).isEqualTo(10 + 20 + 5);
    // The scan's statistic, not a score of the union: the union is no region the scan chose.
    assertThat(merged.score()).isEqualTo(45);
  }

  @Test
  void manyWeakTouchingRegionsDoNotAddUpToAStrongIncident() {
    long[] ring = h3.gridRing(kuip, 1).stream().mapToLong(Long::longValue).toArray();
    List<Hotspot> weak = new java.util.ArrayList<>();
    for (long cell : ring) weak.add(Hotspot.ofCell(cell, 16, 10, POISSON.applyAsDouble(16, 10)));

    Incident merged = new IncidentMerger(h3).merge(weak).get(0);

    assertThat(merged.cells()).hasSize(6);
    assertThat(merged.observed()).isEqualTo(96);
    // Scored as one region the six would reach 6 × 1.52 = 9.2; the incident keeps the best region.
    assertThat(POISSON.applyAsDouble(96, 60)).isGreaterThan(9);
    assertThat(merged.score()).isCloseTo(POISSON.applyAsDouble(16, 10), within(1e-9));
  }

  @Test
  void hotspotsWithNeighbouringCellsMergeAndDistantOnesStayApart() {
    long neighbour = ring(1);
    long far = ring(6);
    long farNeighbour =
        h3.gridDisk(far, 1).stream().filter(c -> c != far).findFirst().orElseThrow();
    Hotspot centre = Hotspot.ofCell(kuip, 40, 10, 20);
    Hotspot next = Hotspot.ofCell(neighbour, 30, 10, 12);
    Hotspot away =
        new Hotspot(
            far, new long[] {far, farNeighbour}, new int[] {12, 12}, new double[] {10, 10}, 1);

    List<Incident> incidents = new IncidentMerger(h3).merge(List.of(away, next, centre));

    assertThat(incidents).hasSize(2);
    assertThat(incidents.get(0).cells()).containsExactlyInAnyOrder(kuip, neighbour);
    assertThat(incidents.get(0).observed()).isEqualTo(70);
    assertThat(incidents.get(1).cells()).containsExactlyInAnyOrder(far, farNeighbour);
    assertThat(incidents.get(0).score()).isGreaterThan(incidents.get(1).score());
  }

  @Test
  void touchingIsTransitive() {
    // Three cells in a line: the two ends do not touch, but each touches the middle one.
    long middle = ring(1);
    long end =
        h3.gridRing(middle, 1).stream()
            .filter(c -> h3.gridDistance(kuip, c) == 2)
            .findFirst()
            .orElseThrow();
    assertThat(h3.areNeighborCells(kuip, end)).isFalse();

    List<Incident> incidents =
        new IncidentMerger(h3)
            .merge(
                List.of(
                    Hotspot.ofCell(kuip, 20, 5, 1),
                    Hotspot.ofCell(end, 20, 5, 1),
                    Hotspot.ofCell(middle, 20, 5, 1)));

    assertThat(incidents).singleElement().satisfies(i -> assertThat(i.cells()).hasSize(3));
  }

  @Test
  void noHotspotsNoIncidents() {
    assertThat(new IncidentMerger(h3).merge(List.of())).isEmpty();
  }
}
