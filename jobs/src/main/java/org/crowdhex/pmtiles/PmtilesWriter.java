package org.crowdhex.pmtiles;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Builds one PMTiles v3 archive in memory from tiles added in any order, then writes it in one go.
 *
 * <p>The archive is laid out header, root directory, JSON metadata, leaf directories, tile data.
 * Tile data is ordered by Hilbert tile id ("clustered"), identical tile contents are stored once,
 * and runs of consecutive tile ids with identical content share one directory entry. Directories
 * and metadata are gzip-compressed (internal compression gzip, what every reader supports). When
 * the compressed root directory would not fit in the first 16 KiB of the archive, the entries move
 * into one level of leaf directories (4,096 entries each to start with, more if the root of leaf
 * pointers still does not fit), which the root then points to.
 *
 * <p>Tiles are given uncompressed; the writer applies the tile compression chosen at construction.
 * For vector tiles use {@link #forVectorTiles()} (gzip: protobuf compresses well and map clients
 * inflate it themselves); for PNG use {@link #forPng()} (no compression: PNG is already deflated
 * inside).
 *
 * <p>The same tiles, metadata and settings always give the same bytes, whatever the order the tiles
 * were added in, so archives can be rewritten idempotently.
 *
 * <p>Specification: <a
 * href="https://github.com/protomaps/PMTiles/blob/main/spec/v3/spec.md">PMTiles Version 3</a>. Not
 * thread-safe.
 */
public final class PmtilesWriter {
  /** The most bytes the compressed root directory may take: 16 KiB less the header (spec 4). */
  static final int MAX_ROOT_LENGTH = 16_384 - PmtilesHeader.LENGTH;

  /** Entries per leaf directory to start from; grown until the root fits. */
  static final int MIN_LEAF_ENTRIES = 4096;

  private static final ObjectMapper JSON = new ObjectMapper();

  private final TileType tileType;
  private final Compression tileCompression;
  private final TreeMap<Long, byte[]> tiles = new TreeMap<>();
  private byte[] metadata = "{}".getBytes(StandardCharsets.UTF_8);
  private double[] bounds;
  private double[] center;
  private int centerZoom = -1;
  private int minZoom = -1;
  private int maxZoom = -1;

  /**
   * @param tileType what the tiles are
   * @param tileCompression how the writer compresses each tile: {@link Compression#NONE} or {@link
   *     Compression#GZIP}
   */
  public PmtilesWriter(TileType tileType, Compression tileCompression) {
    if (tileCompression != Compression.NONE && tileCompression != Compression.GZIP) {
      throw new IllegalArgumentException(
          "tile compression must be NONE or GZIP, got " + tileCompression);
    }
    this.tileType = tileType;
    this.tileCompression = tileCompression;
  }

  /** A writer for Mapbox Vector Tiles, gzip-compressed in the archive. */
  public static PmtilesWriter forVectorTiles() {
    return new PmtilesWriter(TileType.MVT, Compression.GZIP);
  }

  /** A writer for PNG tiles, stored as they are. */
  public static PmtilesWriter forPng() {
    return new PmtilesWriter(TileType.PNG, Compression.NONE);
  }

  /**
   * Adds a tile.
   *
   * @param content the tile, uncompressed, not empty (an absent tile is simply not added)
   * @throws IllegalArgumentException if the tile is empty, outside its zoom's range, or was already
   *     added
   */
  public PmtilesWriter addTile(int z, int x, int y, byte[] content) {
    if (content.length == 0) {
      throw new IllegalArgumentException(
          "tile " + z + "/" + x + "/" + y + " is empty; leave empty tiles out");
    }
    long id = TileIds.zxyToTileId(z, x, y);
    if (tiles.putIfAbsent(id, content.clone()) != null) {
      throw new IllegalArgumentException("tile " + z + "/" + x + "/" + y + " was added twice");
    }
    return this;
  }

  /**
   * Sets the JSON metadata, stored byte for byte as given. For vector tiles it should carry {@code
   * vector_layers} (TileJSON 3.0). Defaults to {@code {}}.
   *
   * @throws IllegalArgumentException if the text is not one JSON object
   */
  public PmtilesWriter metadata(String json) {
    try {
      if (!JSON.readTree(json).isObject()) {
        throw new IllegalArgumentException("metadata must be a JSON object");
      }
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("metadata is not valid JSON: " + e.getOriginalMessage());
    }
    this.metadata = json.getBytes(StandardCharsets.UTF_8);
    return this;
  }

  /**
   * Sets the JSON metadata from a tree, written compactly in the tree's field order.
   *
   * @throws IllegalArgumentException if the node is not an object
   */
  public PmtilesWriter metadata(JsonNode json) {
    if (!json.isObject()) {
      throw new IllegalArgumentException("metadata must be a JSON object");
    }
    try {
      this.metadata = JSON.writeValueAsBytes(json);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  /**
   * Sets the bounds in degrees. Defaults to the union of the added tiles' extents.
   *
   * @throws IllegalArgumentException if min exceeds max or a value is out of range
   */
  public PmtilesWriter bounds(double minLon, double minLat, double maxLon, double maxLat) {
    checkLonLat(minLon, minLat);
    checkLonLat(maxLon, maxLat);
    if (minLon > maxLon || minLat > maxLat) {
      throw new IllegalArgumentException("bounds min must not exceed max");
    }
    this.bounds = new double[] {minLon, minLat, maxLon, maxLat};
    return this;
  }

  /** Sets where a viewer starts. Defaults to the middle of the bounds at the minimum zoom. */
  public PmtilesWriter center(double lon, double lat, int zoom) {
    checkLonLat(lon, lat);
    checkZoom(zoom);
    this.center = new double[] {lon, lat};
    this.centerZoom = zoom;
    return this;
  }

  /**
   * Sets the zoom range readers serve; readers return nothing outside it. Defaults to the range of
   * the added tiles.
   */
  public PmtilesWriter zooms(int minZoom, int maxZoom) {
    checkZoom(minZoom);
    checkZoom(maxZoom);
    if (minZoom > maxZoom) {
      throw new IllegalArgumentException("min zoom " + minZoom + " exceeds max zoom " + maxZoom);
    }
    this.minZoom = minZoom;
    this.maxZoom = maxZoom;
    return this;
  }

  /** Tiles added so far. */
  public int size() {
    return tiles.size();
  }

  /** The archive as one byte array. */
  public byte[] toBytes() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      writeTo(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /**
   * Writes the archive. The stream is not closed.
   *
   * @throws IllegalStateException if no tile was added (a directory must not be empty), or a tile
   *     lies outside the zoom range set with {@link #zooms}
   */
  public void writeTo(OutputStream out) throws IOException {
    if (tiles.isEmpty()) {
      throw new IllegalStateException("an archive needs at least one tile");
    }
    int lowestZoom = TileIds.tileIdToZxy(tiles.firstKey()).z();
    int highestZoom = TileIds.tileIdToZxy(tiles.lastKey()).z();
    int zMin = minZoom >= 0 ? minZoom : lowestZoom;
    int zMax = maxZoom >= 0 ? maxZoom : highestZoom;
    if (lowestZoom < zMin || highestZoom > zMax) {
      throw new IllegalStateException(
          "tiles span zooms "
              + lowestZoom
              + ".."
              + highestZoom
              + ", outside the zoom range "
              + zMin
              + ".."
              + zMax);
    }

    // Tile data in tile id order; a content seen before points back to its first copy.
    List<byte[]> blobs = new ArrayList<>();
    Map<ByteBuffer, long[]> stored = new HashMap<>();
    List<DirectoryEntry> entries = new ArrayList<>();
    long dataLength = 0;
    for (Map.Entry<Long, byte[]> tile : tiles.entrySet()) {
      long id = tile.getKey();
      long[] blob = stored.get(ByteBuffer.wrap(tile.getValue()));
      if (blob == null) {
        byte[] data =
            tileCompression == Compression.GZIP ? Gzip.compress(tile.getValue()) : tile.getValue();
        blob = new long[] {dataLength, data.length};
        stored.put(ByteBuffer.wrap(tile.getValue()), blob);
        blobs.add(data);
        dataLength += data.length;
      }
      DirectoryEntry last = entries.isEmpty() ? null : entries.get(entries.size() - 1);
      if (last != null && last.offset() == blob[0] && last.tileId() + last.runLength() == id) {
        entries.set(
            entries.size() - 1,
            new DirectoryEntry(last.tileId(), last.offset(), last.length(), last.runLength() + 1));
      } else {
        entries.add(new DirectoryEntry(id, blob[0], (int) blob[1], 1));
      }
    }

    byte[] root = Gzip.compress(Directories.serialize(entries));
    ByteArrayOutputStream leaves = new ByteArrayOutputStream();
    if (root.length > MAX_ROOT_LENGTH) {
      int leafEntries = MIN_LEAF_ENTRIES;
      while (true) {
        leaves.reset();
        List<DirectoryEntry> rootEntries = new ArrayList<>();
        for (int start = 0; start < entries.size(); start += leafEntries) {
          List<DirectoryEntry> chunk =
              entries.subList(start, Math.min(entries.size(), start + leafEntries));
          byte[] leaf = Gzip.compress(Directories.serialize(chunk));
          rootEntries.add(new DirectoryEntry(chunk.get(0).tileId(), leaves.size(), leaf.length, 0));
          leaves.write(leaf);
        }
        root = Gzip.compress(Directories.serialize(rootEntries));
        if (root.length <= MAX_ROOT_LENGTH) {
          break;
        }
        leafEntries += leafEntries / 5;
      }
    }
    byte[] meta = Gzip.compress(metadata);

    double[] box = bounds != null ? bounds : tileBounds();
    double[] middle =
        center != null ? center : new double[] {(box[0] + box[2]) / 2, (box[1] + box[3]) / 2};
    long rootOffset = PmtilesHeader.LENGTH;
    long metaOffset = rootOffset + root.length;
    long leavesOffset = metaOffset + meta.length;
    long dataOffset = leavesOffset + leaves.size();
    PmtilesHeader header =
        new PmtilesHeader(
            rootOffset,
            root.length,
            metaOffset,
            meta.length,
            leavesOffset,
            leaves.size(),
            dataOffset,
            dataLength,
            tiles.size(),
            entries.size(),
            blobs.size(),
            true,
            Compression.GZIP,
            tileCompression,
            tileType,
            zMin,
            zMax,
            PmtilesHeader.quantize(box[0]),
            PmtilesHeader.quantize(box[1]),
            PmtilesHeader.quantize(box[2]),
            PmtilesHeader.quantize(box[3]),
            centerZoom >= 0 ? centerZoom : zMin,
            PmtilesHeader.quantize(middle[0]),
            PmtilesHeader.quantize(middle[1]));

    out.write(header.toBytes());
    out.write(root);
    out.write(meta);
    leaves.writeTo(out);
    for (byte[] blob : blobs) {
      out.write(blob);
    }
  }

  /** The union of the added tiles' extents, in degrees. */
  private double[] tileBounds() {
    double minLon = 180;
    double minLat = 90;
    double maxLon = -180;
    double maxLat = -90;
    for (long id : tiles.keySet()) {
      TileIds.Zxy t = TileIds.tileIdToZxy(id);
      double n = Math.pow(2, t.z());
      minLon = Math.min(minLon, t.x() / n * 360 - 180);
      maxLon = Math.max(maxLon, (t.x() + 1) / n * 360 - 180);
      maxLat = Math.max(maxLat, latitudeOfRow(t.y(), n));
      minLat = Math.min(minLat, latitudeOfRow(t.y() + 1, n));
    }
    return new double[] {minLon, minLat, maxLon, maxLat};
  }

  /** Latitude of the top edge of tile row y (inverse Web Mercator). */
  private static double latitudeOfRow(double y, double n) {
    return Math.toDegrees(Math.atan(Math.sinh(Math.PI * (1 - 2 * y / n))));
  }

  private static void checkLonLat(double lon, double lat) {
    if (!(lon >= -180 && lon <= 180 && lat >= -90 && lat <= 90)) {
      throw new IllegalArgumentException(
          "position must be lon in [-180, 180] and lat in [-90, 90], got " + lon + ", " + lat);
    }
  }

  private static void checkZoom(int zoom) {
    if (zoom < 0 || zoom > TileIds.MAX_ZOOM) {
      throw new IllegalArgumentException(
          "zoom must be in [0, " + TileIds.MAX_ZOOM + "], got " + zoom);
    }
  }
}
