package org.crowdhex.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.crowdhex.generate.RotterdamVenues.CENTRAAL;
import static org.crowdhex.generate.RotterdamVenues.CENTRAAL_LAT;
import static org.crowdhex.generate.RotterdamVenues.CENTRAAL_LON;
import static org.crowdhex.generate.RotterdamVenues.STADIUM;
import static org.crowdhex.generate.RotterdamVenues.STADIUM_LAT;
import static org.crowdhex.generate.RotterdamVenues.STADIUM_LON;
import static org.crowdhex.generate.RotterdamVenues.ZUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.uber.h3core.H3Core;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.GZIPInputStream;
import org.crowdhex.post.Post;
import org.crowdhex.venue.Venue;
import org.crowdhex.venue.VenueKind;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;

/**
 * Checks the synthetic stream against its model on a Rotterdam match day: determinism, the daily
 * rhythm, the heavy tail, the crowd in and around the stadium, bounded disorder, duplicates, bots
 * and the ground truth.
 */
class SyntheticStreamTest {
  static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
  static final Instant KICK_OFF = Instant.parse("2026-04-19T12:30:00Z");
  static final Instant FINAL_WHISTLE = KICK_OFF.plus(Duration.ofMinutes(105));
  static final int ATTENDANCE = 3_000;
  static final List<Venue> VENUES = RotterdamVenues.all();
  static final PreparedGeometry STADIUM_OUTLINE =
      PreparedGeometryFactory.prepare(RotterdamVenues.stadiumOutline());

  record Run(List<Post> posts, GroundTruth truth) {}

  static Run matchDay;
  static Run plainDay;
  static Run quietDays;

  @BeforeAll
  static void generate() throws IOException {
    matchDay = run(matchDaySpec());
    plainDay = run(matchDaySpec().withMatches(List.of()));
    quietDays =
        run(
            GeneratorSpec.demo(
                    7,
                    Instant.parse("2026-04-19T22:00:00Z"),
                    Duration.ofDays(2),
                    AMSTERDAM,
                    List.of())
                .withBots(0));
  }

  static GeneratorSpec matchDaySpec() {
    return GeneratorSpec.matchDay(42, AMSTERDAM, new MatchScenario(STADIUM, KICK_OFF, ATTENDANCE));
  }

  static Run run(GeneratorSpec spec) throws IOException {
    List<Post> posts = new ArrayList<>();
    GroundTruth truth = new SyntheticStream().generate(spec, VENUES, posts::add);
    return new Run(posts, truth);
  }

  static boolean inStadium(Post p) {
    return STADIUM_OUTLINE.contains(
        RotterdamVenues.GEOMETRY.createPoint(new Coordinate(p.lon(), p.lat())));
  }

  static boolean within(Post p, Instant from, Instant to) {
    return p.timeMillis() >= from.toEpochMilli() && p.timeMillis() < to.toEpochMilli();
  }

  static List<Post> originals(List<Post> posts) {
    Set<String> seen = new HashSet<>();
    List<Post> out = new ArrayList<>();
    for (Post p : posts) {
      if (seen.add(p.id())) {
        out.add(p);
      }
    }
    return out;
  }

  @Test
  void sameSeedGivesByteIdenticalFilesAndAnotherSeedDoesNot(@TempDir Path dir) throws IOException {
    GeneratorSpec spec = matchDaySpec();
    GroundTruth a =
        SyntheticStream.writeFiles(
            spec, VENUES, dir.resolve("a.jsonl.gz"), dir.resolve("a.json"), null);
    List<Long> progress = new ArrayList<>();
    SyntheticStream.writeFiles(
        spec, VENUES, dir.resolve("b.jsonl.gz"), dir.resolve("b.json"), progress::add);
    SyntheticStream.writeFiles(
        spec.withSeed(43), VENUES, dir.resolve("c.jsonl.gz"), dir.resolve("c.json"), null);

    assertThat(Files.mismatch(dir.resolve("a.jsonl.gz"), dir.resolve("b.jsonl.gz"))).isEqualTo(-1);
    assertThat(Files.mismatch(dir.resolve("a.json"), dir.resolve("b.json"))).isEqualTo(-1);
    assertThat(Files.mismatch(dir.resolve("a.jsonl.gz"), dir.resolve("c.jsonl.gz")))
        .isNotEqualTo(-1);
    assertThat(progress).last().isEqualTo(a.totals().posts());

    List<String> lines = gunzipLines(dir.resolve("a.jsonl.gz"));
    assertThat(lines).hasSize((int) a.totals().posts());
    assertThat(lines.get(0)).startsWith("{\"id\":\"p").contains("\"platform\":\"synthetic\"");
    // The in-memory stream is the same stream as the file.
    assertThat(matchDay.posts()).hasSize(lines.size());
    assertThat(lines.get(lines.size() - 1)).contains(matchDay.posts().get(lines.size() - 1).id());
  }

  static List<String> gunzipLines(Path file) throws IOException {
    try (BufferedReader r =
        new BufferedReader(
            new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(file)), StandardCharsets.UTF_8))) {
      return r.lines().toList();
    }
  }

  @Test
  void eveningPostsOutnumberNightPostsInTheLocalTimeZone() {
    int evening = 0;
    int night = 0;
    for (Post p : quietDays.posts()) {
      int hour = Instant.ofEpochMilli(p.timeMillis()).atZone(AMSTERDAM).getHour();
      if (hour >= 19 && hour < 22) {
        evening++;
      } else if (hour >= 3 && hour < 6) {
        night++;
      }
    }
    assertThat(night).isPositive();
    assertThat(evening).isGreaterThanOrEqualTo(3 * night);
  }

  @Test
  void aTenthOfTheAuthorsWriteMostPosts() {
    Map<String, Integer> perAuthor = new HashMap<>();
    List<Post> posts = originals(quietDays.posts());
    for (Post p : posts) {
      perAuthor.merge(p.author(), 1, Integer::sum);
    }
    List<Integer> counts = new ArrayList<>(perAuthor.values());
    counts.sort((x, y) -> Integer.compare(y, x));
    int top = (int) Math.ceil(counts.size() / 10.0);
    long topPosts = counts.subList(0, top).stream().mapToLong(Integer::longValue).sum();
    assertThat((double) topPosts / posts.size()).isGreaterThan(0.40);
    // ...and most authors post rarely.
    assertThat(counts.get(counts.size() / 2)).isLessThanOrEqualTo(5);
  }

  @Test
  void backgroundIsDensestInTheCentreAndThinsOutward() {
    double lat = quietDays.truth().city().centreLat();
    double lon = quietDays.truth().city().centreLon();
    int inner = 0;
    int outer = 0;
    double farthest = 0;
    for (Post p : quietDays.posts()) {
      double d = RotterdamVenues.metres(lat, lon, p.lat(), p.lon());
      farthest = Math.max(farthest, d);
      if (d < 2_000) {
        inner++;
      } else if (d >= 4_000 && d < 8_000) {
        outer++;
      }
    }
    double innerDensity = inner / (Math.PI * 2 * 2);
    double outerDensity = outer / (Math.PI * (8 * 8 - 4 * 4));
    assertThat(outer).isPositive();
    assertThat(innerDensity).isGreaterThan(5 * outerDensity);
    // Homes lie within 8 km of a centre; the venues are at most 3 km from the city centre.
    assertThat(farthest).isLessThan(14_000);
  }

  @Test
  void theMatchFillsTheStadium() {
    long withMatch =
        matchDay.posts().stream()
            .filter(p -> within(p, KICK_OFF, FINAL_WHISTLE) && inStadium(p))
            .count();
    long without =
        plainDay.posts().stream()
            .filter(p -> within(p, KICK_OFF, FINAL_WHISTLE) && inStadium(p))
            .count();
    assertThat(withMatch).isGreaterThan(ATTENDANCE);
    assertThat(withMatch).isGreaterThanOrEqualTo(10 * Math.max(1, without));
  }

  @Test
  void egressIsASharpSurgeAroundTheStadium() {
    long before = aroundStadium(KICK_OFF.minus(Duration.ofMinutes(30)), KICK_OFF);
    long after = aroundStadium(FINAL_WHISTLE, FINAL_WHISTLE.plus(Duration.ofMinutes(30)));
    assertThat(after).isGreaterThan(before * 3 / 2);

    long peakArrivalMinute = peakMinuteAroundStadium(KICK_OFF.minus(Duration.ofHours(2)), KICK_OFF);
    long peakEgressMinute =
        peakMinuteAroundStadium(FINAL_WHISTLE, FINAL_WHISTLE.plus(Duration.ofMinutes(30)));
    assertThat(peakEgressMinute).isGreaterThan(2 * peakArrivalMinute);
  }

  static long aroundStadium(Instant from, Instant to) {
    return matchDay.posts().stream().filter(p -> within(p, from, to) && nearStadium(p)).count();
  }

  static boolean nearStadium(Post p) {
    return RotterdamVenues.metres(
            RotterdamVenues.STADIUM_LAT, RotterdamVenues.STADIUM_LON, p.lat(), p.lon())
        < 500;
  }

  static long peakMinuteAroundStadium(Instant from, Instant to) {
    Map<Long, Long> perMinute = new HashMap<>();
    for (Post p : matchDay.posts()) {
      if (within(p, from, to) && nearStadium(p)) {
        perMinute.merge(p.timeMillis() / 60_000, 1L, Long::sum);
      }
    }
    return perMinute.values().stream().mapToLong(Long::longValue).max().orElse(0);
  }

  @Test
  void attendeesArriveFromTheHubs() {
    Set<String> attendees = new HashSet<>();
    for (Post p : matchDay.posts()) {
      if (within(p, KICK_OFF, FINAL_WHISTLE) && inStadium(p)) {
        attendees.add(p.author());
      }
    }
    Map<String, Post> firstArrivalPost = new HashMap<>();
    for (Post p : matchDay.posts()) {
      if (attendees.contains(p.author())
          && within(p, KICK_OFF.minus(Duration.ofHours(2)), KICK_OFF)) {
        firstArrivalPost.merge(p.author(), p, (a, b) -> a.timeMillis() <= b.timeMillis() ? a : b);
      }
    }
    int atCentraal = 0;
    int atZuid = 0;
    for (Post p : firstArrivalPost.values()) {
      if (RotterdamVenues.metres(
              RotterdamVenues.CENTRAAL_LAT, RotterdamVenues.CENTRAAL_LON, p.lat(), p.lon())
          < 400) {
        atCentraal++;
      } else if (RotterdamVenues.metres(
              RotterdamVenues.ZUID_LAT, RotterdamVenues.ZUID_LON, p.lat(), p.lon())
          < 400) {
        atZuid++;
      }
    }
    assertThat(firstArrivalPost.size()).isGreaterThan(ATTENDANCE * 9 / 10);
    assertThat(atCentraal + atZuid).isGreaterThan(firstArrivalPost.size() * 9 / 10);
    assertThat(atCentraal).isGreaterThan(firstArrivalPost.size() / 4);
    assertThat(atZuid).isGreaterThan(firstArrivalPost.size() / 4);
  }

  @Test
  void disorderIsBoundedByMaxDisorder() {
    long maxDisorder = matchDaySpec().maxDisorder().toMillis();
    long latest = matchDay.posts().get(0).timeMillis();
    long worstLag = 0;
    int behind = 0;
    for (Post p : matchDay.posts()) {
      long lag = latest - p.timeMillis();
      if (lag > 0) {
        behind++;
        worstLag = Math.max(worstLag, lag);
      }
      latest = Math.max(latest, p.timeMillis());
    }
    assertThat(worstLag).isLessThanOrEqualTo(maxDisorder);
    // The disorder is real: some posts come late, a few by most of the bound.
    assertThat(behind).isGreaterThan(matchDay.posts().size() / 100);
    assertThat(worstLag).isGreaterThan(maxDisorder / 2);
  }

  @Test
  void zeroDisorderGivesTimeOrder() throws IOException {
    Run ordered = run(matchDaySpec().withMaxDisorder(Duration.ZERO).withMatches(List.of()));
    for (int i = 1; i < ordered.posts().size(); i++) {
      assertThat(ordered.posts().get(i).timeMillis())
          .isGreaterThanOrEqualTo(ordered.posts().get(i - 1).timeMillis());
    }
  }

  @Test
  void aboutTheDuplicateRateOfPostsAreExactReDeliveries() {
    Map<String, Post> byId = new HashMap<>();
    int duplicates = 0;
    for (Post p : matchDay.posts()) {
      Post earlier = byId.putIfAbsent(p.id(), p);
      if (earlier != null) {
        duplicates++;
        assertThat(p).isEqualTo(earlier);
      }
    }
    double share = (double) duplicates / matchDay.posts().size();
    assertThat(share).isBetween(0.0035, 0.0065);
    assertThat(matchDay.truth().totals().duplicate()).isEqualTo(duplicates);
  }

  @Test
  void botsPostAllDayFromOneSpotWithRepeatedTexts() {
    List<String> bots = matchDay.truth().botAuthors();
    assertThat(bots).hasSize(GeneratorSpec.DEMO_BOTS);
    for (String bot : bots) {
      List<Post> posts =
          originals(matchDay.posts()).stream().filter(p -> p.author().equals(bot)).toList();
      assertThat(posts).hasSizeGreaterThan(400);
      assertThat(posts.stream().map(p -> p.lat() + "," + p.lon()).distinct()).hasSize(1);
      assertThat(posts.stream().map(Post::text).distinct().count()).isLessThanOrEqualTo(3);
      long atNight =
          posts.stream()
              .filter(p -> Instant.ofEpochMilli(p.timeMillis()).atZone(AMSTERDAM).getHour() < 5)
              .count();
      assertThat(atNight).isGreaterThan(posts.size() / 10);
    }
  }

  @Test
  void affectedCellsAreTheCellsOfTheInStadiumPosts() throws IOException {
    // Without jitter every in-stadium post of the scenario lies inside the outline.
    Run exact = run(matchDaySpec().withJitterMeters(0));
    H3Core h3 = H3Core.newInstance();
    int res = exact.truth().spec().h3Resolution();
    Set<String> cells = new TreeSet<>();
    for (Post p : exact.posts()) {
      if (within(p, KICK_OFF.minus(Duration.ofHours(2)), FINAL_WHISTLE) && inStadium(p)) {
        cells.add(h3.h3ToString(h3.latLngToCell(p.lat(), p.lon(), res)));
      }
    }
    List<String> affected = exact.truth().events().get(0).affectedCells();
    assertThat(affected).isNotEmpty().isSorted();
    assertThat(affected).containsExactlyElementsOf(cells);
  }

  @Test
  void oneCitySeedGivesTheSameCityOnDifferentDays() throws IOException {
    GeneratorSpec quiet = matchDaySpec().withMatches(List.of());
    GeneratorSpec otherDay =
        GeneratorSpec.matchDay(43, AMSTERDAM, new MatchScenario(STADIUM, KICK_OFF, ATTENDANCE))
            .withMatches(List.of());
    Map<String, double[]> first = authorCentres(new SyntheticStream(7L), quiet);
    Map<String, double[]> second = authorCentres(new SyntheticStream(7L), otherDay);
    Map<String, double[]> elsewhere = authorCentres(new SyntheticStream(8L), otherDay);

    // The same authors post around the same homes (a day of 4 posts each puts an author's mean
    // position far from home, so the gap is large even for one city); another city seed moves them.
    double sameCity = meanDistanceMetres(first, second);
    double otherCity = meanDistanceMetres(first, elsewhere);
    assertThat(sameCity)
        .as("same city %.0f m, other city %.0f m", sameCity, otherCity)
        .isLessThan(otherCity * 0.6);
    // And the days differ: other posts, not a copy.
    List<Post> a = new ArrayList<>();
    List<Post> b = new ArrayList<>();
    new SyntheticStream(7L).generate(quiet, VENUES, a::add);
    new SyntheticStream(7L).generate(otherDay, VENUES, b::add);
    assertThat(a.get(0).timeMillis()).isNotEqualTo(b.get(0).timeMillis());
  }

  /** Each author's mean position over the day. */
  private static Map<String, double[]> authorCentres(SyntheticStream generator, GeneratorSpec spec)
      throws IOException {
    Map<String, double[]> sums = new HashMap<>();
    generator.generate(
        spec,
        VENUES,
        p -> {
          double[] s = sums.computeIfAbsent(p.author(), k -> new double[3]);
          s[0] += p.lat();
          s[1] += p.lon();
          s[2]++;
        });
    Map<String, double[]> centres = new HashMap<>();
    sums.forEach((k, s) -> centres.put(k, new double[] {s[0] / s[2], s[1] / s[2]}));
    return centres;
  }

  /** Mean distance between the centres of the authors both maps hold, in metres (flat Earth). */
  private static double meanDistanceMetres(Map<String, double[]> a, Map<String, double[]> b) {
    double sum = 0;
    int n = 0;
    for (Map.Entry<String, double[]> e : a.entrySet()) {
      double[] other = b.get(e.getKey());
      if (other == null) continue;
      double dy = (e.getValue()[0] - other[0]) * 111_320;
      double dx = (e.getValue()[1] - other[1]) * 111_320 * Math.cos(Math.toRadians(51.9));
      sum += Math.hypot(dx, dy);
      n++;
    }
    assertThat(n).isGreaterThan(100);
    return sum / n;
  }

  @Test
  void truthNamesTheVenuesArrivingFansPassOnTheirWay() throws IOException {
    // A square half-way along the straight path from Centraal to the stadium, and one far off it.
    double midLat = (CENTRAAL_LAT + STADIUM_LAT) / 2;
    double midLon = (CENTRAAL_LON + STADIUM_LON) / 2;
    Venue halfWay =
        new Venue(
            "half-way",
            "Half way",
            VenueKind.SQUARE,
            30,
            RotterdamVenues.rectangle(midLat, midLon, 80, 80));
    Venue offPath =
        new Venue(
            "off-path",
            "Off the path",
            VenueKind.SQUARE,
            30,
            RotterdamVenues.rectangle(midLat + 0.02, midLon - 0.03, 80, 80));
    List<Venue> venues = new ArrayList<>(VENUES);
    venues.add(halfWay);
    venues.add(offPath);

    GroundTruth truth = new SyntheticStream().generate(matchDaySpec(), venues, p -> {});

    assertThat(truth.events().get(0).affectedVenues())
        .containsExactly(STADIUM, CENTRAAL, ZUID, "half-way");
  }

  @Test
  void truthNamesTheEventItsVenuesAndFlows() throws IOException {
    GroundTruth truth = matchDay.truth();
    GroundTruth.Event event = truth.events().get(0);
    assertThat(event.kind()).isEqualTo("stadium_match");
    assertThat(event.venueId()).isEqualTo(STADIUM);
    assertThat(event.affectedVenues()).containsExactly(STADIUM, CENTRAAL, ZUID);
    assertThat(event.expectedAuthors()).isEqualTo(ATTENDANCE);

    int arriving = 0;
    int leaving = 0;
    for (GroundTruth.Flow f : truth.flows()) {
      if (f.phase().equals("arrival")) {
        assertThat(f.originVenueId()).isIn(CENTRAAL, ZUID);
        assertThat(f.destinationVenueId()).isEqualTo(STADIUM);
        arriving += f.authors();
      } else {
        assertThat(f.phase()).isEqualTo("egress");
        assertThat(f.originVenueId()).isEqualTo(STADIUM);
        assertThat(f.destinationVenueId()).isIn(CENTRAAL, ZUID);
        leaving += f.authors();
      }
    }
    assertThat(truth.flows()).hasSize(4);
    assertThat(arriving).isEqualTo(ATTENDANCE);
    assertThat(leaving).isBetween(ATTENDANCE * 3 / 4, ATTENDANCE * 19 / 20);

    GroundTruth.Totals t = truth.totals();
    assertThat(t.posts()).isEqualTo(matchDay.posts().size());
    assertThat(t.background() + t.match() + t.bot() + t.duplicate()).isEqualTo(t.posts());
    assertThat(t.match()).isGreaterThan(ATTENDANCE * 5L);

    JsonNode json = new ObjectMapper().readTree(truth.toJson());
    assertThat(json.get("seed").asLong()).isEqualTo(42);
    assertThat(json.at("/city/language").asText()).isEqualTo("nl");
    assertThat(json.at("/totals/posts").asLong()).isEqualTo(t.posts());
    JsonNode e = json.at("/events/0");
    assertThat(e.get("id").asText()).isEqualTo("match-1-kuip");
    assertThat(e.at("/intervals/arrival/start").asText()).isEqualTo("2026-04-19T10:30:00.000Z");
    assertThat(e.at("/intervals/arrival/end").asText()).isEqualTo("2026-04-19T12:30:00.000Z");
    assertThat(e.at("/intervals/match/end").asText()).isEqualTo("2026-04-19T14:15:00.000Z");
    assertThat(e.at("/intervals/egress/end").asText()).isEqualTo("2026-04-19T15:00:00.000Z");
    assertThat(e.get("affected_cells")).hasSize(event.affectedCells().size());
    assertThat(e.get("expected_authors").asInt()).isEqualTo(ATTENDANCE);
    JsonNode flow = json.at("/flows/0");
    assertThat(flow.get("phase").asText()).isEqualTo("arrival");
    assertThat(flow.get("origin").asText()).isEqualTo(CENTRAAL);
    assertThat(flow.get("destination").asText()).isEqualTo(STADIUM);
    assertThat(flow.get("start").asText()).isEqualTo("2026-04-19T10:30:00.000Z");
  }

  @Test
  void postsSpeakTheCityLanguageAndNameTheStadium() {
    List<Post> posts = originals(matchDay.posts());
    long dutch = posts.stream().filter(p -> p.lang().equals("nl")).count();
    assertThat((double) dutch / posts.size()).isBetween(0.6, 0.9);
    long naming =
        posts.stream()
            .filter(p -> within(p, KICK_OFF, FINAL_WHISTLE) && inStadium(p))
            .filter(p -> p.text().contains("Kuip"))
            .count();
    assertThat(naming).isPositive();
    assertThat(posts.get(0).id()).matches("p\\d{9}");
    assertThat(posts.get(0).author()).matches("u\\d{5}");
    assertThat(posts.get(0).platform()).isEqualTo("synthetic");
  }

  @Test
  void targetPostsScalesThePopulation() throws IOException {
    GeneratorSpec spec = matchDaySpec().withTargetPosts(200_000);
    long[] count = {0};
    new SyntheticStream().generate(spec, VENUES, p -> count[0]++);
    assertThat(count[0]).isBetween(180_000L, 220_000L);
    assertThat(spec.expectedPosts()).isBetween(0.9 * count[0], 1.1 * count[0]);
  }

  @Test
  void venuesMustFitTheMatches() {
    GeneratorSpec unknownStadium =
        GeneratorSpec.matchDay(1, AMSTERDAM, new MatchScenario("nowhere", KICK_OFF, 10));
    assertThatThrownBy(() -> new SyntheticStream().generate(unknownStadium, VENUES, p -> {}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("venueId is nowhere");

    GeneratorSpec noHub = matchDaySpec();
    List<Venue> withoutStations = List.of(RotterdamVenues.stadium(), RotterdamVenues.square());
    assertThatThrownBy(() -> new SyntheticStream().generate(noHub, withoutStations, p -> {}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no venue has kind station");

    GeneratorSpec namedSquareAsHub =
        GeneratorSpec.matchDay(
            1,
            AMSTERDAM,
            new MatchScenario(
                STADIUM,
                KICK_OFF,
                MatchScenario.DEFAULT_LENGTH,
                10,
                List.of(RotterdamVenues.SQUARE)));
    assertThat(catchTruth(namedSquareAsHub, withoutStations).flows())
        .extracting(GroundTruth.Flow::originVenueId)
        .contains(RotterdamVenues.SQUARE);
  }

  static GroundTruth catchTruth(GeneratorSpec spec, List<Venue> venues) {
    try {
      return new SyntheticStream().generate(spec, venues, p -> {});
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }
}
