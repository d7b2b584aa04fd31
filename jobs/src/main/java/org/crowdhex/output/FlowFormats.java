package org.crowdhex.output;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import org.crowdhex.flow.FlowLocation;
import org.crowdhex.flow.FlowWindow;
import org.crowdhex.flow.FlowZones;
import org.crowdhex.flow.ZoneFlowWindow;

/**
 * The flows outputs: per flow edge and window as JSON lines ({@code flows/flows.jsonl}) and as
 * GeoJSON LineStrings from the origin zone's centre to the destination's ({@code
 * flows/flows.geojson}); per zone and window ({@code flows/zones.jsonl}, inflow and outflow); and
 * the <a href="https://flowmap.blue">flowmap</a> data model that flow-map tools open: {@code
 * flows/locations.csv} ({@code id,name,lat,lon}) and {@code flows/flows.csv} ({@code
 * origin,dest,count,time}, count = distinct authors, time = window start in UTC ISO-8601).
 *
 * <p>Beside each window's tiles goes the window's flows document ({@link #windowDocument}): its
 * flows as LineStrings and each zone's inflow and outflow.
 *
 * <p>These formats write what they are given: filter the records through the minimum crowd first.
 */
public final class FlowFormats {
  private FlowFormats() {}

  /** Flow edges per window as JSON lines. */
  public static RecordFormat<FlowWindow> edgeLines() {
    return f -> Json.write(g -> writeEdge(g, f));
  }

  /**
   * Flow edges per window as a GeoJSON FeatureCollection of LineStrings between zone centres, with
   * the fields of {@link #edgeLines()} as properties.
   */
  public static RecordFormat<FlowWindow> edgeFeatures(FlowZones zones) {
    return new EdgeFeatures(zones);
  }

  /**
   * Inflow and outflow per zone and window as JSON lines; a figure held back by the minimum crowd
   * ({@link ZoneFlowWindow#SUPPRESSED}) is written as null.
   */
  public static RecordFormat<ZoneFlowWindow> zoneLines() {
    return z ->
        Json.write(
            g -> {
              g.writeStartObject();
              g.writeStringField("zone", z.zone());
              g.writeStringField("window_start", Json.iso(z.windowStart()));
              g.writeStringField("window_end", Json.iso(z.windowEnd()));
              writeFigure(g, "inflow", z.inflow());
              writeFigure(g, "outflow", z.outflow());
              g.writeNumberField("revision", z.revision());
              g.writeEndObject();
            });
  }

  /** The flowmap {@code flows.csv}: {@code origin,dest,count,time}, one row per edge and window. */
  public static RecordFormat<FlowWindow> flowmapFlows() {
    return new RecordFormat<>() {
      @Override
      public String header() {
        return "origin,dest,count,time\n";
      }

      @Override
      public String encode(FlowWindow f) {
        return csv(f.origin())
            + ","
            + csv(f.destination())
            + ","
            + f.authors()
            + ","
            + Json.iso(f.windowStart());
      }
    };
  }

  /** The flowmap {@code locations.csv}: {@code id,name,lat,lon}, one row per zone. */
  public static String flowmapLocations(Collection<FlowLocation> locations) {
    StringBuilder out = new StringBuilder("id,name,lat,lon\n");
    for (FlowLocation l : locations) {
      out.append(csv(l.id()))
          .append(',')
          .append(csv(l.name()))
          .append(',')
          .append(plain(Json.round(l.lat(), 7)))
          .append(',')
          .append(plain(Json.round(l.lon(), 7)))
          .append('\n');
    }
    return out.toString();
  }

  /**
   * The flows of one window as a GeoJSON FeatureCollection for a map: one LineString per flow from
   * the origin zone's centre to the destination's (properties {@code origin}, {@code destination},
   * their {@code origin_name} and {@code destination_name}, {@code authors} and {@code moves}),
   * strongest first, and a foreign member {@code zones}: per zone with a published figure its
   * {@code zone}, {@code name}, {@code lon}, {@code lat}, {@code inflow} and {@code outflow} (null
   * when held back by the minimum crowd), by zone id. The same records give the same bytes.
   *
   * @param flows the window's published flows, in any order
   * @param zoneFlows the window's published inflows and outflows, in any order
   */
  public static String windowDocument(
      Collection<FlowWindow> flows, Collection<ZoneFlowWindow> zoneFlows, FlowZones zones) {
    List<FlowWindow> edges =
        flows.stream()
            .sorted(
                Comparator.comparingInt(FlowWindow::authors)
                    .reversed()
                    .thenComparing(FlowWindow::origin)
                    .thenComparing(FlowWindow::destination))
            .toList();
    List<ZoneFlowWindow> byZone =
        zoneFlows.stream().sorted(Comparator.comparing(ZoneFlowWindow::zone)).toList();
    return Json.write(
            g -> {
              g.writeStartObject();
              g.writeStringField("type", "FeatureCollection");
              g.writeArrayFieldStart("features");
              for (FlowWindow f : edges) {
                FlowLocation from = zones.location(f.origin());
                FlowLocation to = zones.location(f.destination());
                g.writeStartObject();
                g.writeStringField("type", "Feature");
                g.writeFieldName("geometry");
                writeLine(g, from, to);
                g.writeObjectFieldStart("properties");
                g.writeStringField("origin", f.origin());
                g.writeStringField("destination", f.destination());
                g.writeStringField("origin_name", from.name());
                g.writeStringField("destination_name", to.name());
                g.writeNumberField("authors", f.authors());
                g.writeNumberField("moves", f.moves());
                g.writeEndObject();
                g.writeEndObject();
              }
              g.writeEndArray();
              g.writeArrayFieldStart("zones");
              for (ZoneFlowWindow z : byZone) {
                FlowLocation at = zones.location(z.zone());
                g.writeStartObject();
                g.writeStringField("zone", z.zone());
                g.writeStringField("name", at.name());
                g.writeNumberField("lon", Json.round(at.lon(), 7));
                g.writeNumberField("lat", Json.round(at.lat(), 7));
                writeFigure(g, "inflow", z.inflow());
                writeFigure(g, "outflow", z.outflow());
                g.writeEndObject();
              }
              g.writeEndArray();
              g.writeEndObject();
            })
        + "\n";
  }

  private static void writeEdge(JsonGenerator g, FlowWindow f) throws IOException {
    g.writeStartObject();
    g.writeStringField("origin", f.origin());
    g.writeStringField("destination", f.destination());
    g.writeStringField("window_start", Json.iso(f.windowStart()));
    g.writeStringField("window_end", Json.iso(f.windowEnd()));
    g.writeNumberField("authors", f.authors());
    g.writeNumberField("moves", f.moves());
    g.writeNumberField("revision", f.revision());
    g.writeEndObject();
  }

  private static void writeFigure(JsonGenerator g, String field, int value) throws IOException {
    if (value == ZoneFlowWindow.SUPPRESSED) {
      g.writeNullField(field);
    } else {
      g.writeNumberField(field, value);
    }
  }

  /** A number without an exponent, as every CSV reader takes it: 0.0001, not 1.0E-4. */
  private static String plain(double v) {
    return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
  }

  /** A CSV field (RFC 4180): quoted when it holds a comma, a quote or a line break. */
  static String csv(String s) {
    if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
      return s;
    }
    return '"' + s.replace("\"", "\"\"") + '"';
  }

  private static final class EdgeFeatures implements RecordFormat<FlowWindow> {
    private static final long serialVersionUID = 1L;
    private final FlowZones zones;

    EdgeFeatures(FlowZones zones) {
      this.zones = zones;
    }

    @Override
    public String header() {
      return "{\"type\":\"FeatureCollection\",\"features\":[\n";
    }

    @Override
    public String separator() {
      return ",\n";
    }

    @Override
    public String footer() {
      return "\n]}\n";
    }

    @Override
    public String encode(FlowWindow f) {
      FlowLocation from = zones.location(f.origin());
      FlowLocation to = zones.location(f.destination());
      return Json.write(
          g -> {
            g.writeStartObject();
            g.writeStringField("type", "Feature");
            g.writeFieldName("geometry");
            writeLine(g, from, to);
            g.writeFieldName("properties");
            writeEdge(g, f);
            g.writeEndObject();
          });
    }
  }

  /** A GeoJSON LineString from one zone centre to another. */
  private static void writeLine(JsonGenerator g, FlowLocation from, FlowLocation to)
      throws IOException {
    g.writeStartObject();
    g.writeStringField("type", "LineString");
    g.writeArrayFieldStart("coordinates");
    for (FlowLocation l : new FlowLocation[] {from, to}) {
      g.writeStartArray();
      g.writeNumber(Json.round(l.lon(), 7));
      g.writeNumber(Json.round(l.lat(), 7));
      g.writeEndArray();
    }
    g.writeEndArray();
    g.writeEndObject();
  }
}
