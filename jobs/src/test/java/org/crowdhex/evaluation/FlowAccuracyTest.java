package org.crowdhex.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.uber.h3core.H3Core;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.crowdhex.evaluation.FlowAccuracy.PairCount;
import org.crowdhex.evaluation.FlowAccuracy.PhaseScore;
import org.crowdhex.flow.FlowSettings;
import org.crowdhex.flow.FlowWindow;
import org.crowdhex.flow.FlowWindows;
import org.crowdhex.flow.FlowZones;
import org.crowdhex.flow.Move;
import org.crowdhex.flow.MoveRules;
import org.crowdhex.flow.MoveTracker;
import org.crowdhex.flow.Sighting;
import org.crowdhex.generate.GeneratorSpec;
import org.crowdhex.generate.GroundTruth;
import org.crowdhex.generate.MatchScenario;
import org.crowdhex.generate.SyntheticStream;
import org.crowdhex.hygiene.AuthorActivity;
import org.crowdhex.hygiene.HygieneRules;
import org.crowdhex.hygiene.PostVerdict;
import org.crowdhex.output.FlowFormats;
import org.crowdhex.output.RecordFormat;
import org.crowdhex.post.Post;
import org.crowdhex.privacy.PrivacySettings;
import org.crowdhex.privacy.PseudonymKey;
import org.crowdhex.privacy.Pseudonymizer;
import org.crowdhex.privacy.PseudonymousPost;
import org.crowdhex.venue.Venue;
import org.crowdhex.venue.VenueCatalog;
import org.crowdhex.venue.VenueIndex;
import org.crowdhex.venue.VenueZone;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FlowAccuracyTest {
  static final Instant NOON = Instant.parse("2026-04-19T12:00:00Z");
  static final Duration MIN = Duration.ofMinutes(1);

  @TempDir Path dir;

  static Instant at(int minutes) {
    return NOON.plus(MIN.multipliedBy(minutes));
  }

  static TruthFlow truth(
      String phase, String origin, String destination, int authors, int from, int to) {
    return new TruthFlow(
        "match-1-kuip", "kuip", phase, origin, destination, authors, at(from), at(to));
  }

  static EstimatedFlow flow(
      String origin, String destination, int start, int authors, int revision) {
    return new EstimatedFlow(origin, destination, at(start), at(start + 15), authors, revision);
  }

  @Test
  void cpcIsTwiceTheCommonPartOverBothTotals() {
    assertThat(FlowAccuracy.cpc(Map.of("a", 10L, "b", 5L), Map.of("a", 8L, "c", 2L)))
        .isCloseTo(16.0 / 25, within(1e-12));
    assertThat(FlowAccuracy.cpc(Map.of("a", 3L), Map.of("a", 3L))).isEqualTo(1.0);
    assertThat(FlowAccuracy.cpc(Map.of("a", 3L), Map.of())).isZero();
    assertThat(FlowAccuracy.cpc(Map.of(), Map.of())).isNaN();
  }

  @Test
  void scoresEachPhaseOnTheWindowsThatTileItAndThePairsTheTruthSpeaksAbout() {
    List<TruthFlow> truth =
        List.of(
            truth("arrival", "centraal", "kuip", 30, 0, 30),
            truth("arrival", "stadion_halt", "kuip", 20, 0, 30),
            truth("egress", "kuip", "centraal", 40, 60, 90));
    List<EstimatedFlow> flows =
        List.of(
            flow("centraal", "kuip", 0, 10, 0),
            flow("centraal", "kuip", 0, 12, 1), // a later revision of the same window counts
            flow("centraal", "kuip", 5, 99, 0), // overlaps the tiling windows: not summed
            flow("centraal", "kuip", 15, 16, 0),
            flow("stadion_halt", "kuip", 15, 20, 0),
            flow("coolsingel", "kuip", 15, 5, 0), // into the stadium from elsewhere: counts against
            flow("kuip", "centraal", 15, 50, 0), // out of scope for the arrival
            flow("centraal", "kuip", 30, 70, 0), // after the arrival
            flow("kuip", "centraal", 60, 25, 0),
            flow("kuip", "centraal", 75, 15, 0),
            flow("kuip", "ahoy", 75, 10, 0));

    List<PhaseScore> scores = FlowAccuracy.score(truth, flows);

    assertThat(scores).hasSize(2);
    PhaseScore arrival = scores.get(0);
    assertThat(arrival.phase()).isEqualTo("arrival");
    assertThat(arrival.pairs())
        .containsExactly(
            new PairCount("centraal", "kuip", 30, 28),
            new PairCount("coolsingel", "kuip", 0, 5),
            new PairCount("stadion_halt", "kuip", 20, 20));
    assertThat(arrival.truthAuthors()).isEqualTo(50);
    assertThat(arrival.estimatedAuthors()).isEqualTo(53);
    assertThat(arrival.cpc()).isCloseTo(2.0 * 48 / 103, within(1e-12));
    PhaseScore egress = scores.get(1);
    assertThat(egress.pairs())
        .containsExactly(
            new PairCount("kuip", "ahoy", 0, 10), new PairCount("kuip", "centraal", 40, 40));
    assertThat(egress.cpc()).isCloseTo(80.0 / 90, within(1e-12));
    assertThat(egress.start()).isEqualTo(at(60));
  }

  @Test
  void withoutTheEventsVenueOnlyTheTruePairsAreCompared() {
    List<TruthFlow> truth =
        List.of(new TruthFlow("m", null, "arrival", "centraal", "kuip", 10, at(0), at(15)));
    List<EstimatedFlow> flows =
        List.of(flow("centraal", "kuip", 0, 10, 0), flow("coolsingel", "kuip", 0, 10, 0));

    PhaseScore score = FlowAccuracy.score(truth, flows).get(0);

    assertThat(score.cpc()).isEqualTo(1.0);
    assertThat(score.pairs()).containsExactly(new PairCount("centraal", "kuip", 10, 10));
  }

  @Test
  void aPhaseNotAlignedWithTheEpochIsTiledFromItsStart() {
    List<TruthFlow> truth = List.of(truth("arrival", "centraal", "kuip", 10, 5, 35));
    List<EstimatedFlow> flows =
        List.of(
            flow("centraal", "kuip", 0, 100, 0),
            flow("centraal", "kuip", 5, 4, 0),
            flow("centraal", "kuip", 20, 6, 0));

    assertThat(FlowAccuracy.score(truth, flows).get(0).cpc()).isEqualTo(1.0);
  }

  @Test
  void flowsOfSeveralWindowLengthsAreRefused() {
    List<EstimatedFlow> flows =
        List.of(flow("a", "b", 0, 1, 0), new EstimatedFlow("a", "b", at(0), at(5), 1, 0));

    assertThatThrownBy(() -> FlowAccuracy.score(List.of(), flows))
        .hasMessage("the flows have windows of [300000, 900000] ms; expected one window length");
  }

  @Test
  void readsTheFlowsOfAGeneratedTruth() throws IOException {
    GroundTruth.Interval arrival = new GroundTruth.Interval(at(0), at(120));
    GroundTruth truth =
        new GroundTruth(
            42,
            GeneratorSpec.matchDay(
                42, ZoneId.of("UTC"), new MatchScenario("kuip", at(120), null, 10, List.of())),
            new GroundTruth.City(51.9, 4.5, "nl"),
            new GroundTruth.Totals(0, 0, 0, 0, 0),
            List.of(
                new GroundTruth.Event(
                    "match-1-kuip",
                    GroundTruth.STADIUM_MATCH,
                    "kuip",
                    arrival,
                    new GroundTruth.Interval(at(120), at(225)),
                    new GroundTruth.Interval(at(225), at(270)),
                    List.of(),
                    List.of("kuip", "centraal"),
                    List.of(),
                    10)),
            List.of(
                new GroundTruth.Flow("match-1-kuip", "arrival", "centraal", "kuip", 7, arrival)),
            List.of());
    Path file = Files.writeString(dir.resolve("truth.json"), truth.toJson());

    assertThat(FlowAccuracy.readTruth(file))
        .containsExactly(
            new TruthFlow(
                "match-1-kuip", "kuip", "arrival", "centraal", "kuip", 7, at(0), at(120)));
  }

  @Test
  void aTruthWithoutFlowsOrWithBadOnesIsASentencePerProblem() throws IOException {
    Path none = Files.writeString(dir.resolve("none.json"), "{\"events\":[]}");
    assertThatThrownBy(() -> FlowAccuracy.readTruth(none))
        .isInstanceOf(EvaluationFileException.class)
        .hasMessage(
            "none.json: flows is missing; expected the array of true flows that crowdhex generate"
                + " writes");
    Path bad =
        Files.writeString(
            dir.resolve("bad.json"),
            "{\"flows\":[{\"event_id\":\"m\",\"phase\":\"arrival\",\"origin\":\"a\","
                + "\"destination\":\"b\",\"authors\":-1,\"start\":\"2026-04-19T12:00:00Z\","
                + "\"end\":\"yesterday\"}, 3]}");
    assertThatThrownBy(() -> FlowAccuracy.readTruth(bad))
        .isInstanceOf(EvaluationFileException.class)
        .satisfies(
            e ->
                assertThat(((EvaluationFileException) e).problems())
                    .containsExactly(
                        "bad.json: flows[0]: authors is -1; expected a whole number >= 0",
                        "bad.json: flows[0]: end is \"yesterday\"; expected an ISO-8601 UTC instant"
                            + " such as 2026-04-19T14:15:00Z",
                        "bad.json: flows[1] is 3; expected an object"));
    assertThatThrownBy(() -> FlowAccuracy.readTruth(dir.resolve("absent.json")))
        .hasMessage("absent.json does not exist; expected the truth.json of a generated stream");
  }

  @Test
  void readsTheFlowsOutputAndNamesEveryBadLine() throws IOException {
    RecordFormat<FlowWindow> lines = FlowFormats.edgeLines();
    FlowWindow w =
        new FlowWindow("kuip", "centraal", at(0).toEpochMilli(), at(15).toEpochMilli(), 12, 13, 2);
    Path good = Files.writeString(dir.resolve("flows.jsonl"), lines.encode(w) + "\n\n");
    assertThat(FlowAccuracy.readFlows(good)).containsExactly(flow("kuip", "centraal", 0, 12, 2));

    Path bad =
        Files.writeString(
            dir.resolve("bad.jsonl"),
            "not json\n[1]\n{\"origin\":\"a\",\"destination\":\"b\",\"window_start\":"
                + "\"2026-04-19T12:15:00Z\",\"window_end\":\"2026-04-19T12:00:00Z\",\"authors\":3}\n"
                + "{\"origin\":\"a\",\"window_start\":\"2026-04-19T12:00:00Z\",\"window_end\":"
                + "\"2026-04-19T12:15:00Z\",\"authors\":2.5}\n");
    assertThatThrownBy(() -> FlowAccuracy.readFlows(bad))
        .isInstanceOf(EvaluationFileException.class)
        .satisfies(
            e ->
                assertThat(((EvaluationFileException) e).problems())
                    .hasSize(5)
                    .anySatisfy(p -> assertThat(p).startsWith("bad.jsonl line 1 is not JSON"))
                    .contains(
                        "bad.jsonl line 2 is an array; expected one JSON object",
                        "bad.jsonl line 3: window_end is 2026-04-19T12:00:00Z; expected an instant"
                            + " after 2026-04-19T12:15:00Z",
                        "bad.jsonl line 4: destination is missing; expected a text",
                        "bad.jsonl line 4: authors is 2.5; expected a whole number >= 0"));
  }

  /**
   * The demo's match day (seed 42, 15,000 background authors, 3,000 at the match, H3 resolution 10)
   * through the privacy, hygiene and flow cores as the job runs them, with 15-minute windows
   * sliding by 5 minutes and the default minimum crowd of 10; the published flows are written as
   * the flows output and scored from the files against the truth file.
   */
  @Test
  void theStadiumArrivalAndEgressFlowsOfTheDemoMatchDayReachACpcOfAtLeast08() throws IOException {
    H3Core h3 = H3Core.newInstance();
    ZoneId amsterdam = ZoneId.of("Europe/Amsterdam");
    Path venuesFile = Path.of("geo-data", "venues", "rotterdam.geojson");
    if (!Files.exists(venuesFile)) venuesFile = Path.of("..").resolve(venuesFile);
    List<Venue> venues =
        VenueCatalog.filter(
            VenueCatalog.read(venuesFile, 100),
            List.of("kuip", "stadion_halt", "centraal", "coolsingel", "erasmusbrug", "ahoy"));
    List<VenueZone> zones = venues.stream().map(v -> VenueZone.of(v, 10, h3)).toList();
    VenueIndex index = VenueIndex.of(zones);
    MatchScenario match =
        new MatchScenario("kuip", Instant.parse("2026-04-19T12:30:00Z"), null, 3_000, List.of());
    GeneratorSpec spec =
        GeneratorSpec.matchDay(42, amsterdam, match).withH3Resolution(10).withPopulation(15_000);
    List<Post> posts = new ArrayList<>();
    GroundTruth truth = new SyntheticStream().generate(spec, venues, posts::add);

    PrivacySettings privacy = PrivacySettings.DEFAULT;
    Pseudonymizer pseudonymizer =
        Pseudonymizer.create(
            PseudonymKey.of(
                "a fixed key for a reproducible test run".getBytes(StandardCharsets.UTF_8), "test"),
            privacy.keyRotation("Feyenoord match day", amsterdam));
    long size = Duration.ofMinutes(15).toMillis();
    long slide = Duration.ofMinutes(5).toMillis();
    HygieneRules hygiene =
        new HygieneRules(
            privacy.postCap(),
            Duration.ofMillis(size),
            privacy.duplicateWindow(),
            Duration.ofMinutes(6));
    MoveTracker tracker = new MoveTracker(new MoveRules(FlowSettings.DEFAULT, h3));
    Map<Long, AuthorActivity> activity = new HashMap<>();
    Map<Long, Sighting> last = new HashMap<>();
    List<Move> moves = new ArrayList<>();
    for (Post post : posts) {
      PseudonymousPost p = pseudonymizer.apply(post, false);
      long cell = h3.latLngToCell(p.lat(), p.lon(), 10);
      if (!index.covers(cell)) continue;
      AuthorActivity a = activity.computeIfAbsent(p.author(), k -> new AuthorActivity());
      if (a.admit(cell, p.timeMillis(), hygiene) != PostVerdict.COUNTED) continue;
      MoveTracker.Step step = tracker.track(last.get(p.author()), p.author(), cell, p.timeMillis());
      last.put(p.author(), step.state());
      if (step.move() != null) moves.add(step.move());
    }
    FlowZones flowZones = FlowZones.ofVenues(zones);
    RecordFormat<FlowWindow> format = FlowFormats.edgeLines();
    Path flowsFile = dir.resolve("flows.jsonl");
    try (OutputStream out = Files.newOutputStream(flowsFile)) {
      for (FlowWindow f : FlowWindows.edges(moves, flowZones, size, slide)) {
        if (f.publishable(privacy.minCrowd())) {
          out.write((format.encode(f) + "\n").getBytes(StandardCharsets.UTF_8));
        }
      }
    }
    Path truthFile = dir.resolve("truth.json");
    try (OutputStream out = Files.newOutputStream(truthFile)) {
      truth.writeJson(out);
    }

    List<PhaseScore> scores =
        FlowAccuracy.score(FlowAccuracy.readTruth(truthFile), FlowAccuracy.readFlows(flowsFile));

    assertThat(scores).extracting(PhaseScore::phase).containsExactly("arrival", "egress");
    for (PhaseScore s : scores) {
      // Measured: arrival 0.91 (stadion_halt is so close to the stadium that many hub and gate
      // posts fall in neighbouring cells, which are no move), egress 0.98.
      assertThat(s.cpc()).as("%s", s).isGreaterThanOrEqualTo(0.8);
      assertThat(s.estimatedAuthors()).as("%s", s).isLessThanOrEqualTo(s.truthAuthors());
    }
  }
}
