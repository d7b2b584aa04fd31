package org.crowdhex.post;

import com.fasterxml.jackson.core.io.NumberInput;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;

/**
 * The checks every decoder applies to the raw fields of a line, whatever its format, so that a JSON
 * line and a CSV row with the same values are accepted or rejected alike.
 */
final class PostFields {
  private static final BigDecimal MAX_EPOCH_SECONDS = BigDecimal.valueOf(Long.MAX_VALUE / 1000);

  private final PostSchema schema;
  private final DateTimeFormatter pattern;

  PostFields(PostSchema schema) {
    this.schema = schema;
    this.pattern =
        schema.timeFormat().kind() == TimeFormat.Kind.PATTERN
            ? DateTimeFormatter.ofPattern(schema.timeFormat().pattern(), Locale.ROOT)
            : null;
  }

  /**
   * Builds a post from the raw text of its fields (null when a field is absent), or says why not.
   *
   * @param origin where the line came from; stands in for an absent id or author
   */
  Post build(
      String origin,
      String id,
      String author,
      String time,
      String latText,
      String lonText,
      String platform,
      String lang,
      String text)
      throws PostRejected {
    FieldMapping f = schema.fields();
    if (isBlank(time)) throw missing(f.time(), "time");
    double lat = coordinate(latText, f.lat(), "lat");
    double lon = coordinate(lonText, f.lon(), "lon");
    if (!Double.isFinite(lat)) throw notFinite("lat", lat);
    if (!Double.isFinite(lon)) throw notFinite("lon", lon);
    if (lat < -90 || lat > 90) {
      throw new PostRejected(
          RejectReason.LAT_OUT_OF_RANGE,
          "lat",
          "lat is " + lat + "; accepted: a latitude in degrees within [-90, 90]");
    }
    if (lon < -180 || lon > 180) {
      throw new PostRejected(
          RejectReason.LON_OUT_OF_RANGE,
          "lon",
          "lon is " + lon + "; accepted: a longitude in degrees within [-180, 180]");
    }
    if (lat == 0 && lon == 0) {
      throw new PostRejected(
          RejectReason.NULL_ISLAND,
          "lat",
          "lat, lon is exactly (0, 0); accepted: a real position (0, 0 is what a broken"
              + " geotagger reports)");
    }
    long millis = parseTime(time);
    if (!schema.timeRange().contains(millis)) {
      throw new PostRejected(
          RejectReason.OUT_OF_TIME_RANGE,
          "time",
          "time is "
              + Instant.ofEpochMilli(millis)
              + "; accepted: "
              + schema.timeRange().describe()
              + " (the plan's time_range)");
    }
    String postId = isBlank(id) ? origin : id;
    // Without an author every post counts as its own author: the line's origin is unique.
    String postAuthor = isBlank(author) ? "#" + origin : author;
    return new Post(
        postId, postAuthor, millis, lat, lon, blankToNull(platform), blankToNull(lang), text);
  }

  private static double coordinate(String text, String sourceField, String field)
      throws PostRejected {
    String t = text == null ? "" : text.trim();
    if (t.isEmpty()) throw missing(sourceField, field);
    try {
      if (!isDecimal(t) && !isNonFinite(t)) throw new NumberFormatException(t);
      // Jackson's fast parser: the same double as Double.parseDouble, several times quicker.
      return NumberInput.parseDouble(t, true);
    } catch (NumberFormatException e) {
      throw new PostRejected(
          RejectReason.NOT_A_NUMBER,
          field,
          field
              + " (field \""
              + sourceField
              + "\") is \""
              + clip(t)
              + "\"; accepted: a number in decimal degrees");
    }
  }

  private long parseTime(String text) throws PostRejected {
    String t = text.trim();
    try {
      switch (schema.timeFormat().kind()) {
        case EPOCH_MS:
          return Long.parseLong(t);
        case EPOCH_S:
          return epochSeconds(t);
        case PATTERN:
          return patternTime(t);
        case AUTO:
        default:
          return isoTime(t);
      }
    } catch (DateTimeException | NumberFormatException | ArithmeticException e) {
      // ArithmeticException: a time beyond the range of epoch milliseconds
      throw new PostRejected(
          RejectReason.BAD_TIME,
          "time",
          "time is \"" + clip(t) + "\"; accepted: " + describeTimeFormat());
    }
  }

  private long isoTime(String t) {
    long fast = UtcTimestamps.parse(t);
    if (fast != UtcTimestamps.NOT_THIS_FORM) return fast;
    if (isInteger(t)) return Long.parseLong(t); // epoch milliseconds
    try {
      return OffsetDateTime.parse(t).toInstant().toEpochMilli();
    } catch (DateTimeParseException e) {
      return LocalDateTime.parse(t).atZone(schema.zone()).toInstant().toEpochMilli();
    }
  }

  private long patternTime(String t) {
    TemporalAccessor parsed = pattern.parse(t);
    if (parsed.isSupported(ChronoField.OFFSET_SECONDS)) {
      return OffsetDateTime.from(parsed).toInstant().toEpochMilli();
    }
    try {
      return ZonedDateTime.from(parsed).toInstant().toEpochMilli();
    } catch (DateTimeException e) {
      return LocalDateTime.from(parsed).atZone(schema.zone()).toInstant().toEpochMilli();
    }
  }

  private String describeTimeFormat() {
    return switch (schema.timeFormat().kind()) {
      case AUTO ->
          "ISO-8601 such as 2026-04-19T14:30:00Z (local times are read in "
              + schema.zone()
              + ") or epoch milliseconds";
      case EPOCH_MS -> "epoch milliseconds";
      case EPOCH_S -> "epoch seconds";
      case PATTERN ->
          "a time in the pattern \""
              + schema.timeFormat().pattern()
              + "\" (zone "
              + schema.zone()
              + ")";
    };
  }

  /**
   * Epoch seconds, possibly with a fraction, to the nearest millisecond. Exact (no binary rounding)
   * and strict: NaN, infinities and Java's hexadecimal or suffixed forms are not times.
   */
  private static long epochSeconds(String t) {
    if (!isDecimal(t)) throw new NumberFormatException(t);
    BigDecimal seconds = new BigDecimal(t);
    if (seconds.abs().compareTo(MAX_EPOCH_SECONDS) > 0) throw new ArithmeticException(t);
    return seconds.movePointRight(3).setScale(0, RoundingMode.HALF_UP).longValueExact();
  }

  /**
   * Whether the text is a plain decimal number such as {@code -12.5} or {@code 1e3}, unlike the
   * other forms {@link Double#parseDouble} takes ({@code 0x1p3}, {@code 52.1d}).
   */
  private static boolean isDecimal(String t) {
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      if ((c < '0' || c > '9') && c != '.' && c != '-' && c != '+' && c != 'e' && c != 'E') {
        return false;
      }
    }
    return true;
  }

  /** NaN and the infinities, which parse as numbers but are rejected as not finite. */
  private static boolean isNonFinite(String t) {
    return t.equals("NaN")
        || t.equals("Infinity")
        || t.equals("-Infinity")
        || t.equals("+Infinity");
  }

  private static boolean isInteger(String t) {
    int start = t.startsWith("-") ? 1 : 0;
    if (t.length() == start) return false;
    for (int i = start; i < t.length(); i++) {
      if (!Character.isDigit(t.charAt(i))) return false;
    }
    return true;
  }

  static PostRejected missing(String sourceField, String field) {
    return new PostRejected(
        RejectReason.MISSING_FIELD,
        field,
        field + " (field \"" + sourceField + "\") is missing or empty; accepted: a value");
  }

  private static PostRejected notFinite(String field, double v) {
    return new PostRejected(
        RejectReason.NOT_FINITE, field, field + " is " + v + "; accepted: a finite number");
  }

  static boolean isBlank(String s) {
    return s == null || s.isBlank();
  }

  private static String blankToNull(String s) {
    return isBlank(s) ? null : s;
  }

  static String clip(String s) {
    return s.length() <= 60 ? s : s.substring(0, 60) + "…";
  }
}
