package org.crowdhex.output;

import com.fasterxml.jackson.core.JsonGenerator;
import com.uber.h3core.util.LatLng;
import java.io.IOException;
import java.util.List;
import org.crowdhex.density.CellWindow;
import org.crowdhex.density.VenueWindow;

/**
 * The density outputs: per cell and window ({@code cells.jsonl}, {@code cells.geojson} with the
 * hexagon as an RFC 7946 Polygon) and per venue and window ({@code venues.jsonl}). Cells are
 * written as H3 hex strings; times as UTC ISO-8601. A parent cell published for its children that
 * were below the minimum crowd carries {@code "rolled_up": true}.
 */
public final class DensityFormats {
  private DensityFormats() {}

  /** Cell windows as JSON lines. */
  public static RecordFormat<CellWindow> cellLines() {
    return c -> Json.write(g -> writeCell(g, c));
  }

  /** Cell windows as a GeoJSON FeatureCollection of hexagons. */
  public static RecordFormat<CellWindow> cellFeatures() {
    return new CellFeatures();
  }

  /** Venue windows as JSON lines. */
  public static RecordFormat<VenueWindow> venueLines() {
    return v ->
        Json.write(
            g -> {
              g.writeStartObject();
              g.writeStringField("venue", v.venue());
              g.writeStringField("window_start", Json.iso(v.windowStart()));
              g.writeStringField("window_end", Json.iso(v.windowEnd()));
              g.writeNumberField("posts", v.posts());
              g.writeNumberField("authors", v.authors());
              g.writeNumberField("cells", v.cells());
              g.writeNumberField("area_km2", Json.round(v.areaKm2(), 4));
              g.writeNumberField("density", Json.round(v.density(), 3));
              g.writeNumberField("revision", v.revision());
              g.writeEndObject();
            });
  }

  private static void writeCell(JsonGenerator g, CellWindow c) throws IOException {
    g.writeStartObject();
    g.writeStringField("cell", Long.toHexString(c.cell()));
    g.writeStringField("window_start", Json.iso(c.windowStart()));
    g.writeStringField("window_end", Json.iso(c.windowEnd()));
    g.writeNumberField("posts", c.posts());
    g.writeNumberField("authors", c.authors());
    g.writeNumberField("density", Json.round(c.density(), 3));
    g.writeArrayFieldStart("venues");
    for (String v : c.venues()) g.writeString(v);
    g.writeEndArray();
    g.writeNumberField("revision", c.revision());
    if (c.rolledUp()) g.writeBooleanField("rolled_up", true);
    g.writeEndObject();
  }

  private static final class CellFeatures extends FeatureCollectionFormat<CellWindow> {
    @Override
    public String encode(CellWindow c) {
      List<LatLng> ring = h3().cellToBoundary(c.cell());
      return Json.write(
          g -> {
            g.writeStartObject();
            g.writeStringField("type", "Feature");
            g.writeObjectFieldStart("geometry");
            g.writeStringField("type", "Polygon");
            g.writeArrayFieldStart("coordinates");
            g.writeStartArray();
            // H3 boundaries run counter-clockwise, as RFC 7946 asks of exterior rings; close it.
            for (int i = 0; i <= ring.size(); i++) {
              LatLng p = ring.get(i % ring.size());
              g.writeStartArray();
              g.writeNumber(Json.round(p.lng, 7));
              g.writeNumber(Json.round(p.lat, 7));
              g.writeEndArray();
            }
            g.writeEndArray();
            g.writeEndArray();
            g.writeEndObject();
            g.writeFieldName("properties");
            writeCell(g, c);
            g.writeEndObject();
          });
    }
  }
}
