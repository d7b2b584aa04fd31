package org.crowdhex.output;

import com.uber.h3core.H3Core;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * A GeoJSON FeatureCollection (RFC 7946) written one Feature per record, for outputs whose geometry
 * comes from H3 cells. The H3 facade is made on first use in the task, not shipped.
 */
abstract class FeatureCollectionFormat<T> implements RecordFormat<T> {
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

  protected H3Core h3() {
    if (h3 == null) {
      try {
        h3 = H3Core.newInstance();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot load the H3 native library", e);
      }
    }
    return h3;
  }
}
