package org.crowdhex.plan;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads and writes the durations of plans: {@code 90s}, {@code 15m}, {@code 2h}, {@code 1d}. */
public final class Durations {
  public static final String ACCEPTED =
      "a duration like 30s, 5m, 2h, 1d (or ISO-8601 such as PT5M)";
  private static final Pattern SHORT = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)");

  private Durations() {}

  /** Parses a duration, or empty when the text is none of the accepted forms. */
  public static Optional<Duration> parse(String text) {
    String t = text.trim().toLowerCase(Locale.ROOT);
    Matcher m = SHORT.matcher(t);
    if (m.matches()) {
      try {
        long n = Long.parseLong(m.group(1));
        return Optional.of(
            switch (m.group(2)) {
              case "ms" -> Duration.ofMillis(n);
              case "s" -> Duration.ofSeconds(n);
              case "m" -> Duration.ofMinutes(n);
              case "h" -> Duration.ofHours(n);
              default -> Duration.ofDays(n);
            });
      } catch (NumberFormatException | ArithmeticException e) { // beyond a long or a Duration
        return Optional.empty();
      }
    }
    try {
      return Optional.of(Duration.parse(text.trim()));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /** The shortest plan form of a duration, e.g. {@code 15m}. */
  public static String format(Duration d) {
    long ms = d.toMillis();
    if (ms % 86_400_000L == 0 && ms != 0) return ms / 86_400_000L + "d";
    if (ms % 3_600_000L == 0 && ms != 0) return ms / 3_600_000L + "h";
    if (ms % 60_000L == 0 && ms != 0) return ms / 60_000L + "m";
    if (ms % 1000L == 0) return ms / 1000L + "s";
    return ms + "ms";
  }
}
