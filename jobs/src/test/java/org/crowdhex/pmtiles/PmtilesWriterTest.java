package org.crowdhex.pmtiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PmtilesWriterTest {

  @Test
  void roundTripsTilesAndMetadata() throws IOException {
    Map<TileIds.Zxy, byte[]> tiles = pyramid(new Random(1), 12, 14);
    PmtilesWriter writer = PmtilesWriter.forVectorTiles();
    tiles.forEach((t, b) -> writer.addTile(t.z(), t.x(), t.y(), b));
    String metadata = "{\"name\":\"crowd ✓\",\"vector_layers\":[{\"id\":\"cells\",\"fields\":{}}]}";
    writer.metadata(metadata);

    try (PmtilesReader reader = PmtilesReader.of(writer.toBytes())) {
      assertThat(reader.metadata()).isEqualTo(metadata);
      for (Map.Entry<TileIds.Zxy, byte[]> t : tiles.entrySet()) {
        TileIds.Zxy k = t.getKey();
        assertThat(reader.tile(k.z(), k.x(), k.y())).as("%s", k).contains(t.getValue());
      }
      // Absent tiles: a hole in a covered zoom, a zoom below and a zoom above the range.
      assertThat(reader.tile(13, 0, 0)).isEmpty();
      assertThat(reader.tile(11, 0, 0)).isEmpty();
      assertThat(reader.tile(15, 0, 0)).isEmpty();
    }
  }

  @Test
  void writesTheHeaderFieldsAtTheirSpecOffsets() throws IOException {
    PmtilesWriter writer = PmtilesWriter.forPng();
    writer.addTile(10, 524, 336, png(1, 100));
    writer.addTile(11, 1048, 673, png(2, 200));
    writer.addTile(11, 1049, 673, png(2, 200));
    writer.bounds(4.40, 51.85, 4.60, 51.95).center(4.523, 51.894, 11);

    byte[] archive = writer.toBytes();

    ByteBuffer raw = ByteBuffer.wrap(archive).order(ByteOrder.LITTLE_ENDIAN);
    assertThat(new String(archive, 0, 7, StandardCharsets.US_ASCII)).isEqualTo("PMTiles");
    assertThat(archive[7]).isEqualTo((byte) 3);
    assertThat(raw.getLong(8)).as("root offset").isEqualTo(127);
    assertThat(archive[96]).as("clustered").isEqualTo((byte) 1);
    assertThat(archive[97]).as("internal compression gzip").isEqualTo((byte) 2);
    assertThat(archive[98]).as("tile compression none").isEqualTo((byte) 1);
    assertThat(archive[99]).as("tile type png").isEqualTo((byte) 2);
    assertThat(archive[100]).as("min zoom").isEqualTo((byte) 10);
    assertThat(archive[101]).as("max zoom").isEqualTo((byte) 11);
    assertThat(raw.getInt(102)).as("min lon e7").isEqualTo(44_000_000);
    assertThat(raw.getInt(106)).as("min lat e7").isEqualTo(518_500_000);
    assertThat(raw.getInt(110)).as("max lon e7").isEqualTo(46_000_000);
    assertThat(raw.getInt(114)).as("max lat e7").isEqualTo(519_500_000);
    assertThat(archive[118]).as("center zoom").isEqualTo((byte) 11);
    assertThat(raw.getInt(119)).as("center lon e7").isEqualTo(45_230_000);
    assertThat(raw.getInt(123)).as("center lat e7").isEqualTo(518_940_000);

    PmtilesHeader h = PmtilesReader.of(archive).header();
    assertThat(h.addressedTiles()).isEqualTo(3);
    assertThat(h.tileContents()).as("two equal tiles stored once").isEqualTo(2);
    assertThat(h.rootDirectoryOffset() + h.rootDirectoryLength()).isEqualTo(h.metadataOffset());
    assertThat(h.metadataOffset() + h.metadataLength()).isEqualTo(h.leafDirectoriesOffset());
    assertThat(h.leafDirectoriesLength()).isZero();
    assertThat(h.leafDirectoriesOffset()).isEqualTo(h.tileDataOffset());
    assertThat(h.tileDataOffset() + h.tileDataLength()).isEqualTo(archive.length);
    assertThat(h.tileDataLength()).isEqualTo(100 + 200);
    assertThat(PmtilesHeader.parse(h.toBytes())).isEqualTo(h);
    assertThat(h.toBytes()).isEqualTo(Arrays.copyOf(archive, 127));
  }

  @Test
  void derivesZoomsBoundsAndCentreFromTheTilesByDefault() throws IOException {
    PmtilesWriter writer = new PmtilesWriter(TileType.MVT, Compression.NONE);
    writer.addTile(1, 0, 0, bytes(1, 10));
    writer.addTile(2, 1, 1, bytes(2, 10));

    PmtilesHeader h = PmtilesReader.of(writer.toBytes()).header();

    assertThat(h.minZoom()).isEqualTo(1);
    assertThat(h.maxZoom()).isEqualTo(2);
    assertThat(h.minLon()).isEqualTo(-180.0);
    assertThat(h.maxLon()).isEqualTo(0.0);
    assertThat(h.maxLat()).isEqualTo(85.0511288);
    assertThat(h.minLat()).isEqualTo(0.0);
    assertThat(h.centerZoom()).isEqualTo(1);
    assertThat(h.centerLon()).isEqualTo(-90.0);
  }

  @Test
  void storesIdenticalTilesOnceAndRunsOfThemAsOneEntry() throws IOException {
    byte[] sea = bytes(7, 50);
    PmtilesWriter writer = PmtilesWriter.forVectorTiles();
    // Tile ids 5..9 are z2's first five tiles along the curve; 11 and 13 come later.
    List<TileIds.Zxy> run = new ArrayList<>();
    for (long id = 5; id <= 9; id++) {
      run.add(TileIds.tileIdToZxy(id));
    }
    run.forEach(t -> writer.addTile(t.z(), t.x(), t.y(), sea));
    TileIds.Zxy land = TileIds.tileIdToZxy(11);
    TileIds.Zxy seaAgain = TileIds.tileIdToZxy(13);
    writer.addTile(land.z(), land.x(), land.y(), bytes(8, 50));
    writer.addTile(seaAgain.z(), seaAgain.x(), seaAgain.y(), sea);

    try (PmtilesReader reader = PmtilesReader.of(writer.toBytes())) {
      List<DirectoryEntry> entries = reader.tileEntries();
      assertThat(entries).hasSize(3);
      assertThat(entries.get(0).tileId()).isEqualTo(5);
      assertThat(entries.get(0).runLength()).isEqualTo(5);
      assertThat(entries.get(1).tileId()).isEqualTo(11);
      assertThat(entries.get(2).tileId()).isEqualTo(13);
      assertThat(entries.get(2).offset()).as("points back to the first copy").isZero();
      assertThat(reader.header().tileContents()).isEqualTo(2);
      assertThat(reader.header().tileEntries()).isEqualTo(3);
      assertThat(reader.header().addressedTiles()).isEqualTo(7);
      for (TileIds.Zxy t : run) {
        assertThat(reader.tile(t.z(), t.x(), t.y())).contains(sea);
      }
      assertThat(reader.tile(seaAgain.z(), seaAgain.x(), seaAgain.y())).contains(sea);
      assertThat(reader.tile(2, 0, 0)).contains(sea);
      TileIds.Zxy hole = TileIds.tileIdToZxy(10);
      assertThat(reader.tile(hole.z(), hole.x(), hole.y())).isEmpty();
    }
  }

  @Test
  void sameTilesGiveTheSameBytesInAnyOrder() {
    Map<TileIds.Zxy, byte[]> tiles = pyramid(new Random(2), 10, 13);
    List<TileIds.Zxy> order = new ArrayList<>(tiles.keySet());
    ObjectNode metadata = new ObjectMapper().createObjectNode().put("name", "window");

    PmtilesWriter first = PmtilesWriter.forVectorTiles().metadata(metadata);
    order.forEach(t -> first.addTile(t.z(), t.x(), t.y(), tiles.get(t)));
    Collections.shuffle(order, new Random(3));
    PmtilesWriter second = PmtilesWriter.forVectorTiles().metadata(metadata);
    order.forEach(t -> second.addTile(t.z(), t.x(), t.y(), tiles.get(t)));

    assertThat(second.toBytes()).isEqualTo(first.toBytes());
  }

  @Test
  void movesEntriesIntoLeafDirectoriesWhenTheRootWouldNotFit(@TempDir Path dir) throws IOException {
    Random random = new Random(4);
    Map<TileIds.Zxy, byte[]> tiles = new LinkedHashMap<>();
    // 20,000 tiles of zoom 14 at random gaps along the curve, with contents of random length:
    // a directory that gzip cannot squeeze under 16 KiB.
    long id = TileIds.zoomStart(14);
    while (tiles.size() < 20_000) {
      id += 1 + random.nextInt(3);
      tiles.put(TileIds.tileIdToZxy(id), bytes(tiles.size(), 1 + random.nextInt(300)));
    }
    PmtilesWriter writer = PmtilesWriter.forPng();
    tiles.forEach((t, b) -> writer.addTile(t.z(), t.x(), t.y(), b));
    Path file = dir.resolve("large.pmtiles");
    try (OutputStream out = Files.newOutputStream(file)) {
      writer.writeTo(out);
    }

    try (PmtilesReader reader = PmtilesReader.open(file)) {
      PmtilesHeader h = reader.header();
      assertThat(h.leafDirectoriesLength()).isPositive();
      assertThat(h.rootDirectoryOffset() + h.rootDirectoryLength()).isLessThanOrEqualTo(16_384);
      assertThat(h.addressedTiles()).isEqualTo(20_000);
      assertThat(reader.tileEntries()).hasSize(20_000);
      for (Map.Entry<TileIds.Zxy, byte[]> t : tiles.entrySet()) {
        TileIds.Zxy k = t.getKey();
        assertThat(reader.tile(k.z(), k.x(), k.y())).as("%s", k).contains(t.getValue());
      }
      // A gap between two stored tiles.
      long missing = TileIds.zoomStart(14);
      while (tiles.containsKey(TileIds.tileIdToZxy(missing))) {
        missing++;
      }
      TileIds.Zxy gap = TileIds.tileIdToZxy(missing);
      assertThat(reader.tile(gap.z(), gap.x(), gap.y())).isEmpty();
    }
    // Clustered: every blob either follows the previous one or repeats an earlier one.
    try (PmtilesReader reader = PmtilesReader.open(file)) {
      long end = 0;
      for (DirectoryEntry e : reader.tileEntries()) {
        assertThat(e.offset()).isLessThanOrEqualTo(end);
        end = Math.max(end, e.offset() + e.length());
      }
      assertThat(end).isEqualTo(reader.header().tileDataLength());
    }
  }

  @Test
  void refusesWhatTheSpecForbids() {
    PmtilesWriter writer = PmtilesWriter.forPng();
    assertThatThrownBy(writer::toBytes)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("at least one tile");
    assertThatThrownBy(() -> writer.addTile(3, 0, 0, new byte[0]))
        .isInstanceOf(IllegalArgumentException.class);
    writer.addTile(3, 0, 0, bytes(1, 5));
    assertThatThrownBy(() -> writer.addTile(3, 0, 0, bytes(1, 5)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("twice");
    assertThatThrownBy(() -> writer.metadata("[1, 2]"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> writer.metadata("{\"a\":"))
        .isInstanceOf(IllegalArgumentException.class);
    writer.zooms(4, 6);
    assertThatThrownBy(writer::toBytes).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> new PmtilesWriter(TileType.MVT, Compression.BROTLI))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void readerRejectsWhatIsNotAnArchive() {
    byte[] notAnArchive = new byte[200];
    assertThatThrownBy(() -> PmtilesReader.of(notAnArchive)).isInstanceOf(IOException.class);
    byte[] truncated =
        Arrays.copyOf(PmtilesWriter.forPng().addTile(0, 0, 0, bytes(1, 9)).toBytes(), 130);
    assertThatThrownBy(() -> PmtilesReader.of(truncated)).isInstanceOf(IOException.class);
  }

  // --- helpers -----------------------------------------------------------------------------

  /** Tiles over a small area from zoom lo to hi, some of them with equal contents. */
  private static Map<TileIds.Zxy, byte[]> pyramid(Random random, int lo, int hi) {
    Map<TileIds.Zxy, byte[]> tiles = new LinkedHashMap<>();
    for (int z = lo; z <= hi; z++) {
      int x0 = (int) (0.5126 * (1 << z));
      int y0 = (int) (0.3317 * (1 << z));
      for (int x = x0; x < x0 + 4; x++) {
        for (int y = y0; y < y0 + 4; y++) {
          int seed = random.nextInt(6) == 0 ? -1 : random.nextInt();
          tiles.put(new TileIds.Zxy(z, x, y), bytes(seed, 20 + random.nextInt(400)));
        }
      }
    }
    return tiles;
  }

  private static byte[] bytes(int seed, int length) {
    byte[] b = new byte[length];
    new Random(seed).nextBytes(b);
    return b;
  }

  private static byte[] png(int seed, int length) {
    byte[] b = bytes(seed, length);
    byte[] signature = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    System.arraycopy(signature, 0, b, 0, signature.length);
    return b;
  }
}
