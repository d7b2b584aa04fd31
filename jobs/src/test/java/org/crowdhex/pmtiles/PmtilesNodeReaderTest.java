package org.crowdhex.pmtiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.uber.h3core.H3Core;
import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.crowdhex.tile.TileCoord;
import org.crowdhex.vectortile.HexFeature;
import org.crowdhex.vectortile.HexTileEncoder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reads archives written by {@link PmtilesWriter} with the reference JavaScript reader (the {@code
 * pmtiles} npm package, pinned in {@code pmtiles-reader/package.json}) under Node, and checks that
 * it sees the same header, metadata and tiles.
 *
 * <p>Needs {@code node} and {@code npm} on the PATH and the npm registry for the first {@code npm
 * ci}; the packages are installed next to the test classes, never in the source tree. Without Node
 * the test fails rather than skips: the check is only worth something if it runs.
 */
class PmtilesNodeReaderTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String[] READER_FILES = {
    "package.json", "package-lock.json", "read-archive.mjs"
  };

  private static Path readerDir;
  private static Path node;

  @BeforeAll
  static void installReader() throws IOException, InterruptedException, URISyntaxException {
    node = executable("node");
    Path npm = executable("npm");
    URL packageJson = PmtilesNodeReaderTest.class.getResource("/pmtiles-reader/package.json");
    assertThat(packageJson).as("pmtiles-reader test resources").isNotNull();
    Path resources = Path.of(packageJson.toURI()).getParent();
    // <build dir>/test-classes/pmtiles-reader -> <build dir>/pmtiles-reader
    readerDir = resources.getParent().getParent().resolve("pmtiles-reader");
    Files.createDirectories(readerDir);
    for (String name : READER_FILES) {
      Files.copy(
          resources.resolve(name), readerDir.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }
    // Reinstall only when the lock file changed since the last install.
    Path stamp = readerDir.resolve("node_modules/.installed-lock.json");
    byte[] lock = Files.readAllBytes(readerDir.resolve("package-lock.json"));
    if (!Files.exists(stamp) || !Arrays.equals(Files.readAllBytes(stamp), lock)) {
      run(
          List.of(
              npm.toString(),
              "ci",
              "--no-audit",
              "--no-fund",
              "--ignore-scripts",
              "--loglevel=error"),
          readerDir,
          300);
      Files.write(stamp, lock);
    }
  }

  @Test
  void nodeReadsVectorTilesAndMetadataAsWritten(@TempDir Path dir) throws Exception {
    H3Core h3 = H3Core.newInstance();
    HexTileEncoder encoder = new HexTileEncoder(h3);
    List<HexFeature> cells = new ArrayList<>();
    Random random = new Random(1);
    for (long cell : h3.gridDisk(h3.latLngToCell(51.894, 4.523, 10), 6)) {
      int authors = 1 + random.nextInt(30);
      cells.add(new HexFeature(cell, authors + random.nextInt(50), authors, authors / 0.0151));
    }
    Map<List<Integer>, byte[]> tiles = new LinkedHashMap<>();
    for (int z = 14; z <= 16; z++) {
      int n = 1 << z;
      int cx = (int) ((4.523 + 180) / 360 * n);
      double lat = Math.toRadians(51.894);
      int cy = (int) ((1 - Math.log(Math.tan(lat) + 1 / Math.cos(lat)) / Math.PI) / 2 * n);
      for (int x = cx - 1; x <= cx + 1; x++) {
        for (int y = cy - 1; y <= cy + 1; y++) {
          byte[] mvt = encoder.encode(new TileCoord(z, x, y), cells);
          if (mvt.length > 0) {
            tiles.put(List.of(z, x, y), mvt);
          }
        }
      }
    }
    assertThat(tiles).hasSizeGreaterThan(5);
    ObjectNode metadata = JSON.createObjectNode();
    metadata.put("name", "crowdhex cells");
    metadata.put("description", "Rotterdam, 19:00–19:15 — ünïcode");
    metadata.put("windowStart", "2026-04-19T19:00:00Z");
    ArrayNode layers = metadata.putArray("vector_layers");
    layers.add(HexTileEncoder.vectorLayer(14, 16));
    PmtilesWriter writer = PmtilesWriter.forVectorTiles().metadata(metadata);
    tiles.forEach((k, b) -> writer.addTile(k.get(0), k.get(1), k.get(2), b));
    writer.center(4.523, 51.894, 15);

    JsonNode seen = readWithNode(dir, writer.toBytes(), requests(tiles, List.of(15, 0, 0)));

    JsonNode header = seen.get("header");
    assertThat(header.get("specVersion").asInt()).isEqualTo(3);
    assertThat(header.get("tileType").asInt()).isEqualTo(1);
    assertThat(header.get("tileCompression").asInt()).isEqualTo(2);
    assertThat(header.get("internalCompression").asInt()).isEqualTo(2);
    assertThat(header.get("clustered").asBoolean()).isTrue();
    assertThat(header.get("minZoom").asInt()).isEqualTo(14);
    assertThat(header.get("maxZoom").asInt()).isEqualTo(16);
    assertThat(header.get("centerZoom").asInt()).isEqualTo(15);
    assertThat(header.get("centerLon").asDouble()).isEqualTo(4.523);
    assertThat(header.get("centerLat").asDouble()).isEqualTo(51.894);
    assertThat(header.get("numAddressedTiles").asLong()).isEqualTo(tiles.size());
    assertThat(seen.get("metadata")).isEqualTo(metadata);
    assertTiles(seen, tiles);
  }

  @Test
  void nodeReadsPngTilesAndLeafDirectories(@TempDir Path dir) throws Exception {
    Random random = new Random(2);
    Map<List<Integer>, byte[]> tiles = new LinkedHashMap<>();
    long id = TileIds.zoomStart(13);
    while (tiles.size() < 20_000) {
      id += 1 + random.nextInt(3);
      TileIds.Zxy t = TileIds.tileIdToZxy(id);
      // PNG-like contents: the signature, then noise; every tenth tile repeats a shared blank.
      byte[] png =
          random.nextInt(10) == 0
              ? pngLike(0, 64)
              : pngLike(tiles.size() + 1, 40 + random.nextInt(200));
      tiles.put(List.of(t.z(), t.x(), t.y()), png);
    }
    PmtilesWriter writer =
        PmtilesWriter.forPng().metadata("{\"name\":\"heat\",\"type\":\"overlay\"}");
    tiles.forEach((k, b) -> writer.addTile(k.get(0), k.get(1), k.get(2), b));
    byte[] archive = writer.toBytes();
    assertThat(PmtilesReader.of(archive).header().leafDirectoriesLength())
        .as("the archive needs leaf directories")
        .isPositive();
    // Every 40th tile keeps the output small while touching every leaf directory.
    Map<List<Integer>, byte[]> sample = new LinkedHashMap<>();
    int i = 0;
    for (Map.Entry<List<Integer>, byte[]> t : tiles.entrySet()) {
      if (i++ % 40 == 0) {
        sample.put(t.getKey(), t.getValue());
      }
    }

    JsonNode seen = readWithNode(dir, archive, requests(sample, List.of(13, 0, 8191)));

    JsonNode header = seen.get("header");
    assertThat(header.get("tileType").asInt()).isEqualTo(2);
    assertThat(header.get("tileCompression").asInt()).isEqualTo(1);
    assertThat(header.get("numAddressedTiles").asLong()).isEqualTo(20_000);
    assertThat(header.get("leafDirectoryLength").asLong()).isPositive();
    assertThat(seen.get("metadata"))
        .isEqualTo(JSON.readTree("{\"name\":\"heat\",\"type\":\"overlay\"}"));
    assertTiles(seen, sample);
  }

  // --- helpers -----------------------------------------------------------------------------

  /** The tiles to ask for: all given ones plus one that is not in the archive. */
  @Test
  void nodeReadsTheArchivesTheJobWrites(@TempDir Path dir) throws Exception {
    H3Core h3 = H3Core.newInstance();
    long cell = h3.latLngToCell(51.8939, 4.5232, 10);
    List<String> lines = new ArrayList<>();
    int i = 0;
    for (long c : h3.gridDisk(cell, 2)) {
      var centre = h3.cellToLatLng(c);
      for (int k = 0; k <= i % 4; k++) {
        lines.add(
            String.format(
                java.util.Locale.ROOT,
                "{\"id\":\"p%d-%d\",\"author\":\"u%d\",\"time\":\"2026-04-19T12:%02d:00Z\","
                    + "\"lat\":%.7f,\"lon\":%.7f}",
                i,
                k,
                i * 10 + k,
                1 + k,
                centre.lat,
                centre.lng));
      }
      i++;
    }
    Files.write(dir.resolve("posts.jsonl"), lines);
    Files.writeString(
        dir.resolve("venues.geojson"),
        "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\","
            + "\"properties\":{\"id\":\"kuip\",\"name\":\"De Kuip\",\"kind\":\"stadium\","
            + "\"buffer_m\":500},\"geometry\":{\"type\":\"Point\",\"coordinates\":[4.5232,51.8939]}}]}");
    Files.writeString(
        dir.resolve("plan.yaml"),
        "name: archives\nvenues: {file: venues.geojson}\nh3_resolution: 10\n"
            + "window: {size: 10m, slide: 10m}\ntiles: {zoom: [14, 16], pmtiles: true}\n"
            + "privacy: {min_crowd: 1}\n"); // every cell drawn: this test reads the archives
    org.crowdhex.plan.EventPlan plan = org.crowdhex.plan.PlanReader.read(dir.resolve("plan.yaml"));
    Path out = dir.resolve("out");
    org.crowdhex.job.EmbeddedRun.replay(
        plan,
        org.crowdhex.job.MonitorJob.venueZones(plan),
        List.of(dir.resolve("posts.jsonl").toString()),
        out,
        p -> {});

    Path window = out.resolve("tiles/20260419T1200Z");
    for (String layer : List.of("heat", "hex")) {
      String ext = layer.equals("heat") ? ".png" : ".mvt";
      Map<List<Integer>, byte[]> stored = new LinkedHashMap<>();
      try (var files = Files.walk(window)) {
        for (Path f : files.filter(f -> f.toString().endsWith(ext)).sorted().toList()) {
          Path rel = window.relativize(f);
          stored.put(
              List.of(
                  Integer.parseInt(rel.getName(0).toString()),
                  Integer.parseInt(rel.getName(1).toString()),
                  Integer.parseInt(rel.getFileName().toString().replace(ext, ""))),
              Files.readAllBytes(f));
        }
      }
      assertThat(stored).as(layer).isNotEmpty();
      Path sub = Files.createDirectories(dir.resolve("read-" + layer));
      JsonNode seen =
          readWithNode(
              sub,
              Files.readAllBytes(window.resolve(layer + ".pmtiles")),
              requests(stored, List.of(14, 0, 0)));
      assertTiles(seen, stored);
      // JavaScript writes 5000.0 as 5000: compare numbers by value.
      JsonNode tileJson = JSON.readTree(window.resolve(layer + ".json").toFile());
      java.util.Comparator<JsonNode> byValue =
          (a, b) ->
              a.isNumber() && b.isNumber()
                  ? Double.compare(a.asDouble(), b.asDouble())
                  : a.equals(b) ? 0 : 1;
      assertThat(seen.get("metadata").equals(byValue, tileJson))
          .as("metadata %s equals %s", seen.get("metadata"), tileJson)
          .isTrue();
    }
  }

  private static List<List<Integer>> requests(
      Map<List<Integer>, byte[]> tiles, List<Integer> absent) {
    assertThat(tiles).doesNotContainKey(absent);
    List<List<Integer>> requests = new ArrayList<>(tiles.keySet());
    requests.add(absent);
    return requests;
  }

  private static void assertTiles(JsonNode seen, Map<List<Integer>, byte[]> expected) {
    int found = 0;
    for (JsonNode t : seen.get("tiles")) {
      List<Integer> key = List.of(t.get("z").asInt(), t.get("x").asInt(), t.get("y").asInt());
      long javaId = TileIds.zxyToTileId(key.get(0), key.get(1), key.get(2));
      assertThat(t.get("tileId").asLong()).as("tile id of %s", key).isEqualTo(javaId);
      byte[] want = expected.get(key);
      if (want == null) {
        assertThat(t.get("data").isNull()).as("absent tile %s", key).isTrue();
      } else {
        assertThat(Base64.getDecoder().decode(t.get("data").asText()))
            .as("tile %s", key)
            .isEqualTo(want);
        found++;
      }
    }
    assertThat(found).isEqualTo(expected.size());
  }

  private static JsonNode readWithNode(Path dir, byte[] archive, List<List<Integer>> requests)
      throws IOException, InterruptedException {
    Path file = dir.resolve("archive.pmtiles");
    Path requestFile = dir.resolve("requests.json");
    Path output = dir.resolve("seen.json");
    Files.write(file, archive);
    JSON.writeValue(requestFile.toFile(), requests);
    run(
        List.of(
            node.toString(),
            readerDir.resolve("read-archive.mjs").toString(),
            file.toString(),
            requestFile.toString(),
            output.toString()),
        readerDir,
        120);
    return JSON.readTree(output.toFile());
  }

  private static void run(List<String> command, Path workDir, int timeoutSeconds)
      throws IOException, InterruptedException {
    Path log = Files.createTempFile("pmtiles-reader", ".log");
    try {
      Process p =
          new ProcessBuilder(command)
              .directory(workDir.toFile())
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
      if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        fail("timed out after %d s: %s%n%s", timeoutSeconds, command, read(log));
      }
      if (p.exitValue() != 0) {
        fail("exit %d: %s%n%s", p.exitValue(), command, read(log));
      }
    } finally {
      Files.deleteIfExists(log);
    }
  }

  private static String read(Path log) throws IOException {
    return Files.readString(log, StandardCharsets.UTF_8);
  }

  /** A program on the PATH, or a failure that says how to get it. */
  private static Path executable(String name) {
    boolean windows = System.getProperty("os.name").toLowerCase().startsWith("windows");
    List<String> candidates = windows ? List.of(name + ".exe", name + ".cmd") : List.of(name);
    String path = Optional.ofNullable(System.getenv("PATH")).orElse("");
    for (String entry : path.split(File.pathSeparator)) {
      for (String candidate : candidates) {
        Path p = Path.of(entry).resolve(candidate);
        if (Files.isRegularFile(p) && Files.isExecutable(p)) {
          return p;
        }
      }
    }
    String where =
        "true".equals(System.getenv("CI"))
            ? "CI must install Node.js 20 or later with npm before the build"
            : "install Node.js 20 or later with npm";
    return fail(
        "'%s' is not on the PATH: this test checks PMTiles archives with the reference JavaScript"
            + " reader; %s",
        name, where);
  }

  private static byte[] pngLike(int seed, int length) {
    byte[] b = new byte[length];
    new Random(seed).nextBytes(b);
    byte[] signature = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    System.arraycopy(signature, 0, b, 0, signature.length);
    return b;
  }
}
