package org.crowdhex.post;

import java.io.Serializable;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Objects;

/**
 * How the time field of a source is written.
 *
 * <ul>
 *   <li>{@code auto} (default): ISO-8601 text (with {@code Z}, an offset, or local time in the
 *       plan's zone) or a JSON number of epoch milliseconds;
 *   <li>{@code epoch_ms} / {@code epoch_s}: a number (or numeric text) since 1970-01-01 UTC;
 *   <li>any other text: a {@link DateTimeFormatter} pattern such as {@code yyyy/M/d HH:mm:ss}, read
 *       in the plan's time zone unless the pattern has its own zone or offset.
 * </ul>
 */
public record TimeFormat(Kind kind, String pattern) implements Serializable {
  public enum Kind {
    AUTO,
    EPOCH_MS,
    EPOCH_S,
    PATTERN
  }

  public static final TimeFormat AUTO = new TimeFormat(Kind.AUTO, null);
  public static final String ACCEPTED =
      "auto, epoch_ms, epoch_s, or a date-time pattern such as \"yyyy/M/d HH:mm:ss\"";

  public TimeFormat {
    Objects.requireNonNull(kind, "kind");
    if (kind == Kind.PATTERN) {
      Objects.requireNonNull(pattern, "pattern");
    }
  }

  /**
   * Reads the plan's {@code time_format} text.
   *
   * @throws IllegalArgumentException when the text is blank or not a valid pattern
   */
  public static TimeFormat of(String text) {
    String t = text.trim();
    switch (t.toLowerCase(Locale.ROOT)) {
      case "auto", "iso", "iso8601", "iso-8601":
        return AUTO;
      case "epoch_ms", "epoch-ms", "millis":
        return new TimeFormat(Kind.EPOCH_MS, null);
      case "epoch_s", "epoch-s", "epoch", "seconds":
        return new TimeFormat(Kind.EPOCH_S, null);
      case "":
        throw new IllegalArgumentException("an empty time format");
      default:
        DateTimeFormatter.ofPattern(t, Locale.ROOT); // throws IllegalArgumentException if invalid
        return new TimeFormat(Kind.PATTERN, t);
    }
  }

  public String code() {
    return switch (kind) {
      case AUTO -> "auto";
      case EPOCH_MS -> "epoch_ms";
      case EPOCH_S -> "epoch_s";
      case PATTERN -> pattern;
    };
  }
}
