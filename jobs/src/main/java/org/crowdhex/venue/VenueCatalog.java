package org.crowdhex.venue;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.io.geojson.GeoJsonReader;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;

/**
 * Reads the venues of a city from a GeoJSON FeatureCollection (<a
 * href="https://www.rfc-editor.org/rfc/rfc7946">RFC 7946</a>), checking every feature and reporting
 * all problems at once.
 *
 * <p>Each feature needs the properties {@code id} (non-empty string, unique in the file), {@code
 * name} (non-empty string) and {@code kind} (a {@link VenueKind} code), and may have {@code
 * buffer_m} (metres, 0 to {@value #MAX_BUFFER_METERS}). Its geometry must be a Point, MultiPoint,
 * LineString, MultiLineString, Polygon or MultiPolygon in lon/lat degrees, with valid polygons.
 * Problem messages count features from 0, as in the file's {@code features} array.
 */
public final class VenueCatalog {

  /**
   * The largest accepted {@code buffer_m}, in metres: a venue zone is a neighbourhood, not a city.
   */
  public static final double MAX_BUFFER_METERS = 5000;

  static final List<String> GEOMETRY_TYPES =
      List.of("Point", "MultiPoint", "LineString", "MultiLineString", "Polygon", "MultiPolygon");

  private static final int MAX_VALUE_CHARS = 60;

  private static final ObjectMapper JSON =
      JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

  private VenueCatalog() {}

  /**
   * Reads and checks a venues file.
   *
   * @param file a GeoJSON FeatureCollection of venues
   * @param defaultBufferMeters the buffer, in metres, for features without {@code buffer_m}
   * @return the venues in file order, immutable
   * @throws VenueFileException listing every problem found
   */
  public static List<Venue> read(Path file, double defaultBufferMeters) {
    if (!(defaultBufferMeters >= 0 && defaultBufferMeters <= MAX_BUFFER_METERS)) {
      throw new IllegalArgumentException(
          "default venue buffer is "
              + defaultBufferMeters
              + " m; accepted: 0 to "
              + fmt(MAX_BUFFER_METERS)
              + " m");
    }
    String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
    JsonNode root = parse(file, name);
    JsonNode features = root.get("features");
    if (!root.isObject()
        || !"FeatureCollection".equals(root.path("type").asText(null))
        || features == null
        || !features.isArray()) {
      throw single(name, name + " is not a GeoJSON FeatureCollection: " + describeRoot(root));
    }
    if (features.isEmpty()) {
      throw single(
          name,
          name + " has no features; accepted: a FeatureCollection with at least one venue feature");
    }

    var reader = new FeatureReader(name, defaultBufferMeters);
    List<Venue> venues = new ArrayList<>();
    for (int i = 0; i < features.size(); i++) {
      Venue venue = reader.read(i, features.get(i));
      if (venue != null) {
        venues.add(venue);
      }
    }
    if (!reader.problems.isEmpty()) {
      throw new VenueFileException(name, reader.problems);
    }
    return List.copyOf(venues);
  }

  /**
   * The venues whose ids are selected, in catalog order; an empty selection selects all.
   *
   * @throws IllegalArgumentException naming the unknown ids and the known ones
   */
  public static List<Venue> filter(List<Venue> venues, Collection<String> ids) {
    if (ids.isEmpty()) {
      return List.copyOf(venues);
    }
    Set<String> known = venues.stream().map(Venue::id).collect(Collectors.toSet());
    Set<String> unknown = new LinkedHashSet<>();
    for (String id : ids) {
      if (!known.contains(id)) {
        unknown.add(id);
      }
    }
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException(
          (unknown.size() == 1 ? "unknown venue id " : "unknown venue ids ")
              + unknown.stream().map(VenueCatalog::quote).collect(Collectors.joining(", "))
              + "; known: "
              + venues.stream().map(Venue::id).collect(Collectors.joining(", ")));
    }
    Set<String> selected = Set.copyOf(ids);
    return venues.stream().filter(v -> selected.contains(v.id())).toList();
  }

  private static JsonNode parse(Path file, String name) {
    if (!Files.exists(file)) {
      throw single(name, "venues file " + file + " does not exist");
    }
    if (!Files.isRegularFile(file)) {
      throw single(name, "venues file " + file + " is not a regular file");
    }
    try {
      JsonNode root = JSON.readTree(file.toFile());
      if (root == null || root.isMissingNode()) {
        throw single(name, name + " is empty; accepted: a GeoJSON FeatureCollection");
      }
      return root;
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      String where =
          at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
      throw single(name, name + " is not valid JSON" + where + ": " + e.getOriginalMessage());
    } catch (IOException e) {
      throw single(name, "venues file " + file + " could not be read: " + e.getMessage());
    }
  }

  private static String describeRoot(JsonNode root) {
    String accepted =
        "; accepted: an object with \"type\": \"FeatureCollection\" and a \"features\" array"
            + " (RFC 7946 section 3.3)";
    if (!root.isObject()) {
      return "its top level is " + jsonKind(root) + accepted;
    }
    JsonNode type = root.get("type");
    if (type == null) {
      return "it has no \"type\"" + accepted;
    }
    if (!"FeatureCollection".equals(type.asText(null))) {
      return "its \"type\" is " + show(type) + accepted;
    }
    JsonNode features = root.get("features");
    return (features == null
            ? "it has no \"features\""
            : "its \"features\" is " + jsonKind(features))
        + accepted;
  }

  private static VenueFileException single(String name, String problem) {
    return new VenueFileException(name, List.of(problem));
  }

  /** Checks one feature, collecting its problems; keeps the state that spans features. */
  private static final class FeatureReader {
    private final String fileName;
    private final double defaultBufferMeters;
    private final List<String> problems = new ArrayList<>();
    private final Map<String, Integer> firstIndexOfId = new HashMap<>();
    private final GeoJsonReader geoJson =
        new GeoJsonReader(new GeometryFactory(new PrecisionModel(), 4326));

    FeatureReader(String fileName, double defaultBufferMeters) {
      this.fileName = fileName;
      this.defaultBufferMeters = defaultBufferMeters;
    }

    /** The venue, or null when the feature has problems (they are recorded). */
    Venue read(int index, JsonNode feature) {
      int before = problems.size();
      String where = fileName + " feature " + index;
      if (!feature.isObject()) {
        problems.add(where + ": is " + jsonKind(feature) + "; accepted: a GeoJSON Feature object");
        return null;
      }
      JsonNode properties = feature.path("properties");
      JsonNode idNode = properties.get("id");
      String id = nonEmptyText(idNode);
      if (id != null) {
        where += " (id " + quote(id) + ")";
      }
      String prefix = where + ": ";

      JsonNode type = feature.get("type");
      if (type == null || !"Feature".equals(type.asText(null))) {
        problems.add(
            prefix
                + "type is "
                + showOrMissing(type)
                + "; accepted: \"Feature\" (RFC 7946 section 3.2)");
      }
      if (!properties.isObject()) {
        problems.add(
            prefix
                + "properties is "
                + showOrMissing(feature.get("properties"))
                + "; accepted: an object with id, name, kind and optionally buffer_m");
        return null;
      }

      if (id == null) {
        problems.add(prefix + "id is " + showOrMissing(idNode) + "; accepted: a non-empty string");
      } else {
        Integer first = firstIndexOfId.putIfAbsent(id, index);
        if (first != null) {
          problems.add(
              prefix
                  + "id "
                  + quote(id)
                  + " is already used by feature "
                  + first
                  + "; accepted: ids unique in the file");
        }
      }

      JsonNode nameNode = properties.get("name");
      String name = nonEmptyText(nameNode);
      if (name == null) {
        problems.add(
            prefix + "name is " + showOrMissing(nameNode) + "; accepted: a non-empty string");
      }

      JsonNode kindNode = properties.get("kind");
      VenueKind kind =
          kindNode != null && kindNode.isTextual()
              ? VenueKind.fromCode(kindNode.textValue()).orElse(null)
              : null;
      if (kind == null) {
        problems.add(
            prefix + "kind is " + showOrMissing(kindNode) + "; accepted: " + VenueKind.accepted());
      }

      double buffer = readBuffer(prefix, properties.get("buffer_m"));
      Geometry geometry = readGeometry(prefix, feature.get("geometry"));

      if (problems.size() > before) {
        return null;
      }
      return new Venue(id, name, kind, buffer, geometry);
    }

    private double readBuffer(String prefix, JsonNode node) {
      if (node == null || node.isNull()) {
        return defaultBufferMeters;
      }
      if (node.isNumber()) {
        double value = node.doubleValue();
        if (value >= 0 && value <= MAX_BUFFER_METERS) {
          return value;
        }
      }
      problems.add(
          prefix
              + "buffer_m is "
              + show(node)
              + "; accepted: a number of metres from 0 to "
              + fmt(MAX_BUFFER_METERS)
              + ", or no buffer_m for the default of "
              + fmt(defaultBufferMeters));
      return 0;
    }

    private Geometry readGeometry(String prefix, JsonNode node) {
      String accepted = "; accepted: " + String.join(", ", GEOMETRY_TYPES);
      if (node == null || node.isNull()) {
        problems.add(prefix + "geometry is " + showOrMissing(node) + accepted);
        return null;
      }
      if (!node.isObject()) {
        problems.add(prefix + "geometry is " + show(node) + accepted + " geometry objects");
        return null;
      }
      JsonNode type = node.get("type");
      if (type == null || !type.isTextual() || !GEOMETRY_TYPES.contains(type.textValue())) {
        problems.add(prefix + "geometry type is " + showOrMissing(type) + accepted);
        return null;
      }
      String typeName = type.textValue();
      Geometry geometry;
      try {
        geometry = geoJson.read(node.toString());
      } catch (Exception e) {
        // GeoJsonReader reports malformed coordinates as parse, cast or argument errors alike.
        problems.add(
            prefix
                + typeName
                + " geometry has malformed coordinates "
                + show(node.get("coordinates"))
                + " ("
                + e.getMessage()
                + "); accepted: coordinates as in RFC 7946 section 3.1");
        return null;
      }
      if (geometry.isEmpty()) {
        problems.add(
            prefix + typeName + " geometry has no coordinates; accepted: at least one position");
        return null;
      }
      if (!checkRanges(prefix, geometry)) {
        return null;
      }
      if (geometry instanceof Polygonal) {
        TopologyValidationError error = new IsValidOp(geometry).getValidationError();
        if (error != null) {
          Coordinate at = error.getCoordinate();
          problems.add(
              prefix
                  + typeName
                  + " geometry is not valid: "
                  + error.getMessage()
                  + (at == null ? "" : " at [" + degrees(at.x) + ", " + degrees(at.y) + "]")
                  + "; accepted: polygons whose rings are closed, do not cross themselves or"
                  + " each other, and whose holes lie inside their shell");
          return null;
        }
      }
      return geometry;
    }

    private boolean checkRanges(String prefix, Geometry geometry) {
      Coordinate firstBad = null;
      int bad = 0;
      for (Coordinate c : geometry.getCoordinates()) {
        if (!(c.x >= -180 && c.x <= 180 && c.y >= -90 && c.y <= 90)) {
          if (firstBad == null) {
            firstBad = c;
          }
          bad++;
        }
      }
      if (firstBad == null) {
        return true;
      }
      boolean looksSwapped = Math.abs(firstBad.x) <= 90 && Math.abs(firstBad.y) > 90;
      problems.add(
          prefix
              + "geometry coordinate ["
              + firstBad.x
              + ", "
              + firstBad.y
              + "] is out of range"
              + (bad > 1 ? " (and " + (bad - 1) + " more)" : "")
              + (looksSwapped ? ", perhaps [lat, lon] instead of [lon, lat]" : "")
              + "; accepted: [lon, lat] with lon from -180 to 180 and lat from -90 to 90");
      return false;
    }
  }

  private static String nonEmptyText(JsonNode node) {
    if (node == null || !node.isTextual() || node.textValue().isBlank()) {
      return null;
    }
    return node.textValue();
  }

  private static String showOrMissing(JsonNode node) {
    return node == null ? "missing" : show(node);
  }

  private static String show(JsonNode node) {
    String text = node.toString();
    if (text.length() > MAX_VALUE_CHARS) {
      text = text.substring(0, MAX_VALUE_CHARS) + "...";
    }
    return text;
  }

  private static String jsonKind(JsonNode node) {
    if (node.isArray()) {
      return "an array";
    }
    if (node.isObject()) {
      return "an object";
    }
    return "the value " + show(node);
  }

  private static String quote(String text) {
    return '"' + text + '"';
  }

  /** A computed position rounded to 1e-7 degrees (about 1 cm), which is all a reader needs. */
  private static String degrees(double value) {
    return BigDecimal.valueOf(value)
        .setScale(7, RoundingMode.HALF_EVEN)
        .stripTrailingZeros()
        .toPlainString();
  }

  private static String fmt(double metres) {
    return metres == Math.rint(metres) ? Long.toString((long) metres) : Double.toString(metres);
  }
}
