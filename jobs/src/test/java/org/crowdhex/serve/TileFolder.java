package org.crowdhex.serve;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

/** A tile folder as a run writes it, with a secret file beside it that must never be served. */
final class TileFolder {
  static final String WINDOW = "20260419T1415Z";
  static final String SECRET = "SECRET-beside-the-tile-folder-7f3a";

  final Path parent;
  final Path dir;
  final byte[] png;
  final byte[] mvt;
  final byte[] mvtGzipped;
  final byte[] smallPmtiles;
  final byte[] largePmtiles;

  TileFolder(Path parent) throws IOException {
    this.parent = parent;
    this.dir = Files.createDirectories(parent.resolve("tiles"));
    Files.writeString(parent.resolve("secret.txt"), SECRET);
    Files.writeString(parent.resolve("passwd"), SECRET);

    Random random = new Random(7);
    png = new byte[3000];
    random.nextBytes(png);
    System.arraycopy(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'}, 0, png, 0, 8);
    mvt = new byte[700];
    random.nextBytes(mvt);
    mvt[0] = 0x1a; // a layer field, as a vector tile starts
    mvtGzipped = gzip(mvt);
    smallPmtiles = pmtiles(random, 5000);
    // Above the in-memory limit, so that it is streamed from disk.
    largePmtiles = pmtiles(random, (int) TileHandler.IN_MEMORY + 300_000);

    Path window = Files.createDirectories(dir.resolve(WINDOW + "/14/8414"));
    Files.write(window.resolve("5384.png"), png);
    Files.write(window.resolve("5384.mvt"), mvt);
    Files.write(window.resolve("5385.mvt"), mvtGzipped);
    Files.write(window.resolve("5386.png"), new byte[0]);
    Files.writeString(
        dir.resolve(WINDOW + "/tiles.json"),
        "{\"tilejson\":\"3.0.0\",\"tiles\":[\"/tiles/" + WINDOW + "/{z}/{x}/{y}.mvt\"]}");
    Files.write(dir.resolve(WINDOW + ".pmtiles"), smallPmtiles);
    Files.write(dir.resolve(WINDOW + "-r1.pmtiles"), largePmtiles);
    Files.writeString(dir.resolve("venues.geojson"), "{\"type\":\"FeatureCollection\"}");
    writeManifest("{\"windows\":[\"" + WINDOW + "\"]}");
    Files.writeString(dir.resolve(".manifest.json.tmp"), "{}");
  }

  void writeManifest(String json) throws IOException {
    // As the job does it: a new file moved over the old one.
    Path tmp = dir.resolve(".manifest.json.tmp");
    Files.writeString(tmp, json);
    Files.move(
        tmp,
        dir.resolve("manifest.json"),
        StandardCopyOption.REPLACE_EXISTING,
        StandardCopyOption.ATOMIC_MOVE);
  }

  byte[] manifest() {
    try {
      return Files.readAllBytes(dir.resolve("manifest.json"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] pmtiles(Random random, int size) {
    byte[] b = new byte[size];
    random.nextBytes(b);
    byte[] magic = "PMTiles".getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(magic, 0, b, 0, magic.length);
    b[7] = 3;
    return b;
  }

  private static byte[] gzip(byte[] plain) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(plain);
    }
    return out.toByteArray();
  }
}
