package org.crowdhex.post;

/** Why a line of input was not accepted as a post. The codes appear in the rejects output. */
public enum RejectReason {
  /** Not a record of the format at all: truncated JSON, binary garbage, wrong column count. */
  MALFORMED,
  /** A required field is absent or empty. */
  MISSING_FIELD,
  /** A number field that does not parse as a number. */
  NOT_A_NUMBER,
  /** NaN or an infinity in a coordinate. */
  NOT_FINITE,
  /** Latitude outside [-90, 90]. */
  LAT_OUT_OF_RANGE,
  /** Longitude outside [-180, 180]. */
  LON_OUT_OF_RANGE,
  /** Exactly (0, 0): the position a broken geotagger reports, never a real post. */
  NULL_ISLAND,
  /** A time that does not parse in the plan's time format. */
  BAD_TIME,
  /** A time outside the plan's time range. */
  OUT_OF_TIME_RANGE,
  /** A CSV file whose header lacks a column the plan's field mapping names. */
  CSV_HEADER
}
