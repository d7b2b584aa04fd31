package org.crowdhex.post;

/**
 * A fast reader for the one time form most exports use, {@code 2026-04-19T12:03:44.120Z} (UTC,
 * seconds and fraction optional). {@code Instant.parse} costs about a microsecond a post through
 * its general formatter; this costs a few tens of nanoseconds. Anything else — offsets, local
 * times, leap seconds, odd widths — returns {@link #NOT_THIS_FORM} and goes to the general path,
 * which also gives the error messages.
 */
final class UtcTimestamps {
  static final long NOT_THIS_FORM = Long.MIN_VALUE;

  private UtcTimestamps() {}

  /** Epoch milliseconds (fraction beyond milliseconds truncated), or {@link #NOT_THIS_FORM}. */
  static long parse(String s) {
    int n = s.length();
    if (n < 17 || s.charAt(n - 1) != 'Z') return NOT_THIS_FORM;
    if (s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T' || s.charAt(13) != ':') {
      return NOT_THIS_FORM;
    }
    int year = digits(s, 0, 4);
    int month = digits(s, 5, 2);
    int day = digits(s, 8, 2);
    int hour = digits(s, 11, 2);
    int minute = digits(s, 14, 2);
    int second = 0;
    int millis = 0;
    int i = 16;
    if (i < n - 1) {
      if (s.charAt(i) != ':' || i + 3 > n - 1) return NOT_THIS_FORM;
      second = digits(s, i + 1, 2);
      i += 3;
      if (i < n - 1) {
        if (s.charAt(i) != '.') return NOT_THIS_FORM;
        int fraction = n - 1 - (i + 1);
        if (fraction < 1 || fraction > 9) return NOT_THIS_FORM;
        int ms = 0;
        for (int k = 0; k < 3; k++) {
          int d = k < fraction ? digit(s.charAt(i + 1 + k)) : 0;
          if (d < 0) return NOT_THIS_FORM;
          ms = ms * 10 + d;
        }
        for (int k = 3; k < fraction; k++) {
          if (digit(s.charAt(i + 1 + k)) < 0) return NOT_THIS_FORM;
        }
        millis = ms;
      }
    }
    if (year < 0 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
      return NOT_THIS_FORM;
    }
    if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
      return NOT_THIS_FORM;
    }
    long days = daysFromCivil(year, month, day);
    return ((days * 24 + hour) * 60 + minute) * 60_000L + second * 1000L + millis;
  }

  private static int digits(String s, int from, int count) {
    int v = 0;
    for (int k = 0; k < count; k++) {
      int d = digit(s.charAt(from + k));
      if (d < 0) return -1_000_000;
      v = v * 10 + d;
    }
    return v;
  }

  private static int digit(char c) {
    return c >= '0' && c <= '9' ? c - '0' : -1;
  }

  private static int daysInMonth(int year, int month) {
    return switch (month) {
      case 2 -> (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
      case 4, 6, 9, 11 -> 30;
      default -> 31;
    };
  }

  /** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
  private static long daysFromCivil(int y, int m, int d) {
    y -= m <= 2 ? 1 : 0;
    long era = Math.floorDiv(y, 400);
    long yoe = y - era * 400;
    long doy = (153L * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
  }
}
