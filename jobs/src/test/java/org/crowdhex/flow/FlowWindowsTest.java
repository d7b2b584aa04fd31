package org.crowdhex.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.crowdhex.flow.TestZones.BOTH_CELL;
import static org.crowdhex.flow.TestZones.CENTRAAL_CELL;
import static org.crowdhex.flow.TestZones.KUIP_CELL;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class FlowWindowsTest {
  static final long MIN = 60_000;
  static final long SIZE = 15 * MIN;
  static final long SLIDE = 5 * MIN;
  static final long NOON = Instant.parse("2026-04-19T12:00:00Z").toEpochMilli();

  @Test
  void windowStartsAreThoseOfTheJobsSlidingWindows() {
    assertThat(FlowWindows.windowStarts(NOON + 7 * MIN, SIZE, SLIDE))
        .containsExactly(NOON - 5 * MIN, NOON, NOON + 5 * MIN);
    assertThat(FlowWindows.windowStarts(NOON + 5 * MIN, SIZE, SLIDE))
        .containsExactly(NOON - 5 * MIN, NOON, NOON + 5 * MIN);
    assertThat(FlowWindows.windowStarts(NOON + 5 * MIN - 1, SIZE, SLIDE))
        .containsExactly(NOON - 10 * MIN, NOON - 5 * MIN, NOON);
    assertThat(FlowWindows.windowStarts(NOON + 7 * MIN, SIZE, SIZE)).containsExactly(NOON);
    assertThat(FlowWindows.windowStarts(-1, 10, 5)).containsExactly(-10L, -5L);
    assertThatThrownBy(() -> FlowWindows.windowStarts(0, 5, 10))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void edgesCountDistinctAuthorsAndAllTheirMoves() {
    FlowZones zones = FlowZones.ofVenues(TestZones.ALL);
    long t = NOON + 7 * MIN;
    List<Move> moves =
        List.of(
            new Move(1, KUIP_CELL, CENTRAAL_CELL, t - 20 * MIN, t),
            new Move(2, KUIP_CELL, CENTRAAL_CELL, t - 20 * MIN, t),
            new Move(1, KUIP_CELL, CENTRAAL_CELL, t - 19 * MIN, t + MIN),
            new Move(3, BOTH_CELL, CENTRAAL_CELL, t - 20 * MIN, NOON + 11 * MIN));

    List<FlowWindow> flows = FlowWindows.edges(moves, zones, SIZE, SLIDE);

    long w0 = NOON - 5 * MIN;
    long w1 = NOON;
    long w2 = NOON + 5 * MIN;
    long w3 = NOON + 10 * MIN;
    assertThat(flows)
        .containsExactly(
            new FlowWindow("kuip", "centraal", w0, w0 + SIZE, 2, 3, 0),
            new FlowWindow("fanzone", "centraal", w1, w1 + SIZE, 1, 1, 0),
            new FlowWindow("kuip", "centraal", w1, w1 + SIZE, 3, 4, 0),
            new FlowWindow("fanzone", "centraal", w2, w2 + SIZE, 1, 1, 0),
            new FlowWindow("kuip", "centraal", w2, w2 + SIZE, 3, 4, 0),
            new FlowWindow("fanzone", "centraal", w3, w3 + SIZE, 1, 1, 0),
            new FlowWindow("kuip", "centraal", w3, w3 + SIZE, 1, 1, 0));

    List<ZoneFlowWindow> totals = FlowWindows.zones(moves, zones, SIZE, SLIDE);
    assertThat(totals)
        .containsExactly(
            new ZoneFlowWindow("centraal", w0, w0 + SIZE, 2, 0, 0),
            new ZoneFlowWindow("kuip", w0, w0 + SIZE, 0, 2, 0),
            new ZoneFlowWindow("centraal", w1, w1 + SIZE, 3, 0, 0),
            new ZoneFlowWindow("fanzone", w1, w1 + SIZE, 0, 1, 0),
            new ZoneFlowWindow("kuip", w1, w1 + SIZE, 0, 3, 0),
            new ZoneFlowWindow("centraal", w2, w2 + SIZE, 3, 0, 0),
            new ZoneFlowWindow("fanzone", w2, w2 + SIZE, 0, 1, 0),
            new ZoneFlowWindow("kuip", w2, w2 + SIZE, 0, 3, 0),
            new ZoneFlowWindow("centraal", w3, w3 + SIZE, 1, 0, 0),
            new ZoneFlowWindow("fanzone", w3, w3 + SIZE, 0, 1, 0),
            new ZoneFlowWindow("kuip", w3, w3 + SIZE, 0, 1, 0));
  }

  @Test
  void tallyMergesAreDistinct() {
    FlowTally a = new FlowTally().add(1).add(2);
    FlowTally b = new FlowTally().add(2).add(3);

    FlowWindow w = a.merge(b).toWindow(new FlowEdge("kuip", "centraal"), 0, 10, 1);

    assertThat(w).isEqualTo(new FlowWindow("kuip", "centraal", 0, 10, 3, 4, 1));
    ZoneTally z = new ZoneTally().add(ZoneCrossing.Direction.IN, 1);
    z.merge(new ZoneTally().add(ZoneCrossing.Direction.IN, 1).add(ZoneCrossing.Direction.OUT, 2));
    assertThat(z.toWindow("kuip", 0, 10, 0)).isEqualTo(new ZoneFlowWindow("kuip", 0, 10, 1, 1, 0));
  }

  @Test
  void theMinimumCrowdHoldsBackSmallFlowsAndSmallFigures() {
    assertThat(new FlowWindow("a", "b", 0, 1, 10, 12, 0).publishable(10)).isTrue();
    assertThat(new FlowWindow("a", "b", 0, 1, 9, 30, 0).publishable(10)).isFalse();

    ZoneFlowWindow z = new ZoneFlowWindow("kuip", 0, 1, 25, 4, 0);
    assertThat(z.disclosed(10))
        .isEqualTo(new ZoneFlowWindow("kuip", 0, 1, 25, ZoneFlowWindow.SUPPRESSED, 0));
    assertThat(z.disclosed(3)).isEqualTo(z);
    assertThat(z.disclosed(30)).isNull();
  }

  @Test
  void anEdgeJoinsTwoDifferentZones() {
    assertThatThrownBy(() -> new FlowEdge("kuip", "kuip")).hasMessageContaining("to itself");
  }
}
