package org.crowdhex.output;

import org.crowdhex.alert.AlertRecord;
import org.crowdhex.density.VenueScore;

/**
 * The alerts output: one record per alert change ({@code alerts.jsonl}) and the same with the
 * incident's cells as a MultiPolygon ({@code alerts.geojson}).
 */
public final class AlertFormats {
  private AlertFormats() {}

  public static RecordFormat<AlertRecord> lines() {
    return AlertRecord::toJson;
  }

  /** The strongest scan score of each venue and window ({@code scores.jsonl}). */
  public static RecordFormat<VenueScore> scoreLines() {
    return v ->
        Json.write(
            g -> {
              g.writeStartObject();
              g.writeStringField("venue", v.venue());
              g.writeStringField("window_start", Json.iso(v.windowStart()));
              g.writeStringField("window_end", Json.iso(v.windowEnd()));
              g.writeNumberField("score", Json.round(v.score(), 3));
              g.writeEndObject();
            });
  }

  public static RecordFormat<AlertRecord> features() {
    return new FeatureCollectionFormat<>() {
      @Override
      public String encode(AlertRecord r) {
        return r.toGeoJson(h3());
      }
    };
  }
}
