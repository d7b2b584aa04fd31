package org.crowdhex.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.crowdhex.flow.TestZones.ALL;
import static org.crowdhex.flow.TestZones.BOTH_CELL;
import static org.crowdhex.flow.TestZones.CENTRAAL_CELL;
import static org.crowdhex.flow.TestZones.FAN_CELL;
import static org.crowdhex.flow.TestZones.H3;
import static org.crowdhex.flow.TestZones.KUIP_CELL;
import static org.crowdhex.flow.TestZones.KUIP_CELL_2;
import static org.crowdhex.flow.TestZones.OUTSIDE_CELL;
import static org.crowdhex.flow.ZoneCrossing.Direction.IN;
import static org.crowdhex.flow.ZoneCrossing.Direction.OUT;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class FlowZonesTest {
  static final FlowZones VENUES = FlowZones.ofVenues(ALL);

  static Move move(long from, long to) {
    return new Move(42, from, to, 0, 600_000);
  }

  @BeforeAll
  static void theCellsAreWhereTheTestsSay() {
    assertThat(VENUES.zonesOf(KUIP_CELL)).containsExactly("kuip");
    assertThat(VENUES.zonesOf(KUIP_CELL_2)).containsExactly("kuip");
    assertThat(KUIP_CELL).isNotEqualTo(KUIP_CELL_2);
    assertThat(VENUES.zonesOf(BOTH_CELL)).containsExactly("kuip", "fanzone");
    assertThat(VENUES.zonesOf(FAN_CELL)).containsExactly("fanzone");
    assertThat(VENUES.zonesOf(CENTRAAL_CELL)).containsExactly("centraal");
    assertThat(VENUES.zonesOf(OUTSIDE_CELL)).isEmpty();
  }

  @Test
  void aMoveBetweenTwoVenuesIsOneEdgeAnOutflowAndAnInflow() {
    Move m = move(KUIP_CELL, CENTRAAL_CELL);

    assertThat(VENUES.edges(m)).containsExactly(new FlowEdge("kuip", "centraal"));
    assertThat(VENUES.crossings(m))
        .containsExactly(new ZoneCrossing("kuip", OUT), new ZoneCrossing("centraal", IN));
  }

  @Test
  void aMoveWithinOneZoneIsNoFlow() {
    Move m = move(KUIP_CELL, KUIP_CELL_2);

    assertThat(VENUES.edges(m)).isEmpty();
    assertThat(VENUES.crossings(m)).isEmpty();
  }

  @Test
  void leavingAnOverlapLeavesBothZones() {
    Move m = move(BOTH_CELL, CENTRAAL_CELL);

    assertThat(VENUES.edges(m))
        .containsExactly(new FlowEdge("kuip", "centraal"), new FlowEdge("fanzone", "centraal"));
    assertThat(VENUES.crossings(m))
        .containsExactly(
            new ZoneCrossing("kuip", OUT),
            new ZoneCrossing("fanzone", OUT),
            new ZoneCrossing("centraal", IN));
  }

  @Test
  void fromTheOverlapIntoOneOfItsZonesIsAFlowFromTheOther() {
    Move m = move(BOTH_CELL, KUIP_CELL);

    assertThat(VENUES.edges(m)).containsExactly(new FlowEdge("fanzone", "kuip"));
    assertThat(VENUES.crossings(m)).containsExactly(new ZoneCrossing("fanzone", OUT));
  }

  @Test
  void fromOneZoneIntoTheOverlapIsAFlowIntoTheOther() {
    Move m = move(KUIP_CELL, BOTH_CELL);

    assertThat(VENUES.edges(m)).containsExactly(new FlowEdge("kuip", "fanzone"));
    assertThat(VENUES.crossings(m)).containsExactly(new ZoneCrossing("fanzone", IN));
  }

  @Test
  void aMoveOutOfEveryZoneIsAnOutflowWithoutAnEdge() {
    Move m = move(FAN_CELL, OUTSIDE_CELL);

    assertThat(VENUES.edges(m)).isEmpty();
    assertThat(VENUES.crossings(m)).containsExactly(new ZoneCrossing("fanzone", OUT));
    assertThat(VENUES.edges(move(OUTSIDE_CELL, OUTSIDE_CELL + 1))).isEmpty();
  }

  @Test
  void venueZonesAreLocatedAtTheirCentroidsWithTheirNames() {
    FlowLocation kuip = VENUES.location("kuip");

    assertThat(kuip.name()).isEqualTo("De Kuip");
    assertThat(kuip.lat()).isCloseTo(51.8939, within(1e-4));
    assertThat(kuip.lon()).isCloseTo(4.5231, within(1e-4));
    assertThat(VENUES.locations())
        .extracting(FlowLocation::id)
        .containsExactly("kuip", "fanzone", "centraal");
    assertThat(VENUES.describe()).isEqualTo("venue zones (3)");
    assertThatThrownBy(() -> VENUES.location("ahoy"))
        .hasMessage("zone ahoy is not a flow zone; known: kuip, fanzone, centraal");
  }

  @Test
  void h3ParentZonesGroupCellsByTheirParent() {
    FlowZones parents = FlowZones.ofH3Parents(7, ALL, H3);
    String kuipParent = H3.h3ToString(H3.cellToParent(KUIP_CELL, 7));
    String centraalParent = H3.h3ToString(H3.cellToParent(CENTRAAL_CELL, 7));
    assertThat(kuipParent).isNotEqualTo(centraalParent);

    assertThat(parents.venueZones()).isFalse();
    assertThat(parents.zonesOf(KUIP_CELL)).containsExactly(kuipParent);
    assertThat(parents.zonesOf(OUTSIDE_CELL))
        .containsExactly(H3.h3ToString(H3.cellToParent(OUTSIDE_CELL, 7)));
    assertThat(parents.edges(move(KUIP_CELL, CENTRAAL_CELL)))
        .containsExactly(new FlowEdge(kuipParent, centraalParent));
    assertThat(parents.edges(move(KUIP_CELL, KUIP_CELL_2))).isEmpty();
    assertThat(parents.location(kuipParent).name()).startsWith(kuipParent + " (").contains("kuip");
    assertThat(parents.location(centraalParent).name()).isEqualTo(centraalParent + " (centraal)");
    var centre = H3.cellToLatLng(centraalParent);
    assertThat(parents.location(centraalParent).lat()).isEqualTo(centre.lat);
    assertThat(parents.describe()).startsWith("H3 parent cells at resolution 7 (");
  }

  @Test
  void h3ZonesMustNotBeFinerThanTheCells() {
    assertThatThrownBy(() -> FlowZones.ofH3Parents(10, ALL, H3))
        .hasMessage(
            "flows.resolution is 10; accepted: an H3 resolution from 0 to the plan's"
                + " h3_resolution (9)");
    assertThat(FlowZones.of(FlowSettings.DEFAULT, ALL).venueZones()).isTrue();
    assertThat(FlowZones.of(FlowSettings.DEFAULT.withH3Zones(9), ALL).zonesOf(KUIP_CELL))
        .containsExactly(H3.h3ToString(KUIP_CELL));
  }

  @Test
  void survivesSerialisationForTheTasks() throws Exception {
    for (FlowZones zones : List.of(VENUES, FlowZones.ofH3Parents(7, ALL, H3))) {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
        out.writeObject(zones);
      }
      FlowZones copy;
      try (ObjectInputStream in =
          new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
        copy = (FlowZones) in.readObject();
      }
      Move m = move(BOTH_CELL, CENTRAAL_CELL);
      assertThat(copy.edges(m)).isEqualTo(zones.edges(m));
      assertThat(copy.locations()).containsExactlyElementsOf(zones.locations());
    }
  }
}
