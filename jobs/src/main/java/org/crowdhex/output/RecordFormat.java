package org.crowdhex.output;

import java.io.Serializable;

/**
 * How records of one kind are written to a text file: JSON lines (no header, one record a line) or
 * a GeoJSON FeatureCollection (a header, features separated by commas, a footer). Implementations
 * are plain Java; the job's file sink drives them.
 */
public interface RecordFormat<T> extends Serializable {

  /** Text before the first record. */
  default String header() {
    return "";
  }

  /** Text between two records. */
  default String separator() {
    return "\n";
  }

  /** Text after the last record (also written for an empty file). */
  default String footer() {
    return "\n";
  }

  /** One record, without separator. */
  String encode(T record);
}
