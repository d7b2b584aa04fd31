package org.crowdhex.job;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.uber.h3core.H3Core;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.MvtReader;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.TagKeyValueMapConverter;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.model.JtsLayer;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.model.JtsMvt;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.crowdhex.plan.EventPlan;
import org.crowdhex.plan.PlanReader;
import org.crowdhex.venue.VenueIndex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * The minimum crowd on the real job: with k = 3, a hand-made input whose every published figure is
 * worked out by hand. Cells below k are rolled up into their parent or held back; venue totals,
 * flows, inflows and outflows below k are held back; and the tiles are drawn from the published
 * cells only.
 */
class MinimumCrowdJobTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final double CENTRAAL_LAT = 51.9249, CENTRAAL_LON = 4.4690;

  @TempDir Path dir;

  @Test
  void publishesNothingThatStandsForFewerThanKAuthors() throws Exception {
    H3Core h3 = H3Core.newInstance();
    long home = h3.latLngToCell(HandMadeEvent.LAT, HandMadeEvent.LON, 9);
    long parent = h3.cellToParent(home, 8);
    List<Long> family = new ArrayList<>(h3.cellToChildren(parent, 9));
    family.sort(null);
    long a = family.get(0), b = family.get(1), c = family.get(2);
    long d = h3.latLngToCell(HandMadeEvent.LAT + 0.008, HandMadeEvent.LON, 9); // ~900 m north
    long z = h3.latLngToCell(CENTRAAL_LAT, CENTRAAL_LON, 9);
    assertThat(h3.cellToParent(d, 8)).isNotEqualTo(parent);

    List<String> lines = new ArrayList<>();
    int id = 0;
    // 12:00-12:10: A has 4 authors (published); B 2 and C 1 (rolled up: 3 together); D 1 (held).
    for (String u : List.of("a1", "a2", "a3", "a4")) lines.add(post(h3, ++id, u, "12:01:00", a));
    lines.add(post(h3, ++id, "b1", "12:02:00", b));
    lines.add(post(h3, ++id, "b2", "12:02:30", b));
    lines.add(post(h3, ++id, "c1", "12:03:00", c));
    lines.add(post(h3, ++id, "d1", "12:04:00", d));
    // Three authors go from De Kuip (A) to Centraal (Z), two the other way.
    for (String u : List.of("m1", "m2", "m3")) lines.add(post(h3, ++id, u, "12:11:00", a));
    for (String u : List.of("n1", "n2")) lines.add(post(h3, ++id, u, "12:12:00", z));
    for (String u : List.of("m1", "m2", "m3")) lines.add(post(h3, ++id, u, "12:22:00", z));
    for (String u : List.of("n1", "n2")) lines.add(post(h3, ++id, u, "12:24:00", a));
    // One author alone: neither the cell nor the venue is published.
    lines.add(post(h3, ++id, "e1", "12:41:00", a));
    lines.add(post(h3, ++id, "e1", "13:01:00", a));
    Path input = dir.resolve("posts.jsonl");
    Files.write(input, lines);

    Files.writeString(
        dir.resolve("venues.geojson"),
        """
        {"type":"FeatureCollection","features":[
         {"type":"Feature","properties":{"id":"kuip","name":"De Kuip","kind":"stadium",
          "buffer_m":1500},"geometry":{"type":"Point","coordinates":[%s,%s]}},
         {"type":"Feature","properties":{"id":"centraal","name":"Centraal","kind":"station",
          "buffer_m":300},"geometry":{"type":"Point","coordinates":[%s,%s]}}]}
        """
            .formatted(HandMadeEvent.LON, HandMadeEvent.LAT, CENTRAAL_LON, CENTRAAL_LAT));
    Files.writeString(
        dir.resolve("plan.yaml"),
        """
        name: minimum crowd
        venues: {file: venues.geojson}
        h3_resolution: 9
        window: {size: 10m, slide: 10m, out_of_orderness: 1m, allowed_lateness: 0s}
        tiles: {zoom: [13, 14]}
        privacy: {min_crowd: 3}
        run: {parallelism: 2}
        """);
    EventPlan plan = PlanReader.read(dir.resolve("plan.yaml"));
    var zones = MonitorJob.venueZones(plan);
    VenueIndex index = VenueIndex.of(zones);
    for (long cell : List.of(a, b, c, d)) assertThat(index.venuesOf(cell)).contains("kuip");
    assertThat(index.venuesOf(z)).contains("centraal");
    Path out = dir.resolve("out");

    RunSummary summary = EmbeddedRun.replay(plan, zones, List.of(input.toString()), out, p -> {});

    assertThat(summary.counted()).isEqualTo(lines.size());
    assertThat(summary.moves()).isEqualTo(5);
    assertThat(summary.cellsRolledUp()).isEqualTo(2); // B and C
    assertThat(summary.cellsSuppressed()).isEqualTo(5); // D, Z at 12:10, A at 12:20, 12:40, 13:00

    // Cells: key "cell window" -> "posts/authors" (+ " rolled up").
    Map<String, String> cells = new TreeMap<>();
    for (JsonNode r : MonitorJobTest.jsonLines(out.resolve("density/cells.jsonl"))) {
      cells.put(
          r.get("cell").asText() + " " + r.get("window_start").asText().substring(11, 16),
          r.get("posts").asLong()
              + "/"
              + r.get("authors").asInt()
              + (r.path("rolled_up").asBoolean() ? " rolled up" : ""));
    }
    assertThat(cells)
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                hex(a) + " 12:00", "4/4",
                hex(parent) + " 12:00", "3/3 rolled up",
                hex(a) + " 12:10", "3/3",
                hex(z) + " 12:20", "3/3"));
    JsonNode features = JSON.readTree(out.resolve("density/cells.geojson").toFile());
    assertThat(features.get("features")).hasSize(4);
    for (JsonNode f : features.get("features")) {
      boolean rolledUp = f.at("/properties/cell").asText().equals(hex(parent));
      assertThat(f.at("/properties/rolled_up").asBoolean()).isEqualTo(rolledUp);
    }

    Map<String, Integer> venues = new TreeMap<>();
    for (JsonNode r : MonitorJobTest.jsonLines(out.resolve("density/venues.jsonl"))) {
      venues.put(
          r.get("venue").asText() + " " + r.get("window_start").asText().substring(11, 16),
          r.get("authors").asInt());
    }
    assertThat(venues)
        .containsExactlyInAnyOrderEntriesOf(
            Map.of("kuip 12:00", 8, "kuip 12:10", 3, "centraal 12:20", 3));

    List<JsonNode> flows = MonitorJobTest.jsonLines(out.resolve("flows/flows.jsonl"));
    assertThat(flows).hasSize(1);
    assertThat(flows.get(0).get("origin").asText()).isEqualTo("kuip");
    assertThat(flows.get(0).get("destination").asText()).isEqualTo("centraal");
    assertThat(flows.get(0).get("window_start").asText()).isEqualTo("2026-04-19T12:20:00Z");
    assertThat(flows.get(0).get("authors").asInt()).isEqualTo(3);
    assertThat(Files.readAllLines(out.resolve("flows/flows.csv")))
        .containsExactly("origin,dest,count,time", "kuip,centraal,3,2026-04-19T12:20:00Z");
    JsonNode lineStrings = JSON.readTree(out.resolve("flows/flows.geojson").toFile());
    assertThat(lineStrings.get("features")).hasSize(1);
    assertThat(lineStrings.at("/features/0/geometry/type").asText()).isEqualTo("LineString");

    Map<String, String> zoneFlows = new TreeMap<>();
    for (JsonNode r : MonitorJobTest.jsonLines(out.resolve("flows/zones.jsonl"))) {
      zoneFlows.put(
          r.get("zone").asText() + " " + r.get("window_start").asText().substring(11, 16),
          r.get("inflow") + " in, " + r.get("outflow") + " out");
    }
    assertThat(zoneFlows)
        .containsExactlyInAnyOrderEntriesOf(
            Map.of("kuip 12:20", "null in, 3 out", "centraal 12:20", "3 in, null out"));

    // Tiles are drawn from the published cells: only their windows, only their figures.
    JsonNode manifest = JSON.readTree(out.resolve("tiles/manifest.json").toFile());
    List<String> windows = new ArrayList<>();
    manifest.get("windows").forEach(w -> windows.add(w.get("id").asText()));
    assertThat(windows).containsExactly("20260419T1200Z", "20260419T1210Z", "20260419T1220Z");
    assertThat(manifest.at("/windows/0/cells").asInt()).isEqualTo(2);
    Set<Long> drawn = new HashSet<>();
    try (Stream<Path> files = Files.walk(out.resolve("tiles"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".mvt")).toList()) {
        JtsMvt mvt =
            MvtReader.loadMvt(
                new ByteArrayInputStream(Files.readAllBytes(f)),
                new GeometryFactory(),
                new TagKeyValueMapConverter(false, "id"),
                MvtReader.RING_CLASSIFIER_V2_1);
        for (JtsLayer layer : mvt.getLayers()) {
          for (Geometry g : layer.getGeometries()) {
            @SuppressWarnings("unchecked")
            Map<String, Object> props = (Map<String, Object>) g.getUserData();
            assertThat(((Number) props.get("authors")).intValue()).as("%s", f).isGreaterThan(2);
            drawn.add(Long.parseUnsignedLong(props.get("cell").toString(), 16));
          }
        }
      }
    }
    assertThat(drawn).containsExactlyInAnyOrder(a, parent, z);
  }

  private static String post(H3Core h3, int id, String author, String time, long cell) {
    return HandMadeEvent.post(h3, "p" + id, author, time, cell);
  }

  private static String hex(long cell) {
    return Long.toHexString(cell);
  }
}
