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
