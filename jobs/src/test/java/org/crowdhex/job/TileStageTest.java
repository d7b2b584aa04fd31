package org.crowdhex.job;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.uber.h3core.H3Core;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.crowdhex.plan.EventPlan;
import org.crowdhex.plan.PlanReader;
import org.crowdhex.pmtiles.PmtilesReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tile stage on the embedded engine: every window with cells is published with its tiles,
 * TileJSON and archives; a late post makes a new revision beside the old one; and a second run of
 * the same input writes the very same bytes (the idempotence a restart relies on).
 */
class TileStageTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final double LAT = 51.8939, LON = 4.5232;

  @TempDir Path dir;

  @Test
  void publishesEveryWindowWithItsTilesAndRewritesIdenticalBytes() throws Exception {
    H3Core h3 = H3Core.newInstance();
    long a = h3.latLngToCell(LAT, LON, 9);
    long b = h3.gridDisk(a, 1).stream().filter(c -> c != a).findFirst().orElseThrow();
    List<String> lines = new ArrayList<>();
    lines.add(HandMadeEvent.post(h3, "1", "u1", "12:01:00", a));
    lines.add(HandMadeEvent.post(h3, "2", "u2", "12:03:00", a));
    lines.add(HandMadeEvent.post(h3, "3", "u3", "12:04:00", b));
    lines.add(HandMadeEvent.post(h3, "4", "u1", "12:12:00", a)); // closes [12:00,12:10)
    lines.add(HandMadeEvent.post(h3, "5", "u4", "12:08:00", b)); // late within lateness: revision 1
    lines.add(HandMadeEvent.post(h3, "6", "u5", "12:31:00", a));
    Path input = dir.resolve("posts.jsonl");
    Files.write(input, lines);
    HandMadeEvent.writeVenue(dir, 600);
    Files.writeString(
        dir.resolve("plan.yaml"),
        """
        name: tiles
        venues: {file: venues.geojson}
        window: {size: 10m, slide: 10m, out_of_orderness: 1m, allowed_lateness: 5m}
        tiles: {zoom: [13, 15], scale_max: 1000, pmtiles: true}
        privacy: {min_crowd: 1}   # every cell is drawn: this test checks the tile stage
        run: {parallelism: 2}
        """);
    EventPlan plan = PlanReader.read(dir.resolve("plan.yaml"));

    Path first = dir.resolve("first");
    Path second = dir.resolve("second");
    EmbeddedRun.replay(
        plan, MonitorJob.venueZones(plan), List.of(input.toString()), first, p -> {});
    EmbeddedRun.replay(
        plan, MonitorJob.venueZones(plan), List.of(input.toString()), second, p -> {});

    Path tiles = first.resolve("tiles");
    JsonNode manifest = JSON.readTree(tiles.resolve("manifest.json").toFile());
    List<String> ids = new ArrayList<>();
    manifest.get("windows").forEach(w -> ids.add(w.get("id").asText()));
    assertThat(ids)
        .containsExactly("20260419T1200Z", "20260419T1200Z-r1", "20260419T1210Z", "20260419T1230Z");
    assertThat(manifest.get("units").asText()).isEqualTo("distinct authors per km²");
    assertThat(manifest.at("/scale/max").asDouble()).isEqualTo(1000);

    for (JsonNode w : manifest.get("windows")) {
      String id = w.get("id").asText();
      List<Path> files = files(tiles.resolve(id));
      long stored = files.stream().filter(f -> f.toString().matches(".*\\.(png|mvt)")).count();
      assertThat(stored).as(id).isEqualTo(w.get("tiles").asLong()).isPositive();
      assertThat(tiles.resolve(id + "/heat.json")).exists();
      assertThat(
              JSON.readTree(tiles.resolve(id + "/hex.json").toFile())
                  .at("/vector_layers/0/id")
                  .asText())
          .isEqualTo("cells");
      // The archive holds exactly the stored PNG tiles.
      try (PmtilesReader archive = PmtilesReader.open(tiles.resolve(id + "/heat.pmtiles"))) {
        for (Path f : files) {
          if (!f.toString().endsWith(".png")) continue;
          String[] zxy = tiles.resolve(id).relativize(f).toString().replace(".png", "").split("/");
          assertThat(
                  archive.tile(
                      Integer.parseInt(zxy[0]), Integer.parseInt(zxy[1]), Integer.parseInt(zxy[2])))
              .hasValueSatisfying(bytes -> assertThat(bytes).isEqualTo(read(f)));
        }
      }
    }
    // The revision has the late post; the first publication keeps what it showed.
    assertThat(manifest.at("/windows/0/cells").asInt()).isEqualTo(2);
    assertThat(manifest.at("/windows/1/revision").asInt()).isEqualTo(1);

    // A second run writes byte-identical tiles, archives, TileJSON and manifest.
    assertThat(contents(second.resolve("tiles"))).isEqualTo(contents(tiles));
  }

  @Test
  void drawsTheDetectorsScoresAndOpenAlertsIntoTheTilesOfTheirWindow() throws Exception {
    H3Core h3 = H3Core.newInstance();
    long a = h3.latLngToCell(LAT, LON, 9);
    long b = h3.gridRing(a, 1).get(0);
    List<String> lines = new ArrayList<>();
    // [12:00,12:10): a crowd of 12 in cell a against 0.5 expected opens a critical alert at once.
    for (int i = 1; i <= 12; i++) {
      lines.add(HandMadeEvent.post(h3, "a" + i, "u" + i, "12:0" + (i % 9) + ":00", a));
    }
    lines.add(HandMadeEvent.post(h3, "b1", "v1", "12:05:00", b));
    // [12:10,12:20): nobody at the venue; the alert stays open (one quiet window of two).
    // [12:20,12:30): one author; the second quiet window closes the alert.
    lines.add(HandMadeEvent.post(h3, "c1", "w1", "12:24:00", b));
    lines.add(HandMadeEvent.post(h3, "c2", "w2", "12:41:00", b));
    Path input = dir.resolve("posts.jsonl");
    Files.write(input, lines);
    HandMadeEvent.writeVenue(dir, 600);
    FlatBaseline.write(
        dir.resolve("baseline.json"), 9, java.time.Duration.ofMinutes(10), "UTC", 0.5);
    Files.writeString(
        dir.resolve("plan.yaml"),
        """
        name: alerts on tiles
        venues: {file: venues.geojson}
        window: {size: 10m, slide: 10m, out_of_orderness: 1m, allowed_lateness: 5m}
        tiles: {zoom: [14, 15], scale_max: 1000}
        detection: {baseline: baseline.json, threshold: 10, critical: 20, windows: 1, close_after: 2}
        privacy: {min_crowd: 1}
        run: {parallelism: 2}
        """);
    EventPlan plan = PlanReader.read(dir.resolve("plan.yaml"));
    Path first = dir.resolve("first");
    Path second = dir.resolve("second");
    EmbeddedRun.replay(
        plan, MonitorJob.venueZones(plan), List.of(input.toString()), first, p -> {});
    EmbeddedRun.replay(
        plan, MonitorJob.venueZones(plan), List.of(input.toString()), second, p -> {});

    String id = "kuip-20260419T1200Z";
    Path tiles = first.resolve("tiles");
    JsonNode manifest = JSON.readTree(tiles.resolve("manifest.json").toFile());
    Map<String, JsonNode> windows = new TreeMap<>();
    manifest.get("windows").forEach(w -> windows.put(w.get("id").asText(), w));
    assertThat(windows)
        .as("the quiet window is published for its open alert")
        .containsOnlyKeys("20260419T1200Z", "20260419T1210Z", "20260419T1220Z", "20260419T1240Z");
    assertThat(windows.get("20260419T1200Z").get("alerts").asText())
        .isEqualTo("20260419T1200Z/alerts.geojson");
    assertThat(windows.get("20260419T1200Z").get("open_alerts").asInt()).isEqualTo(1);
    assertThat(windows.get("20260419T1210Z").get("open_alerts").asInt()).isEqualTo(1);
    assertThat(windows.get("20260419T1210Z").get("cells").asInt()).isZero();
    assertThat(windows.get("20260419T1220Z").get("open_alerts").asInt()).isZero();

    JsonNode open = JSON.readTree(tiles.resolve("20260419T1200Z/alerts.geojson").toFile());
    assertThat(open.get("features")).hasSize(1);
    JsonNode alert = open.at("/features/0/properties");
    assertThat(alert.get("id").asText()).isEqualTo(id);
    assertThat(alert.get("venue").asText()).isEqualTo("kuip");
    assertThat(alert.get("severity").asText()).isEqualTo("critical");
    assertThat(alert.get("since").asText()).isEqualTo("2026-04-19T12:00:00Z");
    assertThat(alert.get("observed").asInt()).isEqualTo(12);
    assertThat(alert.get("cells")).extracting(JsonNode::asText).contains(Long.toHexString(a));
    assertThat(
            JSON.readTree(tiles.resolve("20260419T1210Z/alerts.geojson").toFile()).get("features"))
        .hasSize(1);
    assertThat(
            JSON.readTree(tiles.resolve("20260419T1220Z/alerts.geojson").toFile()).get("features"))
        .isEmpty();
    assertThat(
            JSON.readTree(tiles.resolve("20260419T1200Z/hex.json").toFile())
                .at("/window/alerts")
                .asText())
        .isEqualTo("alerts.geojson");

    // The hex tile over the crowd: a carries its score and the alert, b a score and no alert.
    io.github.sebasbaumh.mapbox.vectortile.VectorTile.Tile.Layer layer =
        io.github.sebasbaumh.mapbox.vectortile.VectorTile.Tile.parseFrom(
                read(tiles.resolve("20260419T1200Z/15/" + tileOf(h3, a, 15) + ".mvt")))
            .getLayers(0);
    Map<Long, Map<String, Object>> features = new TreeMap<>();
    for (var f : layer.getFeaturesList()) {
      Map<String, Object> props = new TreeMap<>();
      for (int i = 0; i < f.getTagsCount(); i += 2) {
        var v = layer.getValues(f.getTags(i + 1));
        props.put(
            layer.getKeys(f.getTags(i)),
            v.hasStringValue() ? v.getStringValue() : v.getDoubleValue());
      }
      features.put(f.getId(), props);
    }
    assertThat(features).containsKeys(a, b);
    assertThat((Double) features.get(a).get("score")).isGreaterThan(20);
    assertThat(features.get(a)).containsEntry("alert", id);
    assertThat(features.get(b)).containsKey("score").doesNotContainKey("alert");
    // After the alert closed, cells carry no alert.
    Path later = tiles.resolve("20260419T1220Z/15/" + tileOf(h3, b, 15) + ".mvt");
    assertThat(
            io.github.sebasbaumh.mapbox.vectortile.VectorTile.Tile.parseFrom(read(later))
                .getLayers(0)
                .getKeysList())
        .doesNotContain("alert");

    // Detection and tiles together still write the very same bytes in a second run.
    assertThat(contents(second.resolve("tiles"))).isEqualTo(contents(tiles));
  }

  /** The x/y of the tile at zoom z that holds the cell's centre. */
  private static String tileOf(H3Core h3, long cell, int z) {
    var c = h3.cellToLatLng(cell);
    double n = 1 << z;
    int x = (int) Math.floor((c.lng + 180) / 360 * n);
    double r = Math.toRadians(c.lat);
    int y = (int) Math.floor((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2 * n);
    return x + "/" + y;
  }

  private static List<Path> files(Path root) throws IOException {
    try (Stream<Path> s = Files.walk(root)) {
      return s.filter(Files::isRegularFile).sorted().toList();
    }
  }

  private static Map<String, String> contents(Path root) throws IOException {
    Map<String, String> out = new TreeMap<>();
    for (Path f : files(root)) {
      out.put(root.relativize(f).toString(), java.util.HexFormat.of().formatHex(sha256(read(f))));
    }
    return out;
  }

  private static byte[] read(Path f) {
    try {
      return Files.readAllBytes(f);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static byte[] sha256(byte[] b) {
    try {
      return java.security.MessageDigest.getInstance("SHA-256").digest(b);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
