package org.crowdhex.alert;

import com.fasterxml.jackson.core.JsonGenerator;
import com.uber.h3core.H3Core;
import com.uber.h3core.util.LatLng;
import java.io.IOException;
import java.util.Collection;
import java.util.List;

/**
 * The outline of a set of H3 cells as an RFC 7946 MultiPolygon: neighbouring hexagons dissolved,
 * rings closed on their first position, coordinates rounded to 7 decimals (about 1 cm). Shared by
 * the GeoJSON forms of alerts.
 */
final class HexOutline {
  private HexOutline() {}

  /** Writes the {@code geometry} object of the cells' union. */
  static void write(JsonGenerator g, H3Core h3, Collection<Long> cells) throws IOException {
    List<List<List<LatLng>>> polygons = h3.cellsToMultiPolygon(cells, true);
    g.writeStartObject();
    g.writeStringField("type", "MultiPolygon");
    g.writeArrayFieldStart("coordinates");
    for (List<List<LatLng>> polygon : polygons) {
      g.writeStartArray();
      for (List<LatLng> ring : polygon) {
        g.writeStartArray();
        for (LatLng p : ring) position(g, p);
        // RFC 7946 rings end on their first position; write it again only if H3 did not already.
        if (!ring.isEmpty() && !ring.get(0).equals(ring.get(ring.size() - 1))) {
          position(g, ring.get(0));
        }
        g.writeEndArray();
      }
      g.writeEndArray();
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  private static void position(JsonGenerator g, LatLng p) throws IOException {
    g.writeStartArray();
    g.writeNumber(round(p.lng, 7));
    g.writeNumber(round(p.lat, 7));
    g.writeEndArray();
  }

  /** Short, stable figures across runs and machines. */
  static double round(double v, int decimals) {
    double f = Math.pow(10, decimals);
    return Math.round(v * f) / f;
  }
}
