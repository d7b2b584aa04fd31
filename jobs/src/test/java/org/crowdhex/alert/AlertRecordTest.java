package org.crowdhex.alert;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.uber.h3core.H3Core;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The alert record as a JSON line and as a GeoJSON Feature. */
class AlertRecordTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static H3Core h3;
  private static AlertRecord opened;

  @BeforeAll
  static void openAnAlert() throws IOException {
    h3 = H3Core.newInstance();
    long kuip = h3.latLngToCell(51.8939, 4.5231, 10);
    long[] disk = h3.gridDisk(kuip, 1).stream().mapToLong(Long::longValue).toArray();
    int[] observed = {40, 12, 12, 12, 12, 12, 12};
    double[] expected = {10, 4, 4, 4, 4, 4, 4};
    VenueAlerts alerts =
        new VenueAlerts(AlertPolicy.of(10, 500), 15 * 60_000, 5 * 60_000, new IncidentMerger(h3));
    VenueAlertState state = new VenueAlertState();
    long start = Instant.parse("2026-04-19T14:15:00Z").toEpochMilli();
    List<AlertRecord> out = new ArrayList<>();
    for (int w = 0; w < 2; w++) {
      long s = start + w * 5 * 60_000;
      out.addAll(
          alerts.onWindow(
              state,
              new Detection(
                  "kuip",
                  "egress",
                  s,
                  s + 15 * 60_000,
                  List.of(new Hotspot(kuip, disk, observed, expected, 60)),
                  List.of(),
                  ExpectationSource.HISTORY,
                  // The window alone: 30 in the centre, 2 in a neighbour.
                  Map.of(kuip, 30, disk[1] == kuip ? disk[2] : disk[1], 2))));
    }
    opened = out.get(0);
  }

  @Test
  void theJsonLineCarriesEveryField() throws IOException {
    String line = opened.toJson();
    JsonNode json = MAPPER.readTree(line);

    assertThat(line).doesNotContain("\n");
    assertThat(json.get("id").asText()).isEqualTo("kuip-20260419T1415Z");
    assertThat(json.get("venue").asText()).isEqualTo("kuip");
    assertThat(json.get("phase").asText()).isEqualTo("egress");
    assertThat(json.get("state").asText()).isEqualTo("opened");
    assertThat(json.get("trigger").asText()).isEqualTo("scan");
    assertThat(json.get("severity").asText()).isEqualTo("high");
    assertThat(json.get("notify").asBoolean()).isTrue();
    assertThat(json.get("revision").asInt()).isZero();
    assertThat(json.get("window_start").asText()).isEqualTo("2026-04-19T14:20:00Z");
    assertThat(json.get("window_end").asText()).isEqualTo("2026-04-19T14:35:00Z");
    assertThat(json.get("first_window_start").asText()).isEqualTo("2026-04-19T14:15:00Z");
    assertThat(json.get("first_window_end").asText()).isEqualTo("2026-04-19T14:30:00Z");
    assertThat(json.get("last_window_start").asText()).isEqualTo("2026-04-19T14:20:00Z");
    assertThat(json.get("peak_window_start").asText()).isEqualTo("2026-04-19T14:15:00Z");
    assertThat(json.get("cells")).hasSize(7);
    assertThat(json.get("cells").get(0).asText()).matches("[0-9a-f]{15}");
    assertThat(json.get("observed").asLong()).isEqualTo(112);
    assertThat(json.get("expected").asDouble()).isEqualTo(34.0);
    assertThat(json.get("ratio").asDouble()).isEqualTo(3.294);
    assertThat(json.get("score").asDouble()).isEqualTo(60);
    assertThat(json.get("peak_score").asDouble()).isEqualTo(json.get("score").asDouble());
    assertThat(json.get("present").asLong()).isEqualTo(32);
    assertThat(json.get("peak_present").asLong()).isEqualTo(32);
  }

  @Test
  void itsPublicFormHoldsBackAPresentCrowdBelowTheMinimumAndNothingElse() throws IOException {
    assertThat(opened.withPresentOfAtLeast(32)).isSameAs(opened);

    AlertRecord held = opened.withPresentOfAtLeast(33);
    JsonNode json = MAPPER.readTree(held.toJson());
    assertThat(json.get("present").isNull()).isTrue();
    assertThat(json.get("peak_present").isNull()).isTrue();
    assertThat(json.get("observed").asLong()).isEqualTo(112);
    assertThat(held.withPresentOfAtLeast(1)).as("once held back, stays so").isEqualTo(held);
  }

  @Test
  void aMissingPhaseIsWrittenAsNull() throws IOException {
    AlertRecord noPhase =
        new AlertRecord(
            "kuip-20260419T1415Z",
            "kuip",
            null,
            "scan",
            null,
            AlertState.CLOSED,
            Severity.LOW,
            false,
            3,
            0,
            1,
            0,
            1,
            0,
            1,
            0,
            1,
            List.of("8a1969053247fff"),
            5,
            2,
            1,
            5,
            2,
            1,
            4L,
            null);

    JsonNode json = MAPPER.readTree(noPhase.toJson());
    assertThat(json.get("phase").isNull()).isTrue();
    assertThat(json.get("present").asLong()).isEqualTo(4);
    assertThat(json.get("peak_present").isNull()).as("held back").isTrue();
  }

  @Test
  void theGeoJsonFeatureIsOneClosedPolygonAroundTheTouchingCells() throws IOException {
    JsonNode feature = MAPPER.readTree(opened.toGeoJson(h3));

    assertThat(feature.get("type").asText()).isEqualTo("Feature");
    assertThat(feature.get("id").asText()).isEqualTo(opened.id());
    JsonNode geometry = feature.get("geometry");
    assertThat(geometry.get("type").asText()).isEqualTo("MultiPolygon");
    JsonNode polygons = geometry.get("coordinates");
    assertThat(polygons).hasSize(1);
    JsonNode outer = polygons.get(0).get(0);
    // Seven hexagons dissolve into one outline of 18 vertices, closed on the first.
    assertThat(outer).hasSize(19);
    assertThat(outer.get(0)).isEqualTo(outer.get(outer.size() - 1));
    double lng = outer.get(0).get(0).asDouble();
    double lat = outer.get(0).get(1).asDouble();
    assertThat(lng).isBetween(4.5, 4.55);
    assertThat(lat).isBetween(51.88, 51.91);
    assertThat(feature.get("properties").get("state").asText()).isEqualTo("opened");
    assertThat(feature.get("properties").get("cells")).hasSize(7);
  }
}
