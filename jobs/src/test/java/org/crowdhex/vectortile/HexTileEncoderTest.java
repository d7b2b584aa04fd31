package org.crowdhex.vectortile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.uber.h3core.H3Core;
import com.uber.h3core.util.LatLng;
import io.github.sebasbaumh.mapbox.vectortile.VectorTile;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.MvtReader;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.TagKeyValueMapConverter;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.model.JtsLayer;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.model.JtsMvt;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.crowdhex.tile.TileCoord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;

/**
 * Checks the encoder against an independent decoder (protobuf-java's generated MVT classes and the
 * mapbox-vector-tile-java JTS reader) and against a projection written differently from the
 * encoder's.
 */
class HexTileEncoderTest {
  private static final double LAT = 51.894;
  private static final double LON = 4.523;
  private static final int RES = 10;
  private static final int EXTENT = 4096;
  private static final int BUFFER = HexTileEncoder.DEFAULT_BUFFER;

  private static final GeometryFactory GF = new GeometryFactory();
  private static H3Core h3;

  @BeforeAll
  static void loadH3() throws IOException {
    h3 = H3Core.newInstance();
  }

  @Test
  void roundTripsCellsAndPropertiesThroughAnIndependentDecoder() throws IOException {
    TileCoord tile = tileAt(LAT, LON, 15);
    // Wider than the tile, so some cells are inside, some cut and some outside.
    List<HexFeature> cells = cellsAround(LAT, LON, 7, new Random(1));

    byte[] bytes = new HexTileEncoder(h3).encode(tile, cells);

    VectorTile.Tile decoded = VectorTile.Tile.parseFrom(bytes);
    assertThat(decoded.getLayersCount()).isEqualTo(1);
    VectorTile.Tile.Layer layer = decoded.getLayers(0);
    assertThat(layer.getVersion()).isEqualTo(2);
    assertThat(layer.getName()).isEqualTo("cells").isEqualTo(HexTileEncoder.LAYER);
    assertThat(layer.getExtent()).isEqualTo(EXTENT);
    assertThat(layer.getKeysList())
        .containsExactly("cell", "posts", "authors", "density", "score", "alert");

    Map<Long, HexFeature> byCell = index(cells);
    Set<Long> seen = new HashSet<>();
    long previous = Long.MIN_VALUE;
    for (VectorTile.Tile.Feature f : layer.getFeaturesList()) {
      assertThat(f.getType()).isEqualTo(VectorTile.Tile.GeomType.POLYGON);
      long cell = f.getId();
      assertThat(cell).as("features in ascending cell order").isGreaterThan(previous);
      previous = cell;
      HexFeature in = byCell.get(cell);
      assertThat(in).as("feature id is an input cell").isNotNull();
      seen.add(cell);

      Map<String, VectorTile.Tile.Value> props = properties(layer, f);
      if (in.alert() == null) {
        assertThat(props.keySet())
            .containsExactlyInAnyOrder("cell", "posts", "authors", "density", "score");
      } else {
        assertThat(props.keySet())
            .containsExactlyInAnyOrder("cell", "posts", "authors", "density", "score", "alert");
        assertThat(props.get("alert").getStringValue()).isEqualTo(in.alert());
      }
      assertThat(props.get("score").hasDoubleValue()).isTrue();
      assertThat(props.get("score").getDoubleValue()).isEqualTo(in.score());
      assertThat(props.get("cell").getStringValue())
          .isEqualTo(h3.h3ToString(cell))
          .isEqualTo(Long.toHexString(cell));
      assertThat(props.get("posts").getUintValue()).isEqualTo(in.posts());
      assertThat(props.get("authors").getUintValue()).isEqualTo(in.authors());
      assertThat(props.get("density").hasDoubleValue()).isTrue();
      assertThat(props.get("density").getDoubleValue()).isEqualTo(in.density());

      List<int[]> ring = singleRing(f.getGeometryList());
      assertThat(surveyorArea(ring))
          .as("exterior ring has positive area (clockwise, y down)")
          .isPositive();
      assertVerticesOnProjectedOutline(tile, cell, ring);
    }
    assertThat(seen)
        .as("every cell inside the tile is drawn")
        .containsAll(cellsInside(tile, cells));
    assertThat(seen)
        .as("no cell outside tile and buffer is drawn")
        .doesNotContainAnyElementsOf(cellsOutside(tile, cells));
    assertThat(seen).hasSizeGreaterThan(5);
  }

  @Test
  void jtsReaderSeesOneValidClosedPolygonPerFeature() throws IOException {
    TileCoord tile = tileAt(LAT, LON, 16);
    List<HexFeature> cells = cellsAround(LAT, LON, 4, new Random(2));

    byte[] bytes = new HexTileEncoder(h3).encode(tile, cells);

    JtsMvt mvt =
        MvtReader.loadMvt(
            new ByteArrayInputStream(bytes),
            GF,
            new TagKeyValueMapConverter(false, "id"),
            MvtReader.RING_CLASSIFIER_V2_1);
    JtsLayer layer = mvt.getLayer(HexTileEncoder.LAYER);
    assertThat(layer).isNotNull();
    assertThat(layer.getExtent()).isEqualTo(EXTENT);
    Map<Long, HexFeature> byCell = index(cells);
    int polygons = 0;
    for (Geometry g : layer.getGeometries()) {
      // The v2.1 classifier starts a new polygon only on a positive-area ring: a wrong winding
      // would surface as a missing or inside-out polygon here.
      assertThat(g).isInstanceOf(Polygon.class);
      Polygon p = (Polygon) g;
      assertThat(p.getNumInteriorRing()).isZero();
      LinearRing shell = p.getExteriorRing();
      assertThat(shell.isClosed()).isTrue();
      assertThat(p.isValid()).as("valid polygon").isTrue();
      assertThat(p.getArea()).isPositive();
      @SuppressWarnings("unchecked")
      Map<String, Object> props = (Map<String, Object>) p.getUserData();
      long cell = ((Number) props.get("id")).longValue();
      HexFeature in = byCell.get(cell);
      assertThat(in).isNotNull();
      assertThat(props)
          .containsEntry("cell", Long.toHexString(cell))
          .containsEntry("posts", in.posts())
          .containsEntry("authors", (long) in.authors())
          .containsEntry("density", in.density())
          .containsEntry("score", in.score());
      if (in.alert() == null) assertThat(props).doesNotContainKey("alert");
      else assertThat(props).containsEntry("alert", in.alert());
      // Area matches the projected cell clipped to tile + buffer within a unit along the outline.
      Geometry expected = projected(tile, cell).intersection(clipBox());
      assertThat(Math.abs(p.getArea() - expected.getArea()))
          .isLessThanOrEqualTo(expected.getLength());
      polygons++;
    }
    assertThat(polygons).isGreaterThan(5);
  }

  @Test
  void clipsCellsOnTheTileEdgeToTheBuffer() throws IOException {
    // Cells around the tile's north-west corner: most of them are cut by the buffer square.
    TileCoord tile = tileAt(LAT, LON, 17);
    double[] corner = tileCornerLonLat(tile);
    List<HexFeature> cells = cellsAround(corner[1], corner[0], 3, new Random(3));

    byte[] bytes = new HexTileEncoder(h3).encode(tile, cells);

    VectorTile.Tile.Layer layer = VectorTile.Tile.parseFrom(bytes).getLayers(0);
    int clipped = 0;
    for (VectorTile.Tile.Feature f : layer.getFeaturesList()) {
      List<int[]> ring = singleRing(f.getGeometryList());
      assertThat(surveyorArea(ring)).isPositive();
      for (int[] v : ring) {
        assertThat(v[0]).isBetween(-BUFFER, EXTENT + BUFFER);
        assertThat(v[1]).isBetween(-BUFFER, EXTENT + BUFFER);
      }
      if (ring.stream().anyMatch(v -> v[0] == -BUFFER || v[1] == -BUFFER)) {
        clipped++;
      }
      assertVerticesOnProjectedOutline(tile, f.getId(), ring);
    }
    assertThat(clipped).isGreaterThan(2);
  }

  @Test
  void writesNoBytesWhenNoCellLandsInTheTile() {
    HexTileEncoder encoder = new HexTileEncoder(h3);
    TileCoord rotterdam = tileAt(LAT, LON, 15);
    // Athens: far outside the tile.
    List<HexFeature> athens = cellsAround(37.946, 23.664, 2, new Random(4));

    assertThat(encoder.encode(rotterdam, athens)).isEmpty();
    assertThat(encoder.encode(rotterdam, List.of())).isEmpty();
    // At zoom 3 a resolution-10 cell is far smaller than one tile unit: nothing is left to draw.
    assertThat(encoder.encode(tileAt(LAT, LON, 3), cellsAround(LAT, LON, 1, new Random(5))))
        .isEmpty();
  }

  @Test
  void sameInputGivesTheSameBytesWhateverTheOrder() {
    TileCoord tile = tileAt(LAT, LON, 15);
    List<HexFeature> cells = cellsAround(LAT, LON, 3, new Random(6));
    List<HexFeature> shuffled = new ArrayList<>(cells);
    Collections.shuffle(shuffled, new Random(7));
    HexTileEncoder encoder = new HexTileEncoder(h3);

    byte[] first = encoder.encode(tile, cells);
    byte[] again = encoder.encode(tile, cells);
    byte[] fromShuffled = encoder.encode(tile, shuffled);
    byte[] fromFreshEncoder = new HexTileEncoder(h3).encode(tile, shuffled);

    assertThat(first).isNotEmpty();
    assertThat(again).isEqualTo(first);
    assertThat(fromShuffled).isEqualTo(first);
    assertThat(fromFreshEncoder).isEqualTo(first);
  }

  @Test
  void sharesEqualValuesBetweenFeatures() throws IOException {
    TileCoord tile = tileAt(LAT, LON, 15);
    List<HexFeature> cells = new ArrayList<>();
    for (long cell : h3.gridDisk(h3.latLngToCell(LAT, LON, RES), 1)) {
      cells.add(new HexFeature(cell, 3, 2, 1.5, 30.5, "kuip-20260419T1415Z"));
    }

    VectorTile.Tile.Layer layer =
        VectorTile.Tile.parseFrom(new HexTileEncoder(h3).encode(tile, cells)).getLayers(0);

    // One string per cell, then the shared 3, 2, 1.5, 30.5 and alert id once each.
    assertThat(layer.getValuesCount()).isEqualTo(layer.getFeaturesCount() + 5);
  }

  @Test
  void drawsACellOnBothSidesOfTheAntimeridian() throws IOException {
    long cell = h3.latLngToCell(10.0, 180.0, 2);
    List<Double> lngs = h3.cellToBoundary(cell).stream().map(v -> v.lng).toList();
    assertThat(lngs).anyMatch(l -> l > 0).anyMatch(l -> l < 0);
    List<HexFeature> one = List.of(new HexFeature(cell, 1, 1, 1.0));
    HexTileEncoder encoder = new HexTileEncoder(h3);
    int z = 4;
    int y = tileAt(10.0, 179.0, z).y();

    for (int x : new int[] {0, (1 << z) - 1}) {
      byte[] bytes = encoder.encode(new TileCoord(z, x, y), one);
      VectorTile.Tile.Layer layer = VectorTile.Tile.parseFrom(bytes).getLayers(0);
      List<int[]> ring = singleRing(layer.getFeatures(0).getGeometryList());
      long area2 = surveyorArea(ring);
      assertThat(area2).isPositive();
      // A sliver along the tile's west (x = 0) or east (x = last) edge, not the whole tile.
      assertThat(area2 / 2.0).isLessThan(0.25 * EXTENT * EXTENT);
      int edge = x == 0 ? 0 : EXTENT;
      assertThat(ring).anyMatch(v -> Math.abs(v[0] - edge) < 200);
    }
  }

  @Test
  void rejectsTheSameCellTwice() {
    long cell = h3.latLngToCell(LAT, LON, RES);
    List<HexFeature> twice = List.of(new HexFeature(cell, 1, 1, 1), new HexFeature(cell, 2, 2, 2));

    assertThatThrownBy(() -> new HexTileEncoder(h3).encode(tileAt(LAT, LON, 15), twice))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(Long.toHexString(cell));
  }

  @Test
  void describesTheLayerForTileJson() {
    var layer = HexTileEncoder.vectorLayer(12, 18);

    assertThat(layer.get("id").asText()).isEqualTo("cells");
    assertThat(layer.get("minzoom").asInt()).isEqualTo(12);
    assertThat(layer.get("maxzoom").asInt()).isEqualTo(18);
    assertThat(layer.get("fields").properties())
        .extracting(Map.Entry::getKey)
        .containsExactly("cell", "posts", "authors", "density", "score", "alert");
  }

  @Test
  void leavesTheAlertKeyOutWhenNoCellIsInAnAlert() throws IOException {
    TileCoord tile = tileAt(LAT, LON, 15);
    List<HexFeature> plain = new ArrayList<>();
    for (long cell : h3.gridDisk(h3.latLngToCell(LAT, LON, RES), 1)) {
      plain.add(new HexFeature(cell, 3, 2, 1.5));
    }

    VectorTile.Tile.Layer layer =
        VectorTile.Tile.parseFrom(new HexTileEncoder(h3).encode(tile, plain)).getLayers(0);

    assertThat(layer.getKeysList()).containsExactly("cell", "posts", "authors", "density", "score");
    for (VectorTile.Tile.Feature f : layer.getFeaturesList()) {
      assertThat(properties(layer, f).get("score").getDoubleValue()).isZero();
    }
  }

  @Test
  void refusesANegativeScoreOrAnEmptyAlertId() {
    long cell = h3.latLngToCell(LAT, LON, RES);
    assertThatThrownBy(() -> new HexFeature(cell, 1, 1, 1, -1, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("score");
    assertThatThrownBy(() -> new HexFeature(cell, 1, 1, 1, 0, ""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("alert");
  }

  // --- helpers -----------------------------------------------------------------------------

  /** A filled disk of resolution-10 cells with made-up counts. */
  private static List<HexFeature> cellsAround(double lat, double lon, int k, Random random) {
    List<HexFeature> out = new ArrayList<>();
    for (long cell : h3.gridDisk(h3.latLngToCell(lat, lon, RES), k)) {
      int authors = 1 + random.nextInt(40);
      long posts = authors + random.nextInt(100);
      // Some cells scored by the anomaly scan, some of those in one of two open alerts.
      double score = random.nextInt(3) == 0 ? 12.5 + random.nextInt(50) : 0;
      String alert =
          score > 40
              ? (random.nextBoolean() ? "kuip-20260419T1415Z" : "ahoy-20260419T1420Z")
              : null;
      out.add(new HexFeature(cell, posts, authors, authors / 0.0151, score, alert));
    }
    return out;
  }

  private static Map<Long, HexFeature> index(List<HexFeature> cells) {
    Map<Long, HexFeature> byCell = new HashMap<>();
    cells.forEach(c -> byCell.put(c.cell(), c));
    return byCell;
  }

  /** The slippy-map formula with tan/sec, unlike the encoder's sine form. */
  private static TileCoord tileAt(double lat, double lon, int z) {
    double n = 1 << z;
    double r = Math.toRadians(lat);
    int x = (int) Math.floor((lon + 180) / 360 * n);
    int y = (int) Math.floor((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2 * n);
    return new TileCoord(z, Math.min(x, (int) n - 1), y);
  }

  private static double[] tileCornerLonLat(TileCoord t) {
    double n = 1 << t.z();
    double lon = t.x() / n * 360 - 180;
    double lat = Math.toDegrees(Math.atan(Math.sinh(Math.PI * (1 - 2 * t.y() / n))));
    return new double[] {lon, lat};
  }

  /** The cell's outline in this tile's units, without clipping or rounding. */
  private static Polygon projected(TileCoord t, long cell) {
    List<LatLng> boundary = h3.cellToBoundary(cell);
    Coordinate[] ring = new Coordinate[boundary.size() + 1];
    double scale = EXTENT * (double) (1 << t.z());
    for (int i = 0; i < boundary.size(); i++) {
      LatLng v = boundary.get(i);
      double r = Math.toRadians(v.lat);
      double x = (v.lng + 180) / 360 * scale - t.x() * (double) EXTENT;
      double y =
          (1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2 * scale
              - t.y() * (double) EXTENT;
      ring[i] = new Coordinate(x, y);
    }
    ring[boundary.size()] = ring[0];
    return GF.createPolygon(ring);
  }

  private static Geometry clipBox() {
    return GF.toGeometry(new Envelope(-BUFFER, EXTENT + BUFFER, -BUFFER, EXTENT + BUFFER));
  }

  private static Set<Long> cellsInside(TileCoord t, List<HexFeature> cells) {
    Geometry tileBox = GF.toGeometry(new Envelope(0, EXTENT, 0, EXTENT));
    Set<Long> inside = new HashSet<>();
    for (HexFeature c : cells) {
      if (tileBox.contains(projected(t, c.cell()))) {
        inside.add(c.cell());
      }
    }
    return inside;
  }

  private static Set<Long> cellsOutside(TileCoord t, List<HexFeature> cells) {
    Geometry box = clipBox();
    Set<Long> outside = new HashSet<>();
    for (HexFeature c : cells) {
      if (box.distance(projected(t, c.cell())) > 1) {
        outside.add(c.cell());
      }
    }
    return outside;
  }

  /**
   * Each decoded vertex lies within one tile unit of the projected outline clipped to tile and
   * buffer; and an unclipped cell keeps all its corners.
   */
  private static void assertVerticesOnProjectedOutline(TileCoord t, long cell, List<int[]> ring) {
    Polygon outline = projected(t, cell);
    Geometry clipped = outline.intersection(clipBox());
    Geometry boundary = clipped.getBoundary();
    for (int[] v : ring) {
      double d = boundary.distance(GF.createPoint(new Coordinate(v[0], v[1])));
      assertThat(d).as("vertex %s,%s of cell %x", v[0], v[1], cell).isLessThanOrEqualTo(1.0);
    }
    if (clipBox().contains(outline)) {
      for (Coordinate c : outline.getCoordinates()) {
        assertThat(ring)
            .as("corner %s of cell %x", c, cell)
            .anyMatch(v -> Math.hypot(v[0] - c.x, v[1] - c.y) <= 1.0);
      }
    }
  }

  /**
   * Decodes a one-ring polygon command stream per spec 4.3: MoveTo(1), LineTo(n > 1), ClosePath,
   * and nothing after. Returns the absolute vertices without repeating the first.
   */
  private static List<int[]> singleRing(List<Integer> geometry) {
    // MoveTo with one pair, LineTo with at least two pairs, ClosePath.
    assertThat(geometry.size()).isGreaterThanOrEqualTo(3 + 1 + 2 * 2 + 1);
    int i = 0;
    int move = geometry.get(i++);
    assertThat(move & 7).as("MoveTo").isEqualTo(1);
    assertThat(move >>> 3).isEqualTo(1);
    int x = unzigzag(geometry.get(i++));
    int y = unzigzag(geometry.get(i++));
    List<int[]> ring = new ArrayList<>();
    ring.add(new int[] {x, y});
    int line = geometry.get(i++);
    assertThat(line & 7).as("LineTo").isEqualTo(2);
    int count = line >>> 3;
    assertThat(count).isGreaterThan(1);
    for (int k = 0; k < count; k++) {
      int dx = unzigzag(geometry.get(i++));
      int dy = unzigzag(geometry.get(i++));
      assertThat(dx != 0 || dy != 0).as("no zero-length segment").isTrue();
      x += dx;
      y += dy;
      ring.add(new int[] {x, y});
    }
    assertThat(geometry.get(i++)).as("ClosePath").isEqualTo(15);
    assertThat(i).as("one ring only").isEqualTo(geometry.size());
    int[] first = ring.get(0);
    int[] last = ring.get(ring.size() - 1);
    assertThat(last[0] == first[0] && last[1] == first[1])
        .as("last vertex does not repeat the first (ClosePath closes the ring)")
        .isFalse();
    return ring;
  }

  private static int unzigzag(int p) {
    return (p >>> 1) ^ -(p & 1);
  }

  /** Twice the signed area by the surveyor's formula in tile coordinates (y down). */
  private static long surveyorArea(List<int[]> ring) {
    long sum = 0;
    for (int i = 0; i < ring.size(); i++) {
      int[] a = ring.get(i);
      int[] b = ring.get((i + 1) % ring.size());
      sum += (long) a[0] * b[1] - (long) b[0] * a[1];
    }
    return sum;
  }

  private static Map<String, VectorTile.Tile.Value> properties(
      VectorTile.Tile.Layer layer, VectorTile.Tile.Feature f) {
    assertThat(f.getTagsCount() % 2).isZero();
    Map<String, VectorTile.Tile.Value> props = new HashMap<>();
    for (int i = 0; i < f.getTagsCount(); i += 2) {
      props.put(layer.getKeys(f.getTags(i)), layer.getValues(f.getTags(i + 1)));
    }
    return props;
  }
}
