package org.crowdhex.generate;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * What a synthetic stream contains; a spec and its seed determine the stream byte for byte.
 *
 * @param seed seed of every random draw
 * @param start first instant of the stream
 * @param duration length of the stream
 * @param zone time zone of the city, which sets the daily rhythm
 * @param population number of background authors
 * @param postsPerAuthorPerDay mean background posts per author and day (the heavy-tailed activity
 *     spreads it very unevenly)
 * @param h3Resolution H3 resolution of the cells named in the ground truth
 * @param matches stadium matches played out in the stream; each kick-off lies within the stream
 * @param scenarios the other scenarios (flash crowds, marches, build-ups, outages) played out in
 *     the stream, each starting within it; empty for a stream of matches only
 * @param bots number of automated accounts
 * @param duplicateRate share of the emitted posts that are exact re-deliveries of earlier ones
 * @param jitterMeters standard deviation of the GPS noise, per axis, in metres
 * @param maxDisorder how much later than its event time a post may be delivered, so how far behind
 *     a later post it may appear
 */
public record GeneratorSpec(
    long seed,
    Instant start,
    Duration duration,
    ZoneId zone,
    int population,
    double postsPerAuthorPerDay,
    int h3Resolution,
    List<MatchScenario> matches,
    List<Scenario> scenarios,
    int bots,
    double duplicateRate,
    double jitterMeters,
    Duration maxDisorder) {

  public static final int MAX_POPULATION = 50_000_000;
  public static final double MAX_POSTS_PER_AUTHOR_PER_DAY = 1_000;
  public static final int MAX_BOTS = 10_000;
  public static final double MAX_DUPLICATE_RATE = 0.5;
  public static final double MAX_JITTER_METERS = 1_000;
  public static final Duration MAX_DURATION = Duration.ofDays(366);
  public static final Duration MAX_DISORDER = Duration.ofHours(1);
  public static final long MAX_TARGET_POSTS = 2_000_000_000L;

  /** Defaults of {@link #demo}: a mid-sized sample of a city's geotagged posters. */
  public static final int DEMO_POPULATION = 1_500;

  public static final double DEMO_POSTS_PER_AUTHOR_PER_DAY = 4.0;
  public static final int DEMO_H3_RESOLUTION = 9;
  public static final int DEMO_BOTS = 2;
  public static final double DEMO_DUPLICATE_RATE = 0.005;
  public static final double DEMO_JITTER_METERS = 15;
  public static final Duration DEMO_MAX_DISORDER = Duration.ofSeconds(30);

  private static final Instant LAST_INSTANT = Instant.parse("9999-12-31T00:00:00Z");

  public GeneratorSpec {
    if (start == null) {
      throw new IllegalArgumentException(
          "GeneratorSpec: start is missing; expected an instant such as 2026-04-19T00:00:00Z");
    }
    if (start.isBefore(Instant.EPOCH) || start.isAfter(LAST_INSTANT)) {
      throw new IllegalArgumentException(
          "GeneratorSpec: start is " + start + "; expected an instant from 1970 to 9999");
    }
    if (duration == null
        || duration.compareTo(Duration.ofMinutes(1)) < 0
        || duration.compareTo(MAX_DURATION) > 0) {
      throw new IllegalArgumentException(
          "GeneratorSpec: duration is "
              + (duration == null ? "missing" : duration)
              + "; expected a duration from 1 minute to 366 days");
    }
    if (start.plus(duration).isAfter(LAST_INSTANT)) {
      throw new IllegalArgumentException(
          "GeneratorSpec: start plus duration is "
              + start.plus(duration)
              + "; expected the stream to end by "
              + LAST_INSTANT);
    }
    if (zone == null) {
      throw new IllegalArgumentException(
          "GeneratorSpec: zone is missing; expected the city's time zone such as Europe/Amsterdam");
    }
    if (population < 0 || population > MAX_POPULATION) {
      throw new IllegalArgumentException(
          "GeneratorSpec: population is "
              + population
              + "; expected a number of background authors from 0 to "
              + MAX_POPULATION);
    }
    if (!(postsPerAuthorPerDay > 0 && postsPerAuthorPerDay <= MAX_POSTS_PER_AUTHOR_PER_DAY)) {
      throw new IllegalArgumentException(
          "GeneratorSpec: postsPerAuthorPerDay is "
              + postsPerAuthorPerDay
              + "; expected a number above 0 and at most "
              + (int) MAX_POSTS_PER_AUTHOR_PER_DAY);
    }
    if (h3Resolution < 0 || h3Resolution > 15) {
      throw new IllegalArgumentException(
          "GeneratorSpec: h3Resolution is " + h3Resolution + "; expected an H3 resolution 0 to 15");
    }
    if (matches == null) {
      throw new IllegalArgumentException(
          "GeneratorSpec: matches is missing; expected a list, empty for a stream without events");
    }
    for (int i = 0; i < matches.size(); i++) {
      MatchScenario m = matches.get(i);
      if (m == null) {
        throw new IllegalArgumentException(
            "GeneratorSpec: matches[" + i + "] is missing; expected a match scenario");
      }
      if (m.kickOff().isBefore(start) || !m.kickOff().isBefore(start.plus(duration))) {
        throw new IllegalArgumentException(
            "GeneratorSpec: matches["
                + i
                + "].kickOff is "
                + m.kickOff()
                + "; expected a kick-off from "
                + start
                + " to before "
                + start.plus(duration));
      }
    }
    matches = List.copyOf(matches);
    if (scenarios == null) {
      throw new IllegalArgumentException(
          "GeneratorSpec: scenarios is missing; expected a list, empty for a stream of matches only");
    }
    for (int i = 0; i < scenarios.size(); i++) {
      Scenario sc = scenarios.get(i);
      if (sc == null) {
        throw new IllegalArgumentException(
            "GeneratorSpec: scenarios[" + i + "] is missing; expected a scenario");
      }
      if (sc.start().isBefore(start) || !sc.start().isBefore(start.plus(duration))) {
        throw new IllegalArgumentException(
            "GeneratorSpec: scenarios["
                + i
                + "] ("
                + sc.kind()
                + ") starts at "
                + sc.start()
                + "; expected a start from "
                + start
                + " to before "
                + start.plus(duration));
      }
    }
    scenarios = List.copyOf(scenarios);
    if (bots < 0 || bots > MAX_BOTS) {
      throw new IllegalArgumentException(
          "GeneratorSpec: bots is " + bots + "; expected a number of bots from 0 to " + MAX_BOTS);
    }
    if (!(duplicateRate >= 0 && duplicateRate <= MAX_DUPLICATE_RATE)) {
      throw new IllegalArgumentException(
          "GeneratorSpec: duplicateRate is "
              + duplicateRate
              + "; expected a share from 0 to 0.5 of the posts (0.005 is 0.5 %)");
    }
    if (!(jitterMeters >= 0 && jitterMeters <= MAX_JITTER_METERS)) {
      throw new IllegalArgumentException(
          "GeneratorSpec: jitterMeters is "
              + jitterMeters
              + "; expected a GPS noise from 0 to "
              + (int) MAX_JITTER_METERS
              + " metres");
    }
    if (maxDisorder == null
        || maxDisorder.isNegative()
        || maxDisorder.compareTo(MAX_DISORDER) > 0) {
      throw new IllegalArgumentException(
          "GeneratorSpec: maxDisorder is "
              + (maxDisorder == null ? "missing" : maxDisorder)
              + "; expected a delay from 0 seconds to 1 hour");
    }
  }

  /** A spec without other scenarios than {@code matches}. */
  public GeneratorSpec(
      long seed,
      Instant start,
      Duration duration,
      ZoneId zone,
      int population,
      double postsPerAuthorPerDay,
      int h3Resolution,
      List<MatchScenario> matches,
      int bots,
      double duplicateRate,
      double jitterMeters,
      Duration maxDisorder) {
    this(
        seed,
        start,
        duration,
        zone,
        population,
        postsPerAuthorPerDay,
        h3Resolution,
        matches,
        List.of(),
        bots,
        duplicateRate,
        jitterMeters,
        maxDisorder);
  }

  /** A spec with the demo defaults: 1,500 authors posting 4 times a day, 2 bots, H3 9. */
  public static GeneratorSpec demo(
      long seed, Instant start, Duration duration, ZoneId zone, List<MatchScenario> matches) {
    return new GeneratorSpec(
        seed,
        start,
        duration,
        zone,
        DEMO_POPULATION,
        DEMO_POSTS_PER_AUTHOR_PER_DAY,
        DEMO_H3_RESOLUTION,
        matches,
        List.of(),
        DEMO_BOTS,
        DEMO_DUPLICATE_RATE,
        DEMO_JITTER_METERS,
        DEMO_MAX_DISORDER);
  }

  /** A demo spec covering the local day (midnight to midnight in {@code zone}) of one match. */
  public static GeneratorSpec matchDay(long seed, ZoneId zone, MatchScenario match) {
    LocalDate day = match.kickOff().atZone(zone).toLocalDate();
    ZonedDateTime from = day.atStartOfDay(zone);
    ZonedDateTime to = day.plusDays(1).atStartOfDay(zone);
    return demo(seed, from.toInstant(), Duration.between(from, to), zone, List.of(match));
  }

  /**
   * A demo spec of {@code days} local days from midnight of {@code firstDay} with no events at all:
   * the background, bots and noise only, for calibrating a detector's baselines.
   */
  public static GeneratorSpec eventFree(long seed, LocalDate firstDay, int days, ZoneId zone) {
    if (days < 1 || days > MAX_DURATION.toDays()) {
      throw new IllegalArgumentException(
          "event-free days is " + days + "; expected from 1 to " + MAX_DURATION.toDays());
    }
    ZonedDateTime from = firstDay.atStartOfDay(zone);
    ZonedDateTime to = firstDay.plusDays(days).atStartOfDay(zone);
    return demo(seed, from.toInstant(), Duration.between(from, to), zone, List.of());
  }

  /**
   * A demo spec of seven local days from midnight of {@code firstDay} for the detection benchmark:
   * a stadium match, a flash crowd, a march, a build-up at a camp and an outage, each on its own
   * day, and two event-free days. Which day holds what and the times of day are drawn from the seed
   * (see {@link WeekPlan}), so one seed always gives the same week.
   */
  public static GeneratorSpec week(long seed, LocalDate firstDay, ZoneId zone, WeekVenues venues) {
    return WeekPlan.spec(seed, firstDay, zone, venues);
  }

  /** The first instant after the stream. */
  public Instant end() {
    return start.plus(duration);
  }

  /**
   * About how many posts this spec produces, duplicates included: the background from the daily
   * rhythm, the bots from their intervals and each match from its attendance. Matches near the ends
   * of the stream and attendees' absence from the background make the real count a little lower.
   */
  public double expectedPosts() {
    double background = population * postsPerAuthor();
    return (background + fixedPosts()) / (1 - duplicateRate);
  }

  /**
   * Expected background posts of one author, less those an outage loses. Outages also lose bot and
   * scenario posts in proportion to their length (an approximation that ignores when the crowds
   * post).
   */
  private double postsPerAuthor() {
    double perAuthor =
        DailyRhythm.expectedPostsPerAuthor(start, duration, zone, postsPerAuthorPerDay);
    for (Scenario sc : scenarios) {
      if (sc instanceof OutageScenario o) {
        Duration within = Duration.between(o.start(), min(o.end(), end()));
        perAuthor -=
            o.dropFraction()
                * DailyRhythm.expectedPostsPerAuthor(o.start(), within, zone, postsPerAuthorPerDay);
      }
    }
    return perAuthor;
  }

  private double fixedPosts() {
    double sum = BotAccounts.expectedPosts(bots, duration.toMillis() / 1000.0);
    for (MatchScenario m : matches) {
      sum += m.attendance() * MatchDay.EXPECTED_POSTS_PER_ATTENDEE;
    }
    for (Scenario sc : scenarios) {
      sum += sc.expectedPosts();
    }
    double kept = 1;
    for (Scenario sc : scenarios) {
      if (sc instanceof OutageScenario o) {
        double within = Duration.between(o.start(), min(o.end(), end())).toMillis();
        kept -= o.dropFraction() * within / duration.toMillis();
      }
    }
    return sum * Math.max(0, kept);
  }

  private static Instant min(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }

  /**
   * The same spec with the background population scaled so the stream holds about {@code posts}
   * posts (see {@link #expectedPosts()}). Beyond {@value #MAX_POPULATION} authors, authors post
   * more often instead.
   */
  public GeneratorSpec withTargetPosts(long posts) {
    if (posts < 1 || posts > MAX_TARGET_POSTS) {
      throw new IllegalArgumentException(
          "target posts is " + posts + "; expected from 1 to " + MAX_TARGET_POSTS);
    }
    double originals = posts * (1 - duplicateRate);
    double perAuthor = postsPerAuthor();
    double authors = (originals - fixedPosts()) / perAuthor;
    if (authors < 1) {
      throw new IllegalArgumentException(
          "target posts is "
              + posts
              + " but the bots and matches alone produce about "
              + Math.round(fixedPosts() / (1 - duplicateRate))
              + "; expected a larger target, or fewer bots or smaller crowds");
    }
    if (authors <= MAX_POPULATION) {
      return withPopulation((int) Math.round(authors));
    }
    double rate = postsPerAuthorPerDay * authors / MAX_POPULATION;
    return with(
        c -> {
          c.population = MAX_POPULATION;
          c.postsPerAuthorPerDay = rate;
        });
  }

  public GeneratorSpec withSeed(long newSeed) {
    return with(c -> c.seed = newSeed);
  }

  public GeneratorSpec withPopulation(int newPopulation) {
    return with(c -> c.population = newPopulation);
  }

  public GeneratorSpec withMatches(List<MatchScenario> newMatches) {
    return with(c -> c.matches = newMatches);
  }

  public GeneratorSpec withScenarios(List<Scenario> newScenarios) {
    return with(c -> c.scenarios = newScenarios);
  }

  public GeneratorSpec withBots(int newBots) {
    return with(c -> c.bots = newBots);
  }

  public GeneratorSpec withDuplicateRate(double newDuplicateRate) {
    return with(c -> c.duplicateRate = newDuplicateRate);
  }

  public GeneratorSpec withJitterMeters(double newJitterMeters) {
    return with(c -> c.jitterMeters = newJitterMeters);
  }

  /** The same spec naming the truth's cells at another H3 resolution. */
  public GeneratorSpec withH3Resolution(int newResolution) {
    return with(c -> c.h3Resolution = newResolution);
  }

  public GeneratorSpec withMaxDisorder(Duration newMaxDisorder) {
    return with(c -> c.maxDisorder = newMaxDisorder);
  }

  /** A copy of this spec with the parts that {@code change} sets replaced (and checked again). */
  private GeneratorSpec with(java.util.function.Consumer<Parts> change) {
    Parts c = new Parts(this);
    change.accept(c);
    return new GeneratorSpec(
        c.seed,
        c.start,
        c.duration,
        c.zone,
        c.population,
        c.postsPerAuthorPerDay,
        c.h3Resolution,
        c.matches,
        c.scenarios,
        c.bots,
        c.duplicateRate,
        c.jitterMeters,
        c.maxDisorder);
  }

  /** The parts of a spec, to change one or two of them in a copy. */
  private static final class Parts {
    long seed;
    Instant start;
    Duration duration;
    ZoneId zone;
    int population;
    double postsPerAuthorPerDay;
    int h3Resolution;
    List<MatchScenario> matches;
    List<Scenario> scenarios;
    int bots;
    double duplicateRate;
    double jitterMeters;
    Duration maxDisorder;

    Parts(GeneratorSpec s) {
      seed = s.seed;
      start = s.start;
      duration = s.duration;
      zone = s.zone;
      population = s.population;
      postsPerAuthorPerDay = s.postsPerAuthorPerDay;
      h3Resolution = s.h3Resolution;
      matches = s.matches;
      scenarios = s.scenarios;
      bots = s.bots;
      duplicateRate = s.duplicateRate;
      jitterMeters = s.jitterMeters;
      maxDisorder = s.maxDisorder;
    }
  }
}
