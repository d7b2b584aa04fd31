package org.crowdhex.output;

import org.crowdhex.alert.AlertRecord;

/**
 * The alerts output: one record per alert change ({@code alerts.jsonl}) and the same with the
 * incident's cells as a MultiPolygon ({@code alerts.geojson}).
 */
public final class AlertFormats {
  private AlertFormats() {}

  public static RecordFormat<AlertRecord> lines() {
    return AlertRecord::toJson;
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
