package org.crowdhex.generate;

import java.time.LocalDate;

/**
 * Formats epoch milliseconds as ISO-8601 UTC with exactly three fraction digits, {@code
 * 2026-04-19T12:03:44.120Z}, as the Post contract asks ({@link java.time.Instant#toString} drops
 * the millis when they are zero). It reuses one buffer and recomputes the date only when the day
 * changes, which matters at millions of posts; one instance is not thread-safe. Years 0–9999 only.
 */
final class IsoMillis {
  static final int LENGTH = 24;
  private static final long DAY_MILLIS = 86_400_000L;

  private final char[] buffer = new char[LENGTH];
  private long cachedDay = Long.MIN_VALUE;

  static String format(long epochMillis) {
    return new String(new IsoMillis().write(epochMillis));
  }

  /** Returns the reused buffer holding the {@value #LENGTH} characters of the time. */
  char[] write(long epochMillis) {
    long day = Math.floorDiv(epochMillis, DAY_MILLIS);
    if (day != cachedDay) {
      LocalDate date = LocalDate.ofEpochDay(day);
      int year = date.getYear();
      if (year < 0 || year > 9999) {
        throw new IllegalArgumentException(
            "time " + epochMillis + " ms lies in year " + year + "; expected years 0 to 9999");
      }
      digits(year, 0, 4);
      buffer[4] = '-';
      digits(date.getMonthValue(), 5, 2);
      buffer[7] = '-';
      digits(date.getDayOfMonth(), 8, 2);
      buffer[10] = 'T';
      buffer[13] = ':';
      buffer[16] = ':';
      buffer[19] = '.';
      buffer[23] = 'Z';
      cachedDay = day;
    }
    int ms = (int) Math.floorMod(epochMillis, DAY_MILLIS);
    digits(ms / 3_600_000, 11, 2);
    digits(ms / 60_000 % 60, 14, 2);
    digits(ms / 1000 % 60, 17, 2);
    digits(ms % 1000, 20, 3);
    return buffer;
  }

  private void digits(int value, int offset, int width) {
    for (int i = offset + width - 1; i >= offset; i--) {
      buffer[i] = (char) ('0' + value % 10);
      value /= 10;
    }
  }
}
