package org.crowdhex.baseline;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * The hour of the week in local time, the slot a baseline keeps one expectation for: 0 is Monday
 * 00:00-00:59 local time, 23 Monday 23:00-23:59, 24 Tuesday 00:00, up to 167 for Sunday
 * 23:00-23:59.
 *
 * <p>Local wall-clock time is used, not UTC, because crowds follow local habits (the Saturday
 * market, the evening commute) and these move with daylight saving time. On the night the clocks go
 * forward the skipped hour (02:00 in Europe/Amsterdam) never occurs, so that week its slot gets no
 * windows; on the night they go back the repeated hour occurs twice and its slot gets twice the
 * windows. The learner counts the windows that actually fall in each slot, so both nights still
 * give correct means.
 *
 * <p>A window belongs to the hour of its <em>start</em>: the same instant the job's output and the
 * map label a window by, so "the 16:55-17:10 window" is looked up in the 16:00 slot both when
 * learning and when monitoring. The only requirement is that learning and lookup agree, and both
 * use {@link #ofWindow}.
 */
public final class HourOfWeek {
  /** Slots in a week: 7 days of 24 hours. */
  public static final int SLOTS = 168;

  private HourOfWeek() {}

  /**
   * The slot of an instant.
   *
   * @param epochMillis the instant, epoch ms
   * @param zone the time zone whose wall clock defines the week (the plan's {@code time_zone})
   * @return 0 (Monday 00:xx) to 167 (Sunday 23:xx)
   */
  public static int of(long epochMillis, ZoneId zone) {
    ZonedDateTime local = Instant.ofEpochMilli(epochMillis).atZone(zone);
    return (local.getDayOfWeek().getValue() - 1) * 24 + local.getHour();
  }

  /**
   * The slot of a window: that of its start.
   *
   * @param windowStart the window's inclusive start, epoch ms
   * @param zone the time zone whose wall clock defines the week
   * @return 0 to 167
   */
  public static int ofWindow(long windowStart, ZoneId zone) {
    return of(windowStart, zone);
  }

  /**
   * Checks a slot number given by a caller.
   *
   * @throws IllegalArgumentException naming the value and the accepted range
   */
  public static int check(int hourOfWeek) {
    if (hourOfWeek < 0 || hourOfWeek >= SLOTS) {
      throw new IllegalArgumentException(
          "hourOfWeek is "
              + hourOfWeek
              + "; accepted: a whole number from 0 (Monday 00:00 local time) to 167 (Sunday 23:00)");
    }
    return hourOfWeek;
  }

  /** A readable name such as {@code "Sunday 23:00"}, for messages and reports. */
  public static String describe(int hourOfWeek) {
    check(hourOfWeek);
    String[] days = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};
    return days[hourOfWeek / 24] + String.format(" %02d:00", hourOfWeek % 24);
  }
}
