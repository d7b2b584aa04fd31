package org.crowdhex.output;

import com.uber.h3core.H3Core;
import java.io.IOException;
import java.io.UncheckedIOException;
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
    return new RecordFormat<>() {
      private transient H3Core h3;

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
      public String encode(AlertRecord r) {
        if (h3 == null) {
          try {
            h3 = H3Core.newInstance();
          } catch (IOException e) {
            throw new UncheckedIOException("cannot load the H3 native library", e);
          }
        }
        return r.toGeoJson(h3);
      }
    };
  }
}
