package org.crowdhex.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.crowdhex.generate.RotterdamVenues.CAMP;
import static org.crowdhex.generate.RotterdamVenues.ROUTE;
import static org.crowdhex.generate.RotterdamVenues.SQUARE;
import static org.crowdhex.generate.RotterdamVenues.STADIUM;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.uber.h3core.H3Core;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.crowdhex.post.Post;
import org.crowdhex.venue.Venue;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.linearref.LengthIndexedLine;

/**
 * The scenarios beyond the match on one Rotterdam day: a flash crowd at a square, a march along a
 * route, a build-up at a camp and an outage, each checked in the posts against a run without it,
 * plus their ground truth and the benchmark week.
 */
class ScenarioTest {
  static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
  static final List<Venue> VENUES = RotterdamVenues.withRouteAndCamp();
  static final Instant DAY = Instant.parse("2026-04-19T22:00:00Z");
  static final Instant CAMP_START = Instant.parse("2026-04-20T06:00:00Z");
  static final Instant MARCH_START = Instant.parse("2026-04-20T10:00:00Z");
  static final Instant ONSET = Instant.parse("2026-04-20T13:00:00Z");
  static final Instant OUTAGE_START = Instant.parse("2026-04-20T16:00:00Z");
  static final int CROWD = 400;
  static final int MARCHERS = 300;
  static final int PEOPLE = 300;

  static final FlashCrowdScenario FLASH = new FlashCrowdScenario(SQUARE, ONSET, CROWD);
  static final MarchScenario MARCH = new MarchScenario(ROUTE, MARCH_START, MARCHERS);
  static final BuildUpScenario BUILD_UP =
      new BuildUpScenario(CAMP, CAMP_START, Duration.ofHours(4), PEOPLE, Duration.ofHours(4));
  static final OutageScenario OUTAGE = new OutageScenario(OUTAGE_START, Duration.ofHours(1), 0.9);

  /** The first new author: after the background and the bots; scenarios follow in spec order. */
  static final int FIRST_NEW = GeneratorSpec.DEMO_POPULATION + GeneratorSpec.DEMO_BOTS;

  record Run(List<Post> posts, GroundTruth truth) {}

  static Run all;
  static Run plain;
  static Run noOutage;

  @BeforeAll
  static void generate() throws IOException {
    all = run(spec());
    plain = run(spec().withScenarios(List.of()));
    noOutage = run(spec().withScenarios(List.of(FLASH, MARCH, BUILD_UP)));
  }

  static GeneratorSpec spec() {
    return GeneratorSpec.demo(11, DAY, Duration.ofDays(1), AMSTERDAM, List.of())
        .withScenarios(List.of(FLASH, MARCH, BUILD_UP, OUTAGE));
  }

  static Run run(GeneratorSpec spec) throws IOException {
    List<Post> posts = new ArrayList<>();
    GroundTruth truth = new SyntheticStream().generate(spec, VENUES, posts::add);
    return new Run(posts, truth);
  }

  static boolean within(Post p, Instant from, Instant to) {
    return p.timeMillis() >= from.toEpochMilli() && p.timeMillis() < to.toEpochMilli();
  }

  static String key(Post p) {
    return p.author() + " " + p.timeMillis() + " " + p.lat() + " " + p.lon() + " " + p.text();
  }

  static int authorIndex(Post p) {
    return Integer.parseInt(p.author().substring(1)) - 1;
  }

  static boolean byAuthors(Post p, int first, int count) {
    int a = authorIndex(p);
    return a >= first && a < first + count;
  }

  static Predicate<Post> inArea(Venue venue, double bufferM) {
    Geometry zone = venue.geometry().buffer(bufferM / 70_000.0);
    PreparedGeometry prepared = PreparedGeometryFactory.prepare(zone);
    return p ->
        prepared.contains(RotterdamVenues.GEOMETRY.createPoint(new Coordinate(p.lon(), p.lat())));
  }

  static long count(Run run, Predicate<Post> which) {
    return run.posts().stream().filter(which).count();
  }

  static List<Post> originals(List<Post> posts) {
    Set<String> seen = new HashSet<>();
    return posts.stream().filter(p -> seen.add(p.id())).toList();
  }

  static GroundTruth.Event event(String kind) {
    return all.truth().events().stream().filter(e -> e.kind().equals(kind)).findFirst().get();
  }

  @Test
  void sameSeedGivesByteIdenticalFilesWithTheScenarios(@TempDir Path dir) throws IOException {
    SyntheticStream.writeFiles(spec(), VENUES, dir.resolve("a.jsonl"), dir.resolve("a.json"), null);
    SyntheticStream.writeFiles(spec(), VENUES, dir.resolve("b.jsonl"), dir.resolve("b.json"), null);
    assertThat(Files.mismatch(dir.resolve("a.jsonl"), dir.resolve("b.jsonl"))).isEqualTo(-1);
    assertThat(Files.mismatch(dir.resolve("a.json"), dir.resolve("b.json"))).isEqualTo(-1);
    assertThat(Files.readAllLines(dir.resolve("a.jsonl"))).hasSize(all.posts().size());
  }

  @Test
  void scenariosLeaveTheRestOfTheStreamAlone() {
    // The background and bots of a run with scenarios are those of a run without them (the
    // duplicates and the delivery order differ: delivery draws once per post).
    Predicate<Post> background = p -> authorIndex(p) < FIRST_NEW;
    List<String> withScenarios =
        noOutage.posts().stream()
            .filter(background)
            .map(ScenarioTest::key)
            .distinct()
            .sorted()
            .toList();
    List<String> without =
        plain.posts().stream()
            .filter(background)
            .map(ScenarioTest::key)
            .distinct()
            .sorted()
            .toList();
    assertThat(withScenarios).isNotEmpty().isEqualTo(without);
  }

  @Test
  void aFlashCrowdFillsTheSquare() {
    Instant end = FLASH.end();
    // The crowd stands in the square's zone (50 m around it), plus GPS noise.
    Predicate<Post> inSquare = inArea(RotterdamVenues.square(), 120);
    long with = count(all, p -> within(p, ONSET, end) && inSquare.test(p));
    long without = count(plain, p -> within(p, ONSET, end) && inSquare.test(p));
    assertThat(with).isGreaterThan(CROWD);
    assertThat(with).isGreaterThanOrEqualTo(10 * Math.max(1, without));
    // Everyone has arrived within the ten minutes of convergence, and the crowd is gone after.
    Set<String> early = new HashSet<>();
    for (Post p : all.posts()) {
      if (byAuthors(p, FIRST_NEW, CROWD)) {
        assertThat(within(p, ONSET, end)).isTrue();
        assertThat(inSquare.test(p)).isTrue();
        if (within(p, ONSET, ONSET.plus(Duration.ofMinutes(10)))) {
          early.add(p.author());
        }
      }
    }
    assertThat(early).hasSize(CROWD);
  }

  @Test
  void theMarchMovesAlongTheRoute() {
    LineString line = (LineString) RotterdamVenues.route().geometry();
    LengthIndexedLine indexed = new LengthIndexedLine(line);
    double length = line.getLength();
    List<Post> marchers =
        originals(all.posts()).stream()
            .filter(p -> byAuthors(p, FIRST_NEW + CROWD, MARCHERS))
            .toList();
    // At 4 km/h the 2 km route takes about half an hour; means per 5 minutes must advance.
    int buckets = 8;
    double[] sum = new double[buckets];
    int[] n = new int[buckets];
    int nearLine = 0;
    for (Post p : marchers) {
      Coordinate c = new Coordinate(p.lon(), p.lat());
      double fraction = indexed.project(c) / length;
      Coordinate on = indexed.extractPoint(indexed.project(c));
      if (RotterdamVenues.metres(p.lat(), p.lon(), on.y, on.x) < 60) {
        nearLine++;
      }
      int b = (int) ((p.timeMillis() - MARCH_START.toEpochMilli()) / 300_000);
      assertThat(b).isBetween(0, buckets - 1);
      sum[b] += fraction;
      n[b]++;
    }
    assertThat(marchers).hasSizeGreaterThan(MARCHERS * 4);
    assertThat(nearLine).isGreaterThan(marchers.size() * 99 / 100);
    double previous = -1;
    int filled = 0;
    for (int b = 0; b < buckets; b++) {
      if (n[b] > 20) {
        double mean = sum[b] / n[b];
        assertThat(mean).isGreaterThan(previous + 0.05);
        previous = mean;
        filled++;
      }
    }
    assertThat(filled).isGreaterThanOrEqualTo(5);
    assertThat(sum[0] / n[0]).isLessThan(0.15);
    assertThat(previous).isGreaterThan(0.85);
  }

  @Test
  void theCampBuildsUpHourByHour() {
    Predicate<Post> inCamp = inArea(RotterdamVenues.camp(), 40);
    long[] perHour = new long[8];
    for (Post p : all.posts()) {
      long h = (p.timeMillis() - CAMP_START.toEpochMilli()) / 3_600_000;
      if (p.timeMillis() >= CAMP_START.toEpochMilli() && h < 8 && inCamp.test(p)) {
        perHour[(int) h]++;
      }
    }
    for (int h = 1; h < 4; h++) {
      assertThat(perHour[h]).isGreaterThan(perHour[h - 1]);
    }
    assertThat(perHour[3]).isGreaterThan(perHour[0] * 3 / 2);
    // Once everyone is there the arrivals stop: a steady level of 300 × 0.5 posts an hour.
    for (int h = 4; h < 8; h++) {
      assertThat(perHour[h]).isBetween(100L, 220L);
    }
  }

  @Test
  void anOutageLosesAboutItsFractionOfThePosts() {
    Instant end = OUTAGE.end();
    long with = count(all, p -> within(p, OUTAGE_START, end));
    long without = count(noOutage, p -> within(p, OUTAGE_START, end));
    assertThat(without).isGreaterThan(300);
    assertThat((double) with / without).isBetween(0.05, 0.16);
    // Outside the outage nothing changes.
    long before = count(all, p -> within(p, DAY, OUTAGE_START));
    assertThat(before).isEqualTo(count(noOutage, p -> within(p, DAY, OUTAGE_START)));
    long dropped = all.truth().totals().dropped();
    assertThat(dropped).isBetween(without * 84 / 100, without * 95 / 100);
  }

  @Test
  void truthDescribesEachScenario() throws IOException {
    GroundTruth truth = all.truth();
    assertThat(truth.events())
        .extracting(GroundTruth.Event::id)
        .containsExactly(
            "flash-crowd-1-" + SQUARE, "march-2-" + ROUTE, "build-up-3-" + CAMP, "outage-4");
    GroundTruth.Totals t = truth.totals();
    assertThat(t.background() + t.match() + t.bot() + t.duplicate() + t.scenario())
        .isEqualTo(t.posts());
    assertThat(t.posts()).isEqualTo(all.posts().size());

    GroundTruth.Event flash = event("flash_crowd");
    assertThat(flash.venueId()).isEqualTo(SQUARE);
    assertThat(flash.intervals()).containsOnlyKeys("crowd");
    assertThat(flash.intervals().get("crowd").start()).isEqualTo(ONSET);
    assertThat(flash.intervals().get("crowd").end())
        .isBetween(ONSET.plusSeconds(30 * 60), FLASH.end());
    assertThat(flash.affectedVenues()).containsExactly(SQUARE);
    assertThat(flash.expectedAuthors()).isEqualTo(CROWD);
    assertThat(flash.arrival()).isNull();
    assertThat(flash.affectedCells())
        .isSorted()
        .containsExactlyElementsOf(cellsOf(FIRST_NEW, CROWD));

    GroundTruth.Event march = event("march");
    assertThat(march.affectedCells())
        .isSorted()
        .containsExactlyElementsOf(cellsOf(FIRST_NEW + CROWD, MARCHERS));
    assertThat(march.passages()).hasSameSizeAs(march.affectedCells());
    Instant last = MARCH_START;
    for (GroundTruth.Passage p : march.passages()) {
      assertThat(p.first()).isAfterOrEqualTo(last).isBeforeOrEqualTo(p.last());
      last = p.first();
    }
    GroundTruth.Interval walk = march.intervals().get("march");
    assertThat(walk.start()).isEqualTo(MARCH_START);
    // 2 km at 3.6 to 4.4 km/h, set off within 5 minutes: 27 to 39 minutes.
    assertThat(Duration.between(walk.start(), walk.end()))
        .isBetween(Duration.ofMinutes(27), Duration.ofMinutes(39));

    GroundTruth.Event camp = event("build_up");
    assertThat(camp.intervals()).containsOnlyKeys("build_up", "steady");
    assertThat(camp.intervals().get("build_up").end()).isEqualTo(BUILD_UP.full());
    assertThat(camp.intervals().get("steady").end()).isEqualTo(BUILD_UP.end());
    assertThat(camp.affectedCells())
        .containsExactlyElementsOf(cellsOf(FIRST_NEW + CROWD + MARCHERS, PEOPLE));

    GroundTruth.Event outage = event("outage");
    assertThat(outage.venueId()).isNull();
    assertThat(outage.affectedVenues()).hasSize(VENUES.size()).isSorted();
    assertThat(outage.affectedCells()).isEmpty();
    assertThat(outage.span()).isEqualTo(new GroundTruth.Interval(OUTAGE_START, OUTAGE.end()));

    JsonNode json = new ObjectMapper().readTree(truth.toJson());
    assertThat(json.at("/spec/scenarios").asInt()).isEqualTo(4);
    assertThat(json.at("/totals/dropped").asLong()).isEqualTo(t.dropped());
    assertThat(json.at("/events/0/intervals/crowd/start").asText())
        .isEqualTo("2026-04-20T13:00:00.000Z");
    assertThat(json.at("/events/0/goals").isMissingNode()).isTrue();
    assertThat(json.at("/events/1/passages")).hasSize(march.passages().size());
    assertThat(json.at("/events/1/passages/0/first").asText()).startsWith("2026-04-20T10:0");
    assertThat(json.at("/events/2/intervals/steady/end").asText())
        .isEqualTo("2026-04-20T14:00:00.000Z");
    assertThat(json.at("/events/3/venue_id").isNull()).isTrue();
    assertThat(json.at("/events/3/drop_fraction").asDouble()).isEqualTo(0.9);
    assertThat(json.at("/events/3/intervals/outage/end").asText())
        .isEqualTo("2026-04-20T17:00:00.000Z");
  }

  /** The H3 cells of the posts of authors {@code [first, first + count)}. */
  static List<String> cellsOf(int first, int count) {
    H3Core h3 = h3();
    int res = all.truth().spec().h3Resolution();
    TreeSet<Long> cells = new TreeSet<>();
    for (Post p : all.posts()) {
      if (byAuthors(p, first, count)) {
        cells.add(h3.latLngToCell(p.lat(), p.lon(), res));
      }
    }
    return cells.stream().map(h3::h3ToString).toList();
  }

  static H3Core h3() {
    try {
      return H3Core.newInstance();
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void aMatchAndScenariosShareAStream() throws IOException {
    Instant kickOff = Instant.parse("2026-04-20T18:30:00Z");
    Run both = run(spec().withMatches(List.of(new MatchScenario(STADIUM, kickOff, 500))));
    assertThat(both.truth().events())
        .extracting(GroundTruth.Event::kind)
        .containsExactly("stadium_match", "flash_crowd", "march", "build_up", "outage");
    assertThat(both.truth().events().get(0).id()).isEqualTo("match-1-kuip");
    assertThat(both.truth().totals().match()).isGreaterThan(500L * 5);
  }

  @Test
  void theWeekHasEveryKindOnItsOwnDay() throws IOException {
    LocalDate monday = LocalDate.of(2026, 4, 20);
    WeekVenues venues = new WeekVenues(STADIUM, SQUARE, ROUTE, CAMP);
    GeneratorSpec week = GeneratorSpec.week(5, monday, AMSTERDAM, venues);
    assertThat(GeneratorSpec.week(5, monday, AMSTERDAM, venues)).isEqualTo(week);
    assertThat(week.duration()).isEqualTo(Duration.ofDays(7));
    assertThat(week.start()).isEqualTo(monday.atStartOfDay(AMSTERDAM).toInstant());

    long[] count = {0};
    GroundTruth truth = new SyntheticStream().generate(week, VENUES, p -> count[0]++);
    assertThat(truth.events())
        .extracting(GroundTruth.Event::kind)
        .containsExactlyInAnyOrder("stadium_match", "flash_crowd", "march", "build_up", "outage");
    Set<LocalDate> days = new HashSet<>();
    for (GroundTruth.Event e : truth.events()) {
      LocalDate startDay = e.span().start().atZone(AMSTERDAM).toLocalDate();
      assertThat(e.span().end().atZone(AMSTERDAM).toLocalDate()).isEqualTo(startDay);
      days.add(startDay);
    }
    assertThat(days).hasSize(5);
    assertThat(week.expectedPosts()).isBetween(0.9 * count[0], 1.1 * count[0]);

    // Another seed shuffles the days.
    Set<String> plans = new HashSet<>();
    for (long seed = 1; seed <= 4; seed++) {
      GeneratorSpec other = GeneratorSpec.week(seed, monday, AMSTERDAM, venues);
      plans.add(other.matches().get(0).kickOff() + " " + other.scenarios().get(0).start());
    }
    assertThat(plans).hasSizeGreaterThan(1);
  }

  @Test
  void eventFreeDaysHaveNoEvents() throws IOException {
    GeneratorSpec quiet = GeneratorSpec.eventFree(3, LocalDate.of(2026, 10, 24), 3, AMSTERDAM);
    assertThat(quiet.duration()).isEqualTo(Duration.ofHours(73)); // the clocks go back
    assertThat(quiet.matches()).isEmpty();
    assertThat(quiet.scenarios()).isEmpty();
    GroundTruth truth = new SyntheticStream().generate(quiet, VENUES, p -> {});
    assertThat(truth.events()).isEmpty();
    assertThat(truth.totals().scenario() + truth.totals().match()).isZero();
  }

  @Test
  void scenariosAreValidatedWithSentences() {
    GeneratorSpecTest.rejects(
        () -> new FlashCrowdScenario(SQUARE, ONSET, 0), "flash crowd at", "authors is 0");
    GeneratorSpecTest.rejects(
        () ->
            new FlashCrowdScenario(
                SQUARE, ONSET, 5, null, Duration.ofMinutes(40), Duration.ofMinutes(20)),
        "maxStay is PT20M",
        "from PT40M");
    GeneratorSpecTest.rejects(
        () -> new MarchScenario(ROUTE, MARCH_START, 10, 0, null), "speedKmh is 0.0");
    GeneratorSpecTest.rejects(() -> new MarchScenario(" ", MARCH_START, 10), "id of a route venue");
    GeneratorSpecTest.rejects(
        () -> new BuildUpScenario(CAMP, null, Duration.ofHours(4), 10, Duration.ZERO),
        "start is missing");
    GeneratorSpecTest.rejects(
        () -> new OutageScenario(OUTAGE_START, Duration.ofHours(1), 1.5), "dropFraction is 1.5");
    GeneratorSpecTest.rejects(
        () ->
            spec()
                .withScenarios(
                    List.of(new OutageScenario(DAY.minusSeconds(60), Duration.ofHours(1)))),
        "scenarios[0] (outage) starts at 2026-04-19T21:59:00Z");
    GeneratorSpecTest.rejects(() -> spec().withScenarios(null), "scenarios is missing");

    GeneratorSpec marchOnSquare =
        spec().withScenarios(List.of(new MarchScenario(SQUARE, MARCH_START, 10)));
    assertThatThrownBy(() -> new SyntheticStream().generate(marchOnSquare, VENUES, p -> {}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("venue " + SQUARE + " has a Polygon geometry");
    GeneratorSpec unknown =
        spec().withScenarios(List.of(new FlashCrowdScenario("nowhere", ONSET, 10)));
    assertThatThrownBy(() -> new SyntheticStream().generate(unknown, VENUES, p -> {}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("scenarios[0] (flash_crowd).venueId is nowhere");
  }
}
