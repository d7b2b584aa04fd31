package org.crowdhex.generate;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The benchmark week of {@link GeneratorSpec#week}: seven local days, five of them with one event
 * each and two without. A random drawn from the seed shuffles the days and picks the local times:
 *
 * <ul>
 *   <li>a match of {@value #MATCH_ATTENDANCE} attending authors, kick-off 14:30 or 20:00;
 *   <li>a flash crowd of {@value #FLASH_CROWD_AUTHORS} authors, onset on a quarter hour from 12:00
 *       to 19:45;
 *   <li>a march of {@value #MARCHERS} marchers, setting off on a quarter hour from 11:00 to 13:45;
 *   <li>a build-up of {@value #CAMP_PEOPLE} people over 4 hours from a full hour 08:00 to 11:00,
 *       holding 6 hours;
 *   <li>an outage losing 90 % of the posts for one hour, from a full hour 10:00 to 20:00.
 * </ul>
 */
final class WeekPlan {
  static final int DAYS = 7;
  static final int MATCH_ATTENDANCE = 3_000;
  static final int FLASH_CROWD_AUTHORS = 400;
  static final int MARCHERS = 300;
  static final int CAMP_PEOPLE = 300;
  static final Duration BUILD_UP_RISE = Duration.ofHours(4);
  static final Duration BUILD_UP_HOLD = Duration.ofHours(6);
  static final Duration OUTAGE_LENGTH = Duration.ofHours(1);

  /** Mixed into the seed so the week's plan is not drawn from the stream's own first numbers. */
  private static final long PLAN_SALT = 0x5EED_0F_3EE7L;

  private WeekPlan() {}

  static GeneratorSpec spec(long seed, LocalDate firstDay, ZoneId zone, WeekVenues venues) {
    if (firstDay == null || zone == null || venues == null) {
      throw new IllegalArgumentException(
          "week: firstDay, zone and venues are required; expected a date, a time zone and venues");
    }
    SplittableRandom random = new SplittableRandom(seed ^ PLAN_SALT);
    int[] day = {0, 1, 2, 3, 4, 5, 6};
    for (int i = DAYS - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int swap = day[i];
      day[i] = day[j];
      day[j] = swap;
    }
    MatchScenario match =
        new MatchScenario(
            venues.stadiumId(),
            at(
                firstDay,
                day[0],
                random.nextBoolean() ? LocalTime.of(14, 30) : LocalTime.of(20, 0),
                zone),
            MATCH_ATTENDANCE);
    List<Scenario> scenarios = new ArrayList<>();
    scenarios.add(
        new FlashCrowdScenario(
            venues.squareId(),
            at(firstDay, day[1], LocalTime.of(12, 0).plusMinutes(15L * random.nextInt(32)), zone),
            FLASH_CROWD_AUTHORS));
    scenarios.add(
        new MarchScenario(
            venues.routeId(),
            at(firstDay, day[2], LocalTime.of(11, 0).plusMinutes(15L * random.nextInt(12)), zone),
            MARCHERS));
    scenarios.add(
        new BuildUpScenario(
            venues.campId(),
            at(firstDay, day[3], LocalTime.of(8 + random.nextInt(4), 0), zone),
            BUILD_UP_RISE,
            CAMP_PEOPLE,
            BUILD_UP_HOLD));
    scenarios.add(
        new OutageScenario(
            at(firstDay, day[4], LocalTime.of(10 + random.nextInt(11), 0), zone), OUTAGE_LENGTH));
    return GeneratorSpec.eventFree(seed, firstDay, DAYS, zone)
        .withMatches(List.of(match))
        .withScenarios(scenarios);
  }

  private static java.time.Instant at(LocalDate first, int day, LocalTime time, ZoneId zone) {
    return ZonedDateTime.of(first.plusDays(day), time, zone).toInstant();
  }
}
