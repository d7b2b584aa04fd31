package org.crowdhex.generate;

import com.uber.h3core.H3Core;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;

/**
 * One stadium match played out: every attendee's posts, planned up front and kept in time order,
 * plus the ground truth of the event. The behaviour is described in {@link SyntheticStream}; the
 * numbers are the constants below.
 */
final class MatchDay {
  static final Duration ARRIVAL_WINDOW = Duration.ofHours(2);
  static final Duration EGRESS_WINDOW = Duration.ofMinutes(45);

  /** Share of attendees taken from the background population (the rest are new authors). */
  static final double REUSED_SHARE = 0.2;

  static final double P_ON_THE_WAY = 0.35;
  static final double PLAY_POSTS_MEAN = 1.2;
  static final double P_HALF_TIME = 0.25;
  static final double GOALS_MEAN = 2.6;
  static final double P_GOAL_POST = 0.2;
  static final double P_LEAVING = 0.9;
  static final double P_HOMEWARD = 0.85;
  static final double P_SAME_HUB_HOME = 0.8;

  /** Everyone posts at the hub and at the gate; the rest is by chance. */
  static final double EXPECTED_POSTS_PER_ATTENDEE =
      1
          + P_ON_THE_WAY
          + 1
          + PLAY_POSTS_MEAN
          + P_HALF_TIME
          + GOALS_MEAN * P_GOAL_POST
          + P_LEAVING
          + P_HOMEWARD;

  /** Door-to-door speed of tram, metro and walking combined. */
  static final double TRANSIT_SPEED_M_PER_S = 5;

  static final long TRANSIT_FIXED_MILLIS = Duration.ofMinutes(2).toMillis();
  static final long MIN_TRAVEL_MILLIS = Duration.ofMinutes(5).toMillis();
  static final long MAX_TRAVEL_MILLIS = Duration.ofMinutes(15).toMillis();

  /** The most a travel time varies around its mean, as a factor: 0.85 to 1.15. */
  static final double TRAVEL_SPREAD = 0.15;

  static final long LEAVING_MEAN_MILLIS = Duration.ofMinutes(8).toMillis();
  static final long LEAVING_WITHIN_MILLIS = Duration.ofMinutes(30).toMillis();
  static final long GOAL_REACTION_MEAN_MILLIS = Duration.ofSeconds(40).toMillis();
  static final long GOAL_REACTION_MAX_MILLIS = Duration.ofMinutes(5).toMillis();
  static final long BUSY_MARGIN_MILLIS = Duration.ofMinutes(10).toMillis();
  static final double ON_THE_WAY_SPREAD_M = 60;

  private final StreamSetting setting;
  private final SplittableRandom random;
  private final PostBatch posts;
  private final double[] place = new double[2];
  private final int newAuthors;
  private final GroundTruth.Event event;
  private final List<GroundTruth.Flow> flows = new ArrayList<>();
  private int[] order;
  private int cursor;

  /**
   * @param hubs transit hubs, sorted by id
   * @param passedBy the other venues, which arriving fans may pass on their way from a hub
   * @param firstNewAuthor author index of the first attendee who is not a background author
   */
  MatchDay(
      String eventId,
      MatchScenario scenario,
      VenueArea stadium,
      List<VenueArea> hubs,
      List<VenueArea> passedBy,
      BackgroundPopulation population,
      int firstNewAuthor,
      StreamSetting setting,
      H3Core h3,
      SplittableRandom random) {
    this.setting = setting;
    this.random = random;
    int attendance = scenario.attendance();
    this.posts = new PostBatch((int) Math.min(1 << 20, attendance * 8L));

    long kickOff = scenario.kickOff().toEpochMilli();
    long length = scenario.matchLength().toMillis();
    long finalWhistle = kickOff + length;
    long halfTime = length / 7; // 15 of the default 105 minutes
    long half = (length - halfTime) / 2;

    long[] goals = new long[RandomDraws.poisson(random, GOALS_MEAN)];
    for (int g = 0; g < goals.length; g++) {
      goals[g] = playTime(kickOff, half, halfTime, random.nextDouble());
    }
    Arrays.sort(goals);

    String stadiumName = stadium.venue().name();
    String tag = PostTexts.tag(stadiumName);
    String[][] onTheWay = MatchMoment.ON_THE_WAY.texts(stadiumName, "", tag);
    String[][] atGate = MatchMoment.AT_GATE.texts(stadiumName, "", tag);
    String[][] play = MatchMoment.PLAY.texts(stadiumName, "", tag);
    String[][] halfTimeTexts = MatchMoment.HALF_TIME.texts(stadiumName, "", tag);
    String[][] goal = MatchMoment.GOAL.texts(stadiumName, "", tag);
    String[][] leaving = MatchMoment.LEAVING.texts(stadiumName, "", tag);
    int hubCount = hubs.size();
    String[][][] atHub = new String[hubCount][][];
    String[][][] homeward = new String[hubCount][][];
    long[] travel = new long[hubCount];
    for (int h = 0; h < hubCount; h++) {
      VenueArea hub = hubs.get(h);
      atHub[h] = MatchMoment.AT_HUB.texts(stadiumName, hub.venue().name(), tag);
      homeward[h] = MatchMoment.HOMEWARD.texts(stadiumName, hub.venue().name(), tag);
      double metres =
          stadium
              .frame()
              .distance(
                  hub.centroidLat(),
                  hub.centroidLon(),
                  stadium.centroidLat(),
                  stadium.centroidLon());
      long mean = (long) (1000 * metres / TRANSIT_SPEED_M_PER_S) + TRANSIT_FIXED_MILLIS;
      travel[h] = Math.max(MIN_TRAVEL_MILLIS, Math.min(MAX_TRAVEL_MILLIS, mean));
    }
    double spreadLat = ON_THE_WAY_SPREAD_M * stadium.frame().degreesLatPerMetre();
    double spreadLon = ON_THE_WAY_SPREAD_M * stadium.frame().degreesLonPerMetre();

    int[] arrivals = new int[hubCount];
    int[] departures = new int[hubCount];
    TreeSet<Long> cells = new TreeSet<>();
    int res = setting.h3Resolution();
    long arrivalStart = kickOff - ARRIVAL_WINDOW.toMillis();
    long egressLength = EGRESS_WINDOW.toMillis();
    int nextNew = firstNewAuthor;

    for (int k = 0; k < attendance; k++) {
      int author = -1;
      byte lang = 0;
      boolean reused = false;
      if (population.size() > 0 && RandomDraws.chance(random, REUSED_SHARE)) {
        author = population.reserveAttendee(random);
        if (author >= 0) {
          lang = population.language(author);
          reused = true;
        }
      }
      if (!reused) {
        author = nextNew++;
        lang = PostTexts.authorLanguage(random, setting.cityLanguage());
      }

      // Arrival: the rate at the gates rises linearly towards kick-off (max of two uniforms).
      int h = random.nextInt(hubCount);
      VenueArea hub = hubs.get(h);
      long earliestGate = arrivalStart + (long) (travel[h] * (1 + TRAVEL_SPREAD));
      double rising = Math.max(random.nextDouble(), random.nextDouble());
      long gate = earliestGate + (long) (rising * (kickOff - earliestGate));
      long atHubTime = gate - travelTime(travel[h]);
      place(hub.hubArea());
      boolean hubWritten = add(atHubTime, author, lang, pick(atHub[h][lang])) >= 0;
      if (RandomDraws.chance(random, P_ON_THE_WAY)) {
        double f = 0.15 + 0.7 * random.nextDouble();
        place[0] = hub.centroidLat() + f * (stadium.centroidLat() - hub.centroidLat());
        place[1] = hub.centroidLon() + f * (stadium.centroidLon() - hub.centroidLon());
        RandomDraws.addGaussian(random, place, spreadLat, spreadLon);
        setting.jitter().apply(random, place);
        add(atHubTime + (long) (f * (gate - atHubTime)), author, lang, pick(onTheWay[lang]));
      }
      place(stadium.inside());
      int gateIndex = add(gate, author, lang, pick(atGate[lang]));
      boolean gateWritten = gateIndex >= 0;
      cell(h3, res, gateIndex, cells);

      // Match: posts spread over play, a burst at half-time and after each goal.
      int playPosts = RandomDraws.poisson(random, PLAY_POSTS_MEAN);
      for (int p = 0; p < playPosts; p++) {
        long t = playTime(kickOff, half, halfTime, random.nextDouble());
        place(stadium.inside());
        cell(h3, res, add(t, author, lang, pick(play[lang])), cells);
      }
      if (RandomDraws.chance(random, P_HALF_TIME)) {
        long t = kickOff + half + (long) (random.nextDouble() * halfTime);
        place(stadium.inside());
        cell(h3, res, add(t, author, lang, pick(halfTimeTexts[lang])), cells);
      }
      for (long g : goals) {
        if (RandomDraws.chance(random, P_GOAL_POST)) {
          long t =
              g
                  + (long)
                      RandomDraws.exponentialBelow(
                          random, GOAL_REACTION_MEAN_MILLIS, GOAL_REACTION_MAX_MILLIS);
          place(stadium.inside());
          cell(h3, res, add(t, author, lang, pick(goal[lang])), cells);
        }
      }

      // Egress: a sharp surge around the stadium, then the hubs; all within the egress window.
      int out = RandomDraws.chance(random, P_SAME_HUB_HOME) ? h : random.nextInt(hubCount);
      long leaveWithin =
          Math.min(
              LEAVING_WITHIN_MILLIS, egressLength - (long) (travel[out] * (1 + TRAVEL_SPREAD)));
      long leave =
          finalWhistle
              + (long) RandomDraws.exponentialBelow(random, LEAVING_MEAN_MILLIS, leaveWithin);
      if (RandomDraws.chance(random, P_LEAVING)) {
        place(stadium.surroundings());
        add(leave, author, lang, pick(leaving[lang]));
      }
      long home = leave + travelTime(travel[out]);
      boolean homeWritten = false;
      if (RandomDraws.chance(random, P_HOMEWARD)) {
        place(hubs.get(out).hubArea());
        homeWritten = add(home, author, lang, pick(homeward[out][lang])) >= 0;
      }
      if (reused) {
        population.markBusy(author, atHubTime - BUSY_MARGIN_MILLIS, home + BUSY_MARGIN_MILLIS);
      }
      if (hubWritten && gateWritten) {
        arrivals[h]++;
      }
      if (gateWritten && homeWritten) {
        departures[out]++;
      }
    }
    this.newAuthors = nextNew - firstNewAuthor;
    this.order = posts.timeOrder().clone();

    String stadiumId = stadium.id();
    GroundTruth.Interval arrival =
        new GroundTruth.Interval(Instant.ofEpochMilli(arrivalStart), scenario.kickOff());
    GroundTruth.Interval match =
        new GroundTruth.Interval(scenario.kickOff(), scenario.finalWhistle());
    GroundTruth.Interval egress =
        new GroundTruth.Interval(
            scenario.finalWhistle(), Instant.ofEpochMilli(finalWhistle + egressLength));
    List<String> affectedVenues = new ArrayList<>();
    affectedVenues.add(stadiumId);
    for (int h = 0; h < hubCount; h++) {
      if (arrivals[h] > 0) {
        flows.add(
            new GroundTruth.Flow(
                eventId, GroundTruth.ARRIVAL, hubs.get(h).id(), stadiumId, arrivals[h], arrival));
      }
    }
    for (int h = 0; h < hubCount; h++) {
      if (departures[h] > 0) {
        flows.add(
            new GroundTruth.Flow(
                eventId, GroundTruth.EGRESS, stadiumId, hubs.get(h).id(), departures[h], egress));
      }
      if ((arrivals[h] > 0 || departures[h] > 0) && !hubs.get(h).id().equals(stadiumId)) {
        affectedVenues.add(hubs.get(h).id());
      }
    }
    // Fans on their way post along the straight path from their hub: a venue that path passes
    // (within two spreads of the scatter) sees the match crowd too, so its alerts are no false
    // ones.
    List<String> passed = new ArrayList<>();
    for (VenueArea v : passedBy) {
      if (affectedVenues.contains(v.id())) continue;
      for (int h = 0; h < hubCount; h++) {
        VenueArea hub = hubs.get(h);
        if (arrivals[h] > 0
            && v.nearPath(
                hub.centroidLat(),
                hub.centroidLon(),
                stadium.centroidLat(),
                stadium.centroidLon(),
                2 * ON_THE_WAY_SPREAD_M)) {
          passed.add(v.id());
          break;
        }
      }
    }
    Collections.sort(passed);
    affectedVenues.addAll(passed);
    List<String> cellIds = new ArrayList<>(cells.size());
    for (long c : cells) {
      cellIds.add(h3.h3ToString(c));
    }
    List<Instant> goalTimes = new ArrayList<>();
    for (long g : goals) {
      goalTimes.add(Instant.ofEpochMilli(g));
    }
    this.event =
        new GroundTruth.Event(
            eventId,
            GroundTruth.STADIUM_MATCH,
            stadiumId,
            arrival,
            match,
            egress,
            goalTimes,
            affectedVenues,
            cellIds,
            attendance);
  }

  /** A moment of play: {@code u} in [0, 1) spread over both halves, skipping half-time. */
  private static long playTime(long kickOff, long half, long halfTime, double u) {
    long offset = (long) (u * 2 * half);
    return offset < half ? kickOff + offset : kickOff + halfTime + offset;
  }

  private long travelTime(long mean) {
    return (long) (mean * (1 - TRAVEL_SPREAD + 2 * TRAVEL_SPREAD * random.nextDouble()));
  }

  private void place(AreaSampler area) {
    area.sample(random, place);
    setting.jitter().apply(random, place);
  }

  private String pick(String[] choices) {
    return choices[random.nextInt(choices.length)];
  }

  /** Adds a post at {@link #place} when it falls within the stream; returns its index or -1. */
  private int add(long t, int author, byte lang, String text) {
    if (!setting.contains(t)) {
      return -1;
    }
    return posts.add(t, place[0], place[1], author, lang, text, PostKind.MATCH);
  }

  private void cell(H3Core h3, int res, int index, TreeSet<Long> cells) {
    if (index >= 0) {
      cells.add(h3.latLngToCell(posts.lat[index], posts.lon[index], res));
    }
  }

  int newAuthors() {
    return newAuthors;
  }

  GroundTruth.Event event() {
    return event;
  }

  List<GroundTruth.Flow> flows() {
    return flows;
  }

  /** Copies the planned posts before {@code toMillis} that have not been copied yet. */
  void addPosts(long toMillis, PostBatch batch) {
    while (cursor < posts.size && posts.time[order[cursor]] < toMillis) {
      batch.addFrom(posts, order[cursor++]);
    }
  }
}
