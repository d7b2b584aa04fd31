package org.crowdhex.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.uber.h3core.H3Core;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The open alert a map shows: taken from a venue's alert state, and as GeoJSON. */
class OpenAlertTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long MINUTE = 60_000;
  private static final long SIZE = 15 * MINUTE;
  private static final long SLIDE = 5 * MINUTE;
  private static final long T0 = Instant.parse("2026-04-19T14:15:00Z").toEpochMilli();

  private static H3Core h3;
  private static long kuip;

  @BeforeAll
  static void loadH3() throws IOException {
    h3 = H3Core.newInstance();
    kuip = h3.latLngToCell(51.8939, 4.5231, 10);
  }

  private static Detection scored(int window, int score, long... cells) {
    long end = T0 + SIZE + window * SLIDE;
    List<Hotspot> hotspots =
        java.util.Arrays.stream(cells)
            .mapToObj(c -> Hotspot.ofCell(c, 10 + score, 10, score))
            .toList();
    return new Detection("kuip", "egress", end - SIZE, end, hotspots);
  }

  @Test
  void isNullUntilAnAlertOpensAndFollowsTheLastWindowInWhichItHeld() {
    VenueAlerts alerts =
        new VenueAlerts(AlertPolicy.of(10, 50), SIZE, SLIDE, new IncidentMerger(h3));
    VenueAlertState state = new VenueAlertState();
    assertThat(alerts.openAlert(state)).isNull();

    alerts.onWindow(state, scored(0, 12, kuip));
    assertThat(alerts.openAlert(state)).as("one hit opens nothing").isNull();
    alerts.onWindow(state, scored(1, 14, kuip));
    OpenAlert open = alerts.openAlert(state);

    assertThat(open.id()).isEqualTo("kuip-20260419T1415Z");
    assertThat(open.venue()).isEqualTo("kuip");
    assertThat(open.phase()).isEqualTo("egress");
    assertThat(open.severity()).isEqualTo(Severity.LOW);
    assertThat(open.firstWindowStart()).isEqualTo(T0);
    assertThat(open.lastWindowEnd()).isEqualTo(T0 + SIZE + SLIDE);
    assertThat(open.cells()).containsExactly(kuip);
    assertThat(open.observed()).isEqualTo(24);
    assertThat(open.expected()).isEqualTo(10);
    assertThat(open.score()).isEqualTo(14);
    assertThat(open.ratio()).isEqualTo(2.4);

    // A low window keeps it open with the figures of the last window in which it held.
    alerts.onQuietWindow(state, T0 + SIZE + 2 * SLIDE);
    assertThat(alerts.openAlert(state)).isEqualTo(open);
    // Two more close it.
    alerts.onQuietWindow(state, T0 + SIZE + 4 * SLIDE);
    assertThat(alerts.openAlert(state)).isNull();
  }

  @Test
  void writesTheUnionOfItsHexagonsWithItsFigures() throws IOException {
    long[] disk = h3.gridDisk(kuip, 1).stream().mapToLong(Long::longValue).toArray();
    OpenAlert a =
        new OpenAlert(
            "kuip-20260419T1415Z",
            "kuip",
            null,
            Severity.HIGH,
            T0,
            T0 + SIZE + SLIDE,
            disk,
            90,
            30,
            45.1234,
            90,
            ExpectationSource.HISTORY,
            85L);

    JsonNode f = JSON.readTree(a.toGeoJson(h3));

    assertThat(f.get("type").asText()).isEqualTo("Feature");
    assertThat(f.get("id").asText()).isEqualTo("kuip-20260419T1415Z");
    assertThat(f.at("/geometry/type").asText()).isEqualTo("MultiPolygon");
    JsonNode outer = f.at("/geometry/coordinates/0/0");
    assertThat(outer).as("seven hexagons dissolve into one ring of 18 vertices").hasSize(19);
    assertThat(outer.get(0)).isEqualTo(outer.get(18));
    JsonNode p = f.get("properties");
    assertThat(p.get("venue").asText()).isEqualTo("kuip");
    assertThat(p.get("phase").isNull()).isTrue();
    assertThat(p.get("severity").asText()).isEqualTo("high");
    assertThat(p.get("since").asText()).isEqualTo("2026-04-19T14:15:00Z");
    assertThat(p.get("until").asText()).isEqualTo("2026-04-19T14:35:00Z");
    assertThat(p.get("cells")).hasSize(7);
    assertThat(p.get("observed").asLong()).isEqualTo(90);
    assertThat(p.get("expected").asDouble()).isEqualTo(30);
    assertThat(p.get("ratio").asDouble()).isEqualTo(3);
    assertThat(p.get("score").asDouble()).isEqualTo(45.123);
    assertThat(p.get("present").asLong()).isEqualTo(85);
    assertThat(p.has("peak_observed")).as("used inside the job only").isFalse();

    // Its public form holds back a present crowd below the minimum, and only that.
    assertThat(a.withPresentOfAtLeast(85)).isSameAs(a);
    OpenAlert small = a.withPresentOfAtLeast(86);
    assertThat(small.present()).isNull();
    assertThat(small.observed()).isEqualTo(90);
    assertThat(JSON.readTree(small.toGeoJson(h3)).at("/properties/present").isNull()).isTrue();
  }

  @Test
  void aWindowsCollectionIsOrderedByVenueAndEmptyWhenNoneIsOpen() throws IOException {
    OpenAlert kuipAlert = alert("kuip-20260419T1415Z", "kuip", kuip);
    OpenAlert ahoyAlert = alert("ahoy-20260419T1420Z", "ahoy", h3.latLngToCell(51.884, 4.488, 10));

    JsonNode two = JSON.readTree(OpenAlert.featureCollection(List.of(kuipAlert, ahoyAlert), h3));
    JsonNode none = JSON.readTree(OpenAlert.featureCollection(List.of(), h3));

    assertThat(two.get("type").asText()).isEqualTo("FeatureCollection");
    assertThat(two.get("features"))
        .extracting(f -> f.get("id").asText())
        .containsExactly("ahoy-20260419T1420Z", "kuip-20260419T1415Z");
    assertThat(none.get("type").asText()).isEqualTo("FeatureCollection");
    assertThat(none.get("features")).isEmpty();
  }

  @Test
  void refusesAnAlertWithoutCellsOrExpectation() {
    assertThatThrownBy(
            () ->
                new OpenAlert(
                    "a", "kuip", null, Severity.LOW, 0, 1, new long[0], 1, 1, 1, 1, null, 1L))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cells");
    assertThatThrownBy(
            () ->
                new OpenAlert(
                    "a", "kuip", null, Severity.LOW, 0, 1, new long[] {kuip}, 1, 0, 1, 1, null, 1L))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("expected");
    assertThatThrownBy(
            () ->
                new OpenAlert(
                    "a",
                    "kuip",
                    null,
                    Severity.LOW,
                    0,
                    1,
                    new long[] {kuip},
                    1,
                    1,
                    1,
                    1,
                    null,
                    -1L))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("present is -1");
  }

  static OpenAlert alert(String id, String venue, long... cells) {
    return new OpenAlert(
        id, venue, "egress", Severity.MEDIUM, T0, T0 + SIZE, cells, 40, 10, 25, 40, null, 30L);
  }
}
