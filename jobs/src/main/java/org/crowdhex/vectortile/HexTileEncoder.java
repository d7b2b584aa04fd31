package org.crowdhex.vectortile;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.uber.h3core.H3Core;
import com.uber.h3core.util.LatLng;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.crowdhex.tile.TileCoord;

/**
 * Encodes the H3 cells of one window that touch one tile as a Mapbox Vector Tile 2.1: a single
 * layer named {@value #LAYER} holding one polygon per cell.
 *
 * <p>Each feature has the H3 index as its id and the properties {@value #CELL} (the H3 index as hex
 * text, e.g. {@code 8a1969052c27fff}), {@value #POSTS} and {@value #AUTHORS} (unsigned integers),
 * {@value #DENSITY} (double, distinct authors per km²), {@value #SCORE} (double, the best anomaly
 * scan score of a region containing the cell, 0 when none) and, only for a cell in an open alert,
 * {@value #ALERT} (string, the alert's id, e.g. {@code kuip-20260419T1415Z}). Geometry is in tile
 * units with extent {@value #EXTENT}, clipped to the tile plus a buffer so that outlines and fills
 * meet without seams at tile edges; exterior rings wind clockwise in tile coordinates (positive
 * surveyor's area, y down) as the spec requires.
 *
 * <p>The output is the bare, uncompressed protobuf; whoever stores or serves it gzips it. It is
 * byte-for-byte the same for the same tile and cells in any order: features go out by ascending
 * cell index, keys in the fixed order above, values in order of first use. That lets a window's
 * tiles be rewritten idempotently and compared by content.
 *
 * <p>Specification: <a href="https://github.com/mapbox/vector-tile-spec/tree/master/2.1">Vector
 * Tile Specification 2.1</a> and its <a
 * href="https://github.com/mapbox/vector-tile-spec/blob/master/2.1/vector_tile.proto">vector_tile.proto</a>.
 *
 * <p>Keeps scratch buffers and a bounded cache of projected cell outlines between calls: not
 * thread-safe; use one per thread (e.g. one per task). The {@link H3Core} may be shared. Not meant
 * for cells that contain a pole.
 */
public final class HexTileEncoder {
  /** The name of the one layer in every tile; map styles refer to it as their source layer. */
  public static final String LAYER = "cells";

  /** Property: the H3 index in its usual lower-case hex form. */
  public static final String CELL = "cell";

  /** Property: posts in the cell and window. */
  public static final String POSTS = "posts";

  /** Property: distinct authors in the cell and window. */
  public static final String AUTHORS = "authors";

  /** Property: distinct authors per km². */
  public static final String DENSITY = "density";

  /** Property: the best anomaly scan score of a region containing the cell; 0 when none. */
  public static final String SCORE = "score";

  /** Property: the id of the open alert the cell is in; absent when it is in none. */
  public static final String ALERT = "alert";

  /** Tile units per tile side, the MVT default. */
  public static final int EXTENT = 4096;

  /** Default buffer around the tile, in tile units (64 = 4 pixels of a 256-pixel tile). */
  public static final int DEFAULT_BUFFER = 64;

  /** Cell outlines kept between tiles: about 10 MB at most. */
  private static final int CACHED_OUTLINES = 1 << 16;

  /** Spec version written into the layer. */
  static final int VERSION = 2;

  private static final List<String> KEYS = List.of(CELL, POSTS, AUTHORS, DENSITY, SCORE, ALERT);

  /** Index of {@link #ALERT} in {@link #KEYS}: the last, written only when a feature uses it. */
  private static final int ALERT_KEY = 5;

  // vector_tile.proto field numbers.
  private static final int TILE_LAYERS = 3;
  private static final int LAYER_VERSION = 15;
  private static final int LAYER_NAME = 1;
  private static final int LAYER_FEATURES = 2;
  private static final int LAYER_KEYS = 3;
  private static final int LAYER_VALUES = 4;
  private static final int LAYER_EXTENT = 5;
  private static final int FEATURE_ID = 1;
  private static final int FEATURE_TAGS = 2;
  private static final int FEATURE_TYPE = 3;
  private static final int FEATURE_GEOMETRY = 4;
  private static final int VALUE_STRING = 1;
  private static final int VALUE_DOUBLE = 3;
  private static final int VALUE_UINT = 5;
  private static final int GEOM_TYPE_POLYGON = 3;

  private static final int CMD_MOVE_TO = 1;
  private static final int CMD_LINE_TO = 2;
  private static final int CMD_CLOSE_PATH = 7;

  private final H3Core h3;
  private final int buffer;

  // Scratch state, reused across tiles so a tile costs few allocations.
  private final RingClipper clipper = new RingClipper();
  private double[] projX = new double[16];
  private double[] projY = new double[16];
  private int[] ringX = new int[16];
  private int[] ringY = new int[16];
  private int[] geometry = new int[64];
  private final int[] tags = new int[2 * KEYS.size()];
  private final ProtoBuffer tileBuffer = new ProtoBuffer(4096);
  private final ProtoBuffer layer = new ProtoBuffer(4096);
  private final ProtoBuffer feature = new ProtoBuffer(256);
  private final ProtoBuffer value = new ProtoBuffer(32);
  private final Values values = new Values();
  private final Map<Long, double[]> outlines = new HashMap<>();

  /** An encoder with the {@linkplain #DEFAULT_BUFFER default buffer}. */
  public HexTileEncoder(H3Core h3) {
    this(h3, DEFAULT_BUFFER);
  }

  /**
   * @param h3 the H3 library, for the cell outlines
   * @param buffer tile units kept around the tile, 0 to {@value #EXTENT}
   */
  public HexTileEncoder(H3Core h3, int buffer) {
    if (buffer < 0 || buffer > EXTENT) {
      throw new IllegalArgumentException("buffer must be in [0, " + EXTENT + "], got " + buffer);
    }
    this.h3 = h3;
    this.buffer = buffer;
  }

  /**
   * Encodes the cells that land in the tile.
   *
   * @param tile the tile to draw
   * @param cells the window's cells for this tile, in any order; cells that miss the tile and its
   *     buffer, or shrink to nothing at this zoom, are left out
   * @return the MVT bytes, or an empty array when no cell lands in the tile (write no tile then)
   * @throws IllegalArgumentException if a cell index appears twice or is not a valid H3 cell
   */
  public byte[] encode(TileCoord tile, Collection<HexFeature> cells) {
    HexFeature[] sorted = cells.toArray(new HexFeature[0]);
    Arrays.sort(sorted, (a, b) -> Long.compare(a.cell(), b.cell()));
    for (int i = 1; i < sorted.length; i++) {
      if (sorted[i].cell() == sorted[i - 1].cell()) {
        throw new IllegalArgumentException(
            "cell " + Long.toHexString(sorted[i].cell()) + " appears twice in tile " + tile);
      }
    }

    layer.clear();
    values.clear();
    layer.tag(LAYER_VERSION, ProtoBuffer.VARINT);
    layer.varint(VERSION);
    layer.stringField(LAYER_NAME, LAYER);
    int features = 0;
    boolean anyAlert = false;
    for (HexFeature cell : sorted) {
      int geometryLength = cellGeometry(tile, cell.cell());
      if (geometryLength == 0) {
        continue;
      }
      tags[0] = 0;
      tags[1] = values.string(Long.toHexString(cell.cell()));
      tags[2] = 1;
      tags[3] = values.unsigned(cell.posts());
      tags[4] = 2;
      tags[5] = values.unsigned(cell.authors());
      tags[6] = 3;
      tags[7] = values.dbl(cell.density());
      tags[8] = 4;
      tags[9] = values.dbl(cell.score());
      int tagCount = 10;
      if (cell.alert() != null) {
        tags[10] = ALERT_KEY;
        tags[11] = values.sharedString(cell.alert());
        tagCount = 12;
        anyAlert = true;
      }

      feature.clear();
      feature.tag(FEATURE_ID, ProtoBuffer.VARINT);
      feature.varint(cell.cell());
      feature.packedField(FEATURE_TAGS, tags, tagCount);
      feature.tag(FEATURE_TYPE, ProtoBuffer.VARINT);
      feature.varint(GEOM_TYPE_POLYGON);
      feature.packedField(FEATURE_GEOMETRY, geometry, geometryLength);
      layer.messageField(LAYER_FEATURES, feature);
      features++;
    }
    if (features == 0) {
      return new byte[0];
    }
    for (int k = 0; k < KEYS.size(); k++) {
      if (k == ALERT_KEY && !anyAlert) continue;
      layer.stringField(LAYER_KEYS, KEYS.get(k));
    }
    values.writeTo(layer, value);
    layer.tag(LAYER_EXTENT, ProtoBuffer.VARINT);
    layer.varint(EXTENT);

    tileBuffer.clear();
    tileBuffer.messageField(TILE_LAYERS, layer);
    return tileBuffer.toByteArray();
  }

  /**
   * The TileJSON 3.0 {@code vector_layers} entry describing the layer, for the metadata of an
   * archive or a TileJSON document.
   */
  public static ObjectNode vectorLayer(int minZoom, int maxZoom) {
    JsonNodeFactory json = JsonNodeFactory.instance;
    ObjectNode layer = json.objectNode();
    layer.put("id", LAYER);
    layer.put("description", "One polygon per H3 cell with the crowd counted in one window");
    layer.put("minzoom", minZoom);
    layer.put("maxzoom", maxZoom);
    ObjectNode fields = layer.putObject("fields");
    fields.put(CELL, "String");
    fields.put(POSTS, "Number");
    fields.put(AUTHORS, "Number");
    fields.put(DENSITY, "Number");
    fields.put(SCORE, "Number");
    fields.put(ALERT, "String");
    return layer;
  }

  /**
   * Projects, clips and rounds one cell's outline into {@link #geometry} as MVT commands.
   *
   * @return the number of command integers, 0 if the cell leaves nothing in the tile
   */
  private int cellGeometry(TileCoord tile, long cell) {
    double[] unit = outline(cell);
    int n = unit.length / 2;
    if (projX.length < n) {
      projX = new double[2 * n];
      projY = new double[2 * n];
    }
    double world = WebMercator.worldSize(tile.z(), EXTENT);
    double originX = (double) tile.x() * EXTENT;
    double originY = (double) tile.y() * EXTENT;
    double minX = Double.POSITIVE_INFINITY;
    double maxX = Double.NEGATIVE_INFINITY;
    double minY = Double.POSITIVE_INFINITY;
    double maxY = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < n; i++) {
      double x = unit[2 * i] * world - originX;
      double y = unit[2 * i + 1] * world - originY;
      projX[i] = x;
      projY[i] = y;
      minX = Math.min(minX, x);
      maxX = Math.max(maxX, x);
      minY = Math.min(minY, y);
      maxY = Math.max(maxY, y);
    }
    // The same cell drawn one world to the east or west, if that copy is the one near the tile.
    double centre = EXTENT / 2.0;
    double shift = 0;
    if ((minX + maxX) / 2 - centre > world / 2) {
      shift = -world;
    } else if ((minX + maxX) / 2 - centre < -world / 2) {
      shift = world;
    }
    if (shift != 0) {
      for (int i = 0; i < n; i++) {
        projX[i] += shift;
      }
      minX += shift;
      maxX += shift;
    }

    double lo = -buffer;
    double hi = EXTENT + buffer;
    if (maxX < lo || minX > hi || maxY < lo || minY > hi) {
      return 0;
    }
    double[] xs = projX;
    double[] ys = projY;
    if (minX < lo || maxX > hi || minY < lo || maxY > hi) {
      n = clipper.clip(projX, projY, n, lo, hi);
      xs = clipper.xs;
      ys = clipper.ys;
    }
    if (ringX.length < n) {
      ringX = new int[2 * n];
      ringY = new int[2 * n];
    }
    for (int i = 0; i < n; i++) {
      ringX[i] = (int) Math.round(xs[i]);
      ringY[i] = (int) Math.round(ys[i]);
    }
    n = dropFlatVertices(ringX, ringY, n);
    if (n < 3) {
      return 0;
    }
    long area2 = 0;
    for (int i = 0, j = n - 1; i < n; j = i++) {
      area2 += (long) ringX[j] * ringY[i] - (long) ringX[i] * ringY[j];
    }
    if (area2 == 0) {
      return 0;
    }
    if (area2 < 0) {
      reverse(ringX, ringY, n);
    }
    return writeRing(n);
  }

  /**
   * The cell's outline in Web Mercator world units of a 1×1 world (x east, y south), cached: the
   * same cells come back in every window and at every zoom, and the H3 call plus the projection's
   * logarithms cost more than the rest of the tile.
   */
  private double[] outline(long cell) {
    double[] cached = outlines.get(cell);
    if (cached != null) {
      return cached;
    }
    List<LatLng> boundary;
    try {
      boundary = h3.cellToBoundary(cell);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("not a valid H3 cell: " + Long.toHexString(cell), e);
    }
    int n = boundary.size();
    double[] unit = new double[2 * n];
    double lon0 = boundary.get(0).lng;
    for (int i = 0; i < n; i++) {
      LatLng v = boundary.get(i);
      // A cell across the antimeridian is unwrapped so its vertices stay next to each other.
      double lon = v.lng;
      if (lon - lon0 > 180) {
        lon -= 360;
      } else if (lon - lon0 < -180) {
        lon += 360;
      }
      unit[2 * i] = WebMercator.worldX(lon, 1.0);
      unit[2 * i + 1] = WebMercator.worldY(v.lat, 1.0);
    }
    if (outlines.size() >= CACHED_OUTLINES) {
      // Crude but allocation-free and order-independent: output never depends on the cache.
      outlines.clear();
    }
    outlines.put(cell, unit);
    return unit;
  }

  /**
   * Removes repeated vertices and vertices on a straight line between their neighbours (including
   * back-and-forth spikes), which rounding and clipping leave behind; the spec forbids zero-length
   * segments and a ring must not touch itself.
   */
  private static int dropFlatVertices(int[] xs, int[] ys, int n) {
    boolean changed = true;
    while (changed && n >= 3) {
      changed = false;
      int out = 0;
      for (int i = 0; i < n; i++) {
        int prev = out == 0 ? n - 1 : out - 1;
        int px = out == 0 ? xs[n - 1] : xs[prev];
        int py = out == 0 ? ys[n - 1] : ys[prev];
        int nx = xs[(i + 1) % n];
        int ny = ys[(i + 1) % n];
        long cross = (long) (xs[i] - px) * (ny - ys[i]) - (long) (ys[i] - py) * (nx - xs[i]);
        if (cross == 0) {
          changed = true;
        } else {
          xs[out] = xs[i];
          ys[out] = ys[i];
          out++;
        }
      }
      n = out;
    }
    return n;
  }

  private static void reverse(int[] xs, int[] ys, int n) {
    for (int i = 0, j = n - 1; i < j; i++, j--) {
      int t = xs[i];
      xs[i] = xs[j];
      xs[j] = t;
      t = ys[i];
      ys[i] = ys[j];
      ys[j] = t;
    }
  }

  /** MoveTo the first vertex, one LineTo with the rest, ClosePath; the cursor starts at 0,0. */
  private int writeRing(int n) {
    int needed = 2 * n + 3;
    if (geometry.length < needed) {
      geometry = new int[2 * needed];
    }
    int k = 0;
    geometry[k++] = command(CMD_MOVE_TO, 1);
    geometry[k++] = zigzag(ringX[0]);
    geometry[k++] = zigzag(ringY[0]);
    geometry[k++] = command(CMD_LINE_TO, n - 1);
    for (int i = 1; i < n; i++) {
      geometry[k++] = zigzag(ringX[i] - ringX[i - 1]);
      geometry[k++] = zigzag(ringY[i] - ringY[i - 1]);
    }
    geometry[k++] = command(CMD_CLOSE_PATH, 1);
    return k;
  }

  private static int command(int id, int count) {
    return (id & 0x7) | (count << 3);
  }

  private static int zigzag(int v) {
    return (v << 1) ^ (v >> 31);
  }

  /** The layer's value table: each distinct typed value once, indexed by first use. */
  private static final class Values {
    private static final byte STRING = 0;
    private static final byte UINT = 1;
    private static final byte DOUBLE = 2;

    private final Map<Long, Integer> uints = new HashMap<>();
    private final Map<Long, Integer> doubles = new HashMap<>();
    private final Map<String, Integer> shared = new HashMap<>();
    private byte[] types = new byte[64];
    private long[] numbers = new long[64];
    private String[] strings = new String[64];
    private int size;

    void clear() {
      uints.clear();
      doubles.clear();
      shared.clear();
      Arrays.fill(strings, 0, size, null);
      size = 0;
    }

    /** Cell ids are unique within a tile, so strings need no lookup. */
    int string(String s) {
      return add(STRING, 0, s);
    }

    /** A string many features share (an alert id): stored once. */
    int sharedString(String s) {
      Integer index = shared.get(s);
      if (index == null) {
        index = add(STRING, 0, s);
        shared.put(s, index);
      }
      return index;
    }

    int unsigned(long v) {
      Integer index = uints.get(v);
      if (index == null) {
        index = add(UINT, v, null);
        uints.put(v, index);
      }
      return index;
    }

    int dbl(double v) {
      long bits = Double.doubleToLongBits(v);
      Integer index = doubles.get(bits);
      if (index == null) {
        index = add(DOUBLE, bits, null);
        doubles.put(bits, index);
      }
      return index;
    }

    private int add(byte type, long number, String string) {
      if (size == types.length) {
        types = Arrays.copyOf(types, 2 * size);
        numbers = Arrays.copyOf(numbers, 2 * size);
        strings = Arrays.copyOf(strings, 2 * size);
      }
      types[size] = type;
      numbers[size] = number;
      strings[size] = string;
      return size++;
    }

    void writeTo(ProtoBuffer layer, ProtoBuffer scratch) {
      for (int i = 0; i < size; i++) {
        scratch.clear();
        switch (types[i]) {
          case STRING -> scratch.stringField(VALUE_STRING, strings[i]);
          case UINT -> {
            scratch.tag(VALUE_UINT, ProtoBuffer.VARINT);
            scratch.varint(numbers[i]);
          }
          default -> {
            scratch.tag(VALUE_DOUBLE, ProtoBuffer.FIXED64);
            scratch.fixed64(numbers[i]);
          }
        }
        layer.messageField(LAYER_VALUES, scratch);
      }
    }
  }
}
