package org.crowdhex.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.uber.h3core.H3Core;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import org.crowdhex.flow.FlowLocation;
import org.crowdhex.flow.FlowWindow;
import org.crowdhex.flow.FlowZones;
import org.crowdhex.flow.ZoneFlowWindow;
import org.crowdhex.venue.Venue;
import org.crowdhex.venue.VenueKind;
import org.crowdhex.venue.VenueZone;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;

class FlowFormatsTest {
  static final long START = Instant.parse("2026-04-19T14:15:00Z").toEpochMilli();
  static final long END = Instant.parse("2026-04-19T14:30:00Z").toEpochMilli();
  static final FlowWindow FLOW = new FlowWindow("kuip", "centraal", START, END, 42, 45, 1);
  static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void edgeLinesHoldTheEdgeTheWindowAndTheCounts() {
    assertThat(FlowFormats.edgeLines().encode(FLOW))
        .isEqualTo(
            "{\"origin\":\"kuip\",\"destination\":\"centraal\",\"window_start\":"
                + "\"2026-04-19T14:15:00Z\",\"window_end\":\"2026-04-19T14:30:00Z\",\"authors\":42,"
                + "\"moves\":45,\"revision\":1}");
  }

  @Test
  void edgeFeaturesAreLineStringsBetweenZoneCentres() throws IOException {
    FlowZones zones = twoVenues();
    RecordFormat<FlowWindow> format = FlowFormats.edgeFeatures(zones);

    String file =
        format.header()
            + format.encode(FLOW)
            + format.separator()
            + format.encode(FLOW)
            + format.footer();

    JsonNode root = JSON.readTree(file);
    assertThat(root.get("type").asText()).isEqualTo("FeatureCollection");
    assertThat(root.get("features")).hasSize(2);
    JsonNode f = root.get("features").get(0);
    assertThat(f.at("/geometry/type").asText()).isEqualTo("LineString");
    JsonNode from = f.at("/geometry/coordinates/0");
    JsonNode to = f.at("/geometry/coordinates/1");
    assertThat(from.get(0).asDouble()).isCloseTo(4.5231, within(1e-4));
    assertThat(from.get(1).asDouble()).isCloseTo(51.8939, within(1e-4));
    assertThat(to.get(0).asDouble()).isCloseTo(4.4690, within(1e-4));
    assertThat(to.get(1).asDouble()).isCloseTo(51.9244, within(1e-4));
    assertThat(f.at("/properties/authors").asInt()).isEqualTo(42);
    assertThat(f.at("/properties/origin").asText()).isEqualTo("kuip");
  }

  @Test
  void aWindowDocumentHoldsItsFlowsStrongestFirstAndTheZonesInflowAndOutflow() throws IOException {
    FlowWindow back = new FlowWindow("centraal", "kuip", START, END, 120, 130, 0);
    String doc =
        FlowFormats.windowDocument(
            List.of(FLOW, back),
            List.of(
                new ZoneFlowWindow("kuip", START, END, 120, ZoneFlowWindow.SUPPRESSED, 0),
                new ZoneFlowWindow("centraal", START, END, 42, 120, 0)),
            twoVenues());

    JsonNode root = JSON.readTree(doc);
    assertThat(root.get("type").asText()).isEqualTo("FeatureCollection");
    JsonNode first = root.at("/features/0");
    assertThat(first.at("/properties/origin").asText()).isEqualTo("centraal");
    assertThat(first.at("/properties/destination").asText()).isEqualTo("kuip");
    assertThat(first.at("/properties/destination_name").asText()).isEqualTo("De Kuip");
    assertThat(first.at("/properties/authors").asInt()).isEqualTo(120);
    assertThat(first.at("/geometry/coordinates/1/0").asDouble()).isCloseTo(4.5231, within(1e-4));
    assertThat(root.at("/features/1/properties/authors").asInt()).isEqualTo(42);
    assertThat(root.at("/zones/0/zone").asText()).isEqualTo("centraal");
    assertThat(root.at("/zones/1/zone").asText()).isEqualTo("kuip");
    assertThat(root.at("/zones/1/inflow").asInt()).isEqualTo(120);
    assertThat(root.at("/zones/1/outflow").isNull()).as("held back").isTrue();
    assertThat(
            FlowFormats.windowDocument(
                List.of(back, FLOW),
                List.of(
                    new ZoneFlowWindow("centraal", START, END, 42, 120, 0),
                    new ZoneFlowWindow("kuip", START, END, 120, ZoneFlowWindow.SUPPRESSED, 0)),
                twoVenues()))
        .as("the same bytes whatever the order")
        .isEqualTo(doc);
    assertThat(JSON.readTree(FlowFormats.windowDocument(List.of(), List.of(), twoVenues())))
        .isEqualTo(JSON.readTree("{\"type\":\"FeatureCollection\",\"features\":[],\"zones\":[]}"));
  }

  private static FlowZones twoVenues() throws IOException {
    H3Core h3 = H3Core.newInstance();
    GeometryFactory g = new GeometryFactory();
    return FlowZones.ofVenues(
        List.of(
            VenueZone.of(
                new Venue(
                    "kuip",
                    "De Kuip",
                    VenueKind.STADIUM,
                    150,
                    g.createPoint(new Coordinate(4.5231, 51.8939))),
                9,
                h3),
            VenueZone.of(
                new Venue(
                    "centraal",
                    "Centraal",
                    VenueKind.STATION,
                    100,
                    g.createPoint(new Coordinate(4.4690, 51.9244))),
                9,
                h3)));
  }

  @Test
  void zoneLinesWriteHeldBackFiguresAsNull() {
    ZoneFlowWindow z = new ZoneFlowWindow("kuip", START, END, 120, ZoneFlowWindow.SUPPRESSED, 0);

    assertThat(FlowFormats.zoneLines().encode(z))
        .isEqualTo(
            "{\"zone\":\"kuip\",\"window_start\":\"2026-04-19T14:15:00Z\",\"window_end\":"
                + "\"2026-04-19T14:30:00Z\",\"inflow\":120,\"outflow\":null,\"revision\":0}");
  }

  @Test
  void flowmapFlowsAreOriginDestCountTime() {
    RecordFormat<FlowWindow> format = FlowFormats.flowmapFlows();

    assertThat(format.header()).isEqualTo("origin,dest,count,time\n");
    assertThat(format.encode(FLOW)).isEqualTo("kuip,centraal,42,2026-04-19T14:15:00Z");
    assertThat(format.separator()).isEqualTo("\n");
  }

  @Test
  void flowmapLocationsQuoteNamesThatNeedItAndWritePlainNumbers() {
    String csv =
        FlowFormats.flowmapLocations(
            List.of(
                new FlowLocation("kuip", "De Kuip", 51.8939123456, 4.5231),
                new FlowLocation("centraal", "Rotterdam Centraal, \"hall\"", 51.9244, -0.0001)));

    assertThat(csv)
        .isEqualTo(
            "id,name,lat,lon\n"
                + "kuip,De Kuip,51.8939123,4.5231\n"
                + "centraal,\"Rotterdam Centraal, \"\"hall\"\"\",51.9244,-0.0001\n");
  }
}
