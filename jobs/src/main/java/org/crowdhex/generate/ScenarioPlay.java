package org.crowdhex.generate;

import com.uber.h3core.H3Core;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;

/**
 * One flash crowd, march or build-up played out: its posts, planned up front and kept in time
 * order, plus its ground-truth event. The behaviour is described on {@link FlashCrowdScenario},
 * {@link MarchScenario} and {@link BuildUpScenario}. Every person is a new author (not taken from
 * the background population) writing in the city's language or English.
 */
final class ScenarioPlay {
  private static final String[][] FLASH_TEXTS = {
    {
      "Wat gebeurt er op {venue}? {tag}",
      "Ineens zo druk op {venue}",
      "Iedereen komt naar {venue}! {tag}",
      "Spontaan feest op {venue}"
    },
    {
      "What is going on at {venue}? {tag}",
      "Suddenly so busy at {venue}",
      "Everyone is coming to {venue}! {tag}",
      "Spontaneous party at {venue}"
    },
    {
      "Τι γίνεται στο {venue}; {tag}",
      "Ξαφνικά γέμισε το {venue}",
      "Όλοι έρχονται στο {venue}! {tag}"
    }
  };
  private static final String[][] MARCH_TEXTS = {
    {"We lopen mee {tag}", "De stoet trekt door de stad", "Samen op straat! {tag}"},
    {"Marching today {tag}", "The march moves through the city", "Together on the street! {tag}"},
    {"Πορεία σήμερα {tag}", "Η πορεία περνά από την πόλη", "Όλοι μαζί στο δρόμο! {tag}"}
  };
  private static final String[][] CAMP_TEXTS = {
    {
      "De tent staat, we blijven {tag}", "Steeds meer mensen op {venue}", "Nog een nacht op {venue}"
    },
    {"Tent is up, we are staying {tag}", "More and more people at {venue}", "Another night here"},
    {"Στήσαμε σκηνή, μένουμε {tag}", "Όλο και περισσότεροι στο {venue}", "Άλλη μια νύχτα εδώ"}
  };

  private final StreamSetting setting;
  private final SplittableRandom random;
  private final H3Core h3;
  private final PostBatch posts;
  private final double[] place = new double[2];
  private final TreeSet<Long> cells = new TreeSet<>();
  private final String[][] texts;
  private int nextAuthor;
  private GroundTruth.Event event;
  private int[] order;
  private int cursor;

  private ScenarioPlay(
      VenueArea venue,
      String[][] templates,
      int firstAuthor,
      int expectedPosts,
      StreamSetting setting,
      H3Core h3,
      SplittableRandom random) {
    this.setting = setting;
    this.random = random;
    this.h3 = h3;
    this.nextAuthor = firstAuthor;
    this.posts = new PostBatch(Math.min(1 << 20, expectedPosts));
    String name = venue.venue().name();
    String tag = PostTexts.tag(name);
    this.texts = new String[templates.length][];
    for (int lang = 0; lang < templates.length; lang++) {
      texts[lang] = new String[templates[lang].length];
      for (int k = 0; k < templates[lang].length; k++) {
        texts[lang][k] = templates[lang][k].replace("{venue}", name).replace("{tag}", tag);
      }
    }
  }

  static ScenarioPlay flashCrowd(
      String eventId,
      FlashCrowdScenario scenario,
      VenueArea square,
      int firstAuthor,
      StreamSetting setting,
      H3Core h3,
      SplittableRandom random) {
    ScenarioPlay play =
        new ScenarioPlay(
            square,
            FLASH_TEXTS,
            firstAuthor,
            (int) Math.min(1 << 20, scenario.expectedPosts() * 1.2),
            setting,
            h3,
            random);
    long onset = scenario.onset().toEpochMilli();
    long convergence = scenario.convergence().toMillis();
    long minStay = scenario.minStay().toMillis();
    long stayRange = scenario.maxStay().toMillis() - minStay;
    double gap = FlashCrowdScenario.MEAN_GAP_MINUTES * 60_000;
    long lastLeave = onset;
    for (int a = 0; a < scenario.authors(); a++) {
      int author = play.nextAuthor++;
      byte lang = PostTexts.authorLanguage(random, setting.cityLanguage());
      long arrive = onset + (long) (random.nextDouble() * convergence);
      long leave = arrive + minStay + (long) (random.nextDouble() * stayRange);
      lastLeave = Math.max(lastLeave, leave);
      for (long t = arrive; t < leave; t += (long) RandomDraws.exponential(random, gap)) {
        square.hubArea().sample(random, play.place);
        play.add(t, author, lang);
      }
    }
    Map<String, GroundTruth.Interval> intervals = new LinkedHashMap<>();
    intervals.put(GroundTruth.CROWD, play.interval(onset, lastLeave));
    play.finish(eventId, scenario, square.id(), intervals, scenario.authors(), List.of());
    return play;
  }

  static ScenarioPlay buildUp(
      String eventId,
      BuildUpScenario scenario,
      VenueArea camp,
      int firstAuthor,
      StreamSetting setting,
      H3Core h3,
      SplittableRandom random) {
    ScenarioPlay play =
        new ScenarioPlay(
            camp,
            CAMP_TEXTS,
            firstAuthor,
            (int) Math.min(1 << 20, scenario.expectedPosts() * 1.2),
            setting,
            h3,
            random);
    long start = scenario.start().toEpochMilli();
    long full = scenario.full().toEpochMilli();
    long end = scenario.end().toEpochMilli();
    double gap = 3_600_000.0 / scenario.postsPerHour();
    for (int p = 0; p < scenario.people(); p++) {
      int author = play.nextAuthor++;
      byte lang = PostTexts.authorLanguage(random, setting.cityLanguage());
      // Arrivals uniform over the rise: the number present grows linearly.
      long arrive = start + (long) (random.nextDouble() * (full - start));
      for (long t = arrive; t < end; t += (long) RandomDraws.exponential(random, gap)) {
        camp.inside().sample(random, play.place);
        play.add(t, author, lang);
      }
    }
    Map<String, GroundTruth.Interval> intervals = new LinkedHashMap<>();
    intervals.put(BuildUpScenario.KIND, play.interval(start, full));
    if (end > full && setting.contains(full)) {
      intervals.put(GroundTruth.STEADY, play.interval(full, end));
    }
    play.finish(eventId, scenario, camp.id(), intervals, scenario.people(), List.of());
    return play;
  }

  static ScenarioPlay march(
      String eventId,
      MarchScenario scenario,
      VenueArea route,
      int firstAuthor,
      StreamSetting setting,
      H3Core h3,
      SplittableRandom random) {
    RouteLine line = new RouteLine(eventId, route);
    ScenarioPlay play =
        new ScenarioPlay(
            route,
            MARCH_TEXTS,
            firstAuthor,
            (int) Math.min(1 << 20, scenario.expectedPosts() * 1.2),
            setting,
            h3,
            random);
    long start = scenario.start().toEpochMilli();
    double interval = scenario.postInterval().toMillis();
    double metresPerMilli = scenario.speedKmh() / 3_600_000.0 * 1000;
    double spread = MarchScenario.SPEED_SPREAD_PERCENT / 100;
    double sidewaysLat = MarchScenario.SIDEWAYS_M * line.frame.degreesLatPerMetre();
    double sidewaysLon = MarchScenario.SIDEWAYS_M * line.frame.degreesLonPerMetre();
    long lastArrival = start;
    Map<Long, long[]> seen = new TreeMap<>();
    for (int m = 0; m < scenario.marchers(); m++) {
      int author = play.nextAuthor++;
      byte lang = PostTexts.authorLanguage(random, setting.cityLanguage());
      long setOff = start + (long) (random.nextDouble() * MarchScenario.STAGGER_MINUTES * 60_000);
      double speed = metresPerMilli * (1 - spread + 2 * spread * random.nextDouble());
      long arrival = setOff + (long) Math.ceil(line.length / speed);
      lastArrival = Math.max(lastArrival, arrival);
      long t = setOff + (long) (random.nextDouble() * interval);
      while (t <= arrival) {
        line.at(Math.min(line.length, speed * (t - setOff)), play.place);
        RandomDraws.addGaussian(random, play.place, sidewaysLat, sidewaysLon);
        int index = play.add(t, author, lang);
        if (index >= 0) {
          long cell =
              h3.latLngToCell(play.posts.lat[index], play.posts.lon[index], setting.h3Resolution());
          long[] span =
              seen.computeIfAbsent(cell, c -> new long[] {Long.MAX_VALUE, Long.MIN_VALUE});
          span[0] = Math.min(span[0], t);
          span[1] = Math.max(span[1], t);
        }
        t += (long) (interval * (0.5 + random.nextDouble()));
      }
    }
    List<Map.Entry<Long, long[]>> byFirst = new ArrayList<>(seen.entrySet());
    // TreeMap order (by cell) breaks ties of the stable sort by first time.
    byFirst.sort((x, y) -> Long.compare(x.getValue()[0], y.getValue()[0]));
    List<GroundTruth.Passage> passages = new ArrayList<>(byFirst.size());
    for (Map.Entry<Long, long[]> e : byFirst) {
      passages.add(
          new GroundTruth.Passage(
              h3.h3ToString(e.getKey()),
              Instant.ofEpochMilli(e.getValue()[0]),
              Instant.ofEpochMilli(e.getValue()[1])));
    }
    Map<String, GroundTruth.Interval> intervals = new LinkedHashMap<>();
    intervals.put(MarchScenario.KIND, play.interval(start, lastArrival + 1));
    play.finish(eventId, scenario, route.id(), intervals, scenario.marchers(), passages);
    return play;
  }

  /** {@code [from, to)} clipped to the stream's end. */
  private GroundTruth.Interval interval(long from, long to) {
    return new GroundTruth.Interval(
        Instant.ofEpochMilli(from), Instant.ofEpochMilli(Math.min(to, setting.endMillis())));
  }

  private void finish(
      String eventId,
      Scenario scenario,
      String venueId,
      Map<String, GroundTruth.Interval> intervals,
      int authors,
      List<GroundTruth.Passage> passages) {
    List<String> cellIds = new ArrayList<>(cells.size());
    for (long c : cells) {
      cellIds.add(h3.h3ToString(c));
    }
    this.event =
        new GroundTruth.Event(
            eventId,
            scenario.kind(),
            venueId,
            intervals,
            List.of(),
            List.of(venueId),
            cellIds,
            authors,
            passages,
            0);
    this.order = posts.timeOrder().clone();
  }

  /**
   * Jitters {@link #place} and adds a post there when it falls within the stream; returns its index
   * or -1.
   */
  private int add(long t, int author, byte lang) {
    setting.jitter().apply(random, place);
    if (!setting.contains(t)) {
      return -1;
    }
    String[] choices = texts[lang];
    int index =
        posts.add(
            t,
            place[0],
            place[1],
            author,
            lang,
            choices[random.nextInt(choices.length)],
            PostKind.SCENARIO);
    cells.add(h3.latLngToCell(posts.lat[index], posts.lon[index], setting.h3Resolution()));
    return index;
  }

  int newAuthors(int firstAuthor) {
    return nextAuthor - firstAuthor;
  }

  GroundTruth.Event event() {
    return event;
  }

  /** Copies the planned posts before {@code toMillis} that have not been copied yet. */
  void addPosts(long toMillis, PostBatch batch) {
    while (cursor < posts.size && posts.time[order[cursor]] < toMillis) {
      batch.addFrom(posts, order[cursor++]);
    }
  }

  /** A route's line in local metres around its first point, walked by distance from its start. */
  static final class RouteLine {
    final LocalMetres frame;
    final double length;
    private final double[] x;
    private final double[] y;
    private final double[] along;

    RouteLine(String eventId, VenueArea route) {
      Geometry g = route.venue().geometry();
      if (g.getNumGeometries() == 1) {
        g = g.getGeometryN(0);
      }
      if (!(g instanceof LineString line) || line.getNumPoints() < 2) {
        throw new IllegalArgumentException(
            eventId
                + ": venue "
                + route.id()
                + " has a "
                + g.getGeometryType()
                + " geometry; expected a route venue whose geometry is one line");
      }
      Coordinate[] c = line.getCoordinates();
      frame = new LocalMetres(c[0].y, c[0].x);
      x = new double[c.length];
      y = new double[c.length];
      along = new double[c.length];
      for (int i = 0; i < c.length; i++) {
        x[i] = frame.x(c[i].x);
        y[i] = frame.y(c[i].y);
        if (i > 0) {
          along[i] = along[i - 1] + StrictMath.hypot(x[i] - x[i - 1], y[i] - y[i - 1]);
        }
      }
      length = along[c.length - 1];
      if (!(length > 0)) {
        throw new IllegalArgumentException(
            eventId + ": route " + route.id() + " has length 0; expected a line with two points");
      }
    }

    /** Writes the point {@code d} metres along the line as (lat, lon). */
    void at(double d, double[] latLon) {
      int i = Arrays.binarySearch(along, d);
      if (i >= 0) {
        latLon[0] = frame.lat(y[i]);
        latLon[1] = frame.lon(x[i]);
        return;
      }
      int next = Math.min(-i - 1, along.length - 1);
      int prev = next - 1;
      double f = (d - along[prev]) / (along[next] - along[prev]);
      latLon[0] = frame.lat(y[prev] + f * (y[next] - y[prev]));
      latLon[1] = frame.lon(x[prev] + f * (x[next] - x[prev]));
    }
  }
}
