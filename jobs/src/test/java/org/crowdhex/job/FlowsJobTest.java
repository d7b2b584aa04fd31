package org.crowdhex.job;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.uber.h3core.H3Core;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.crowdhex.plan.EventPlan;
import org.crowdhex.plan.PlanReader;
import org.crowdhex.venue.VenueIndex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Flows on the real job: a hand-made input in which each move rule is met or broken once, between
 * two venues, with every flow record worked out by hand (minimum crowd 1, so that single authors
 * show).
 */
class FlowsJobTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final double CENTRAAL_LAT = 51.9249, CENTRAAL_LON = 4.4690;

  @TempDir Path dir;

  @Test
  void countsTheMovesThatPassEveryRuleBetweenZonesPerWindow() throws Exception {
    H3Core h3 = H3Core.newInstance();
    long kuip = h3.latLngToCell(HandMadeEvent.LAT, HandMadeEvent.LON, 9);
    long next = h3.gridRing(kuip, 1).get(0);
    long farInKuip = h3.gridRing(kuip, 2).get(0);
    long centraal = h3.latLngToCell(CENTRAAL_LAT, CENTRAAL_LON, 9);

    List<String> lines = new ArrayList<>();
    lines.add(HandMadeEvent.post(h3, "1", "u1", "12:00:00", kuip)); // u1: a move at 12:20
    lines.add(HandMadeEvent.post(h3, "2", "u4", "12:00:10", kuip)); // u4: 2.5 h later, too late
    lines.add(HandMadeEvent.post(h3, "3", "u2", "12:01:00", kuip));
    lines.add(HandMadeEvent.post(h3, "4", "u2", "12:01:30", centraal)); // 30 s: too soon
    lines.add(HandMadeEvent.post(h3, "5", "u3", "12:02:00", kuip));
    lines.add(HandMadeEvent.post(h3, "6", "u3", "12:03:00", centraal)); // 4 km a minute: too fast
    lines.add(HandMadeEvent.post(h3, "7", "u5", "12:05:00", kuip));
    lines.add(HandMadeEvent.post(h3, "8", "u6", "12:05:00", kuip));
    lines.add(HandMadeEvent.post(h3, "9", "u7", "12:10:00", centraal));
    lines.add(HandMadeEvent.post(h3, "10", "u5", "12:15:00", next)); // next cell: too near
    lines.add(HandMadeEvent.post(h3, "11", "u1", "12:20:00", centraal));
    lines.add(HandMadeEvent.post(h3, "12", "u6", "12:25:00", farInKuip)); // a move within kuip
    lines.add(HandMadeEvent.post(h3, "13", "u7", "12:30:00", kuip)); // u7: a move at 12:30
    lines.add(HandMadeEvent.post(h3, "14", "u4", "14:30:10", centraal));
    Path input = dir.resolve("posts.jsonl");
    Files.write(input, lines);
    Files.writeString(
        dir.resolve("venues.geojson"),
        """
        {"type":"FeatureCollection","features":[
         {"type":"Feature","properties":{"id":"kuip","name":"De Kuip","kind":"stadium",
          "buffer_m":1000},"geometry":{"type":"Point","coordinates":[%s,%s]}},
         {"type":"Feature","properties":{"id":"centraal","name":"Rotterdam Centraal, hall",
          "kind":"station","buffer_m":300},"geometry":{"type":"Point","coordinates":[%s,%s]}}]}
        """
            .formatted(HandMadeEvent.LON, HandMadeEvent.LAT, CENTRAAL_LON, CENTRAAL_LAT));
    Files.writeString(
        dir.resolve("plan.yaml"),
        """
        name: flows
        venues: {file: venues.geojson}
        h3_resolution: 9
        window: {size: 30m, slide: 30m, out_of_orderness: 1m, allowed_lateness: 0s}
        tiles: {enabled: false}
        privacy: {min_crowd: 1}
        flows: {zones: venues, min_gap: 60s, max_gap: 2h, max_speed_kmh: 150}
        run: {parallelism: 2}
        """);
    EventPlan plan = PlanReader.read(dir.resolve("plan.yaml"));
    VenueIndex index = MonitorJob.venueIndex(plan);
    for (long cell : List.of(kuip, next, farInKuip)) {
      assertThat(index.venuesOf(cell)).containsExactly("kuip");
    }
    assertThat(index.venuesOf(centraal)).containsExactly("centraal");
    Path out = dir.resolve("out");

    RunSummary summary =
        EmbeddedRun.replay(
            plan, MonitorJob.venueZones(plan), List.of(input.toString()), out, p -> {});

    assertThat(summary.counted()).as(summary.describe()).isEqualTo(14);
    assertThat(summary.moves()).isEqualTo(3); // u1, u6 (within one zone) and u7

    Map<String, String> flows = new TreeMap<>();
    for (JsonNode r : MonitorJobTest.jsonLines(out.resolve("flows/flows.jsonl"))) {
      flows.put(
          r.get("window_start").asText().substring(11, 16)
              + " "
              + r.get("origin").asText()
              + " -> "
              + r.get("destination").asText(),
          r.get("authors").asInt() + "/" + r.get("moves").asLong());
    }
    assertThat(flows)
        .containsExactlyInAnyOrderEntriesOf(
            Map.of("12:00 kuip -> centraal", "1/1", "12:30 centraal -> kuip", "1/1"));

    Map<String, String> zones = new TreeMap<>();
    for (JsonNode r : MonitorJobTest.jsonLines(out.resolve("flows/zones.jsonl"))) {
      zones.put(
          r.get("window_start").asText().substring(11, 16) + " " + r.get("zone").asText(),
          r.get("inflow") + "/" + r.get("outflow"));
    }
    assertThat(zones)
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "12:00 kuip", "null/1",
                "12:00 centraal", "1/null",
                "12:30 kuip", "1/null",
                "12:30 centraal", "null/1"));

    // The flowmap data model: locations once, flows per window.
    List<String> locations = Files.readAllLines(out.resolve("flows/locations.csv"));
    assertThat(locations.get(0)).isEqualTo("id,name,lat,lon");
    assertThat(locations).hasSize(3);
    assertThat(locations.get(1)).startsWith("kuip,De Kuip,51.89");
    assertThat(locations.get(2)).startsWith("centraal,\"Rotterdam Centraal, hall\",51.92");
    assertThat(Files.readAllLines(out.resolve("flows/flows.csv")))
        .containsExactlyInAnyOrder(
            "origin,dest,count,time",
            "kuip,centraal,1,2026-04-19T12:00:00Z",
            "centraal,kuip,1,2026-04-19T12:30:00Z");

    // GeoJSON: a LineString from the origin zone's centre to the destination's.
    JsonNode geojson = JSON.readTree(out.resolve("flows/flows.geojson").toFile());
    assertThat(geojson.get("features")).hasSize(2);
    for (JsonNode f : geojson.get("features")) {
      assertThat(f.at("/geometry/type").asText()).isEqualTo("LineString");
      JsonNode from = f.at("/geometry/coordinates/0");
      double lat = f.at("/properties/origin").asText().equals("kuip") ? 51.89 : 51.92;
      assertThat(from.get(1).asDouble()).isBetween(lat, lat + 0.01);
      assertThat(f.at("/properties/authors").asInt()).isEqualTo(1);
    }
  }
}
