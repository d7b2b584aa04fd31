package org.crowdhex.generate;

import com.uber.h3core.H3Core;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.LongConsumer;
import org.crowdhex.post.Post;
import org.crowdhex.venue.Venue;
import org.crowdhex.venue.VenueKind;

/**
 * A deterministic synthetic stream of geotagged posts in a city around a set of venues, with a
 * ground truth of what happened in it. It lets the whole pipeline run and be scored without real
 * data; the model below is meant to be believable, not exact.
 *
 * <h2>Background population</h2>
 *
 * <ul>
 *   <li><b>Who posts.</b> {@code population} authors with heavy-tailed activity: Pareto weights
 *       with α = 1.2, capped at 150 times the smallest (see {@link BackgroundPopulation}). A tenth
 *       of the authors write about half of the posts; most post rarely, as on real platforms.
 *   <li><b>When.</b> An inhomogeneous Poisson process: per minute, a Poisson count whose mean is
 *       {@code population × postsPerAuthorPerDay / 1440} times a daily-rhythm weight in the city's
 *       time zone — low 02:00–06:00, rising in the morning, a lunch peak, the maximum 19:00–22:00
 *       (see {@link DailyRhythm}). Times are uniform within the minute.
 *   <li><b>Where.</b> Each author has a home drawn from a mixture of centres — the city centre (the
 *       mean of the venues' centroids, half of the people) and every venue's centroid — with
 *       density decaying exponentially with distance (scale 1.5 km at the centre, 1 km at venues,
 *       nothing beyond 8 km; see {@link CityDensity}). 70 % of an author's posts fall within about
 *       500 m of home, the rest anywhere in the city.
 *   <li><b>Language.</b> The city's (Dutch in the Netherlands, Greek in Greece, else English) for
 *       three in four authors, English for the others; texts are short invented phrases.
 * </ul>
 *
 * <h2>Noise</h2>
 *
 * <ul>
 *   <li><b>GPS jitter.</b> Every phone position gets Gaussian noise of {@code jitterMeters} per
 *       axis.
 *   <li><b>Bots.</b> {@code bots} accounts post every one to three minutes, day and night, from one
 *       fixed spot each, with a few repeated advertising texts and no jitter (see {@link
 *       BotAccounts}).
 *   <li><b>Duplicates.</b> Each post is re-delivered with probability {@code r / (1 - r)} for
 *       {@code r = duplicateRate}, so that a share {@code r} of all emitted posts are exact copies
 *       (same id, author, time, position and text), as when a client retries an upload. A copy is
 *       delivered no earlier than its original.
 *   <li><b>Disorder.</b> A post is delivered at its time plus a device delay: nine in ten within
 *       seconds (exponential, mean 1.5 s or a quarter of {@code maxDisorder} if that is less), one
 *       in ten anywhere up to {@code maxDisorder} (offline phones, batched uploads). Output is in
 *       delivery order, so a post comes at most {@code maxDisorder} after a post with a later time,
 *       and never more.
 * </ul>
 *
 * <h2>Stadium match</h2>
 *
 * Each {@link MatchScenario} adds {@code attendance} distinct authors — a fifth taken from the
 * background population (who write no background posts while at the match), the rest new — and
 * plays out their day (the numbers are in {@link MatchDay}):
 *
 * <ul>
 *   <li><b>Arrival</b> (kick-off − 2 h to kick-off). Each attendee reaches the gates at a time
 *       whose density rises linearly towards kick-off. Before that they post at a transit hub (a
 *       random point in the hub's outline buffered by up to 50 m) — one of the scenario's hubs, or
 *       any station venue — and travel to the stadium at 5 m/s door to door plus two minutes
 *       (between 5 and 15 minutes, ±15 %). One in three posts on the way, near the straight line;
 *       everyone posts at the gates, from inside the stadium outline.
 *   <li><b>Match.</b> From inside the stadium outline: about 1.2 posts each spread over both
 *       halves, one in four at half-time (the middle seventh of the match, 15 of 105 minutes), and
 *       one in five within a minute or so of each goal (on average 2.6 goals at random moments).
 *   <li><b>Egress</b> (final whistle to +45 min). A sharp surge: nine in ten post from the
 *       stadium's surroundings (its zone, at least 100 m around it) within 30 minutes, most in the
 *       first ten (exponential, mean 8 minutes); then 85 % post from a hub on their way home — the
 *       hub they came from, or another one in one case in five.
 * </ul>
 *
 * Points inside an outline are drawn by rejection sampling in its envelope; a route or point venue
 * is sampled within its buffer. Distances use a local metres approximation ({@link LocalMetres}),
 * good enough for sampling and noise.
 *
 * <h2>Other scenarios</h2>
 *
 * {@link GeneratorSpec#scenarios()} adds flash crowds ({@link FlashCrowdScenario}), marches along a
 * route ({@link MarchScenario}) and slow build-ups at a camp ({@link BuildUpScenario}), each with
 * new authors planned up front like a match, and platform outages ({@link OutageScenario}) that
 * lose a share of every post in their interval. Each gives one ground-truth event after the
 * matches'; a random is split for each, after those of the matches, so adding a scenario leaves the
 * background and the bots as they were.
 *
 * <h2>Determinism and memory</h2>
 *
 * All draws come from {@link SplittableRandom}s split from the seed in a fixed order (population,
 * background, bots, delivery, then one per match), with {@link StrictMath} for the transcendental
 * functions so that CPU architectures do not differ in the last bit, and nothing depends on the
 * clock or on hash order: one spec gives byte-identical files. Posts are generated minute by minute
 * and handed on as soon as their delivery time has passed; only match scenarios (a few posts per
 * attendee) and per-author arrays are held, so millions of posts need little heap.
 */
public final class SyntheticStream {
  public static final String PLATFORM = "synthetic";

  /** How often {@link #writeFiles} reports progress, in posts. */
  public static final long PROGRESS_EVERY = 100_000;

  static final double LATE_SHARE = 0.1;
  static final double PROMPT_MEAN_MILLIS = 1_500;

  private final Long citySeed;

  /** A generator whose city (background population and bots) comes from each spec's seed. */
  public SyntheticStream() {
    this(null);
  }

  /**
   * A generator whose city — where the background authors live and how much they post, and the bots
   * — comes from {@code citySeed}, while each day's draws come from the spec's seed. Streams of one
   * city seed and different seeds are different days of the same city: the history a baseline
   * learns from and the week it watches.
   *
   * @param citySeed the city's seed, or null to take the spec's seed
   */
  public SyntheticStream(Long citySeed) {
    this.citySeed = citySeed;
  }

  /**
   * Generates the stream of {@code spec} around {@code venues} into {@code out}, in delivery order,
   * and returns its ground truth.
   *
   * @throws IllegalArgumentException when the venues do not fit the spec (unknown stadium or hub,
   *     no hub, duplicate ids)
   * @throws IOException when {@code out} fails
   */
  public GroundTruth generate(GeneratorSpec spec, List<Venue> venues, PostConsumer out)
      throws IOException {
    Objects.requireNonNull(spec, "spec");
    Objects.requireNonNull(venues, "venues");
    Objects.requireNonNull(out, "out");
    Map<String, Venue> byId = index(venues);

    SplittableRandom root = new SplittableRandom(spec.seed());
    SplittableRandom populationRandom = root.split();
    SplittableRandom backgroundRandom = root.split();
    SplittableRandom botRandom = root.split();
    if (citySeed != null) {
      SplittableRandom city = new SplittableRandom(citySeed);
      populationRandom = city.split();
      city.split(); // the background's slot: each day's posting stays the spec's own
      botRandom = city.split();
    }
    SplittableRandom deliveryRandom = root.split();

    CityDensity density = new CityDensity(venues);
    byte cityLanguage = PostTexts.cityLanguage(density.centreLat(), density.centreLon());
    GpsJitter jitter = new GpsJitter(spec.jitterMeters(), density.cityFrame());
    long startMillis = spec.start().toEpochMilli();
    long endMillis = spec.end().toEpochMilli();
    StreamSetting setting =
        new StreamSetting(startMillis, endMillis, spec.h3Resolution(), jitter, cityLanguage);

    BackgroundPopulation population =
        new BackgroundPopulation(spec.population(), density, cityLanguage, populationRandom);
    BotAccounts bots =
        new BotAccounts(
            spec.bots(), spec.population(), startMillis, density, cityLanguage, botRandom);

    H3Core h3 = H3Core.newInstance();
    List<MatchDay> matchDays = new ArrayList<>();
    int nextAuthor = spec.population() + spec.bots();
    for (int i = 0; i < spec.matches().size(); i++) {
      MatchScenario scenario = spec.matches().get(i);
      Venue stadium = byId.get(scenario.venueId());
      if (stadium == null) {
        throw new IllegalArgumentException(
            "matches["
                + i
                + "].venueId is "
                + scenario.venueId()
                + "; expected the id of one of the "
                + venues.size()
                + " venues");
      }
      List<VenueArea> hubs = hubs(i, scenario, byId);
      List<VenueArea> passedBy = new ArrayList<>();
      for (Venue v : byId.values()) {
        boolean hub = hubs.stream().anyMatch(h -> h.id().equals(v.id()));
        if (!hub && !v.id().equals(stadium.id())) passedBy.add(new VenueArea(v));
      }
      MatchDay day =
          new MatchDay(
              "match-" + (i + 1) + "-" + scenario.venueId(),
              scenario,
              new VenueArea(stadium),
              hubs,
              passedBy,
              population,
              nextAuthor,
              setting,
              h3,
              root.split());
      nextAuthor += day.newAuthors();
      matchDays.add(day);
    }
    List<ScenarioPlay> plays = new ArrayList<>();
    List<GroundTruth.Event> scenarioEvents = new ArrayList<>();
    List<OutageScenario> outages = new ArrayList<>();
    List<SplittableRandom> outageRandoms = new ArrayList<>();
    for (int i = 0; i < spec.scenarios().size(); i++) {
      Scenario scenario = spec.scenarios().get(i);
      String eventId =
          scenario.kind().replace('_', '-')
              + "-"
              + (i + 1)
              + (scenario.venueId() == null ? "" : "-" + scenario.venueId());
      SplittableRandom random = root.split();
      if (scenario instanceof OutageScenario outage) {
        outages.add(outage);
        outageRandoms.add(random);
        long to = Math.min(outage.end().toEpochMilli(), endMillis);
        scenarioEvents.add(
            new GroundTruth.Event(
                eventId,
                outage.kind(),
                null,
                Map.of(
                    OutageScenario.KIND,
                    new GroundTruth.Interval(outage.start(), Instant.ofEpochMilli(to))),
                List.of(),
                new ArrayList<>(byId.keySet()),
                List.of(),
                0,
                List.of(),
                outage.dropFraction()));
        continue;
      }
      Venue venue = byId.get(scenario.venueId());
      if (venue == null) {
        throw new IllegalArgumentException(
            "scenarios["
                + i
                + "] ("
                + scenario.kind()
                + ").venueId is "
                + scenario.venueId()
                + "; expected the id of one of the "
                + venues.size()
                + " venues");
      }
      VenueArea area = new VenueArea(venue);
      ScenarioPlay play;
      if (scenario instanceof FlashCrowdScenario f) {
        play = ScenarioPlay.flashCrowd(eventId, f, area, nextAuthor, setting, h3, random);
      } else if (scenario instanceof MarchScenario m) {
        play = ScenarioPlay.march(eventId, m, area, nextAuthor, setting, h3, random);
      } else {
        play =
            ScenarioPlay.buildUp(
                eventId, (BuildUpScenario) scenario, area, nextAuthor, setting, h3, random);
      }
      nextAuthor += play.newAuthors(nextAuthor);
      plays.add(play);
      scenarioEvents.add(play.event());
    }
    int authorWidth = Math.max(5, Integer.toString(nextAuthor).length());
    long dropped = 0;

    long[] counts = new long[PostKind.VALUES.length];
    PostBatch batch = new PostBatch(1024);
    DeliveryQueue queue = new DeliveryQueue();
    double[] scratch = new double[2];
    ZoneRules rules = spec.zone().getRules();
    double perAuthorPerMilli = spec.postsPerAuthorPerDay() / 86_400_000.0;
    long maxDisorder = spec.maxDisorder().toMillis();
    double duplicateChance = spec.duplicateRate() / (1 - spec.duplicateRate());
    long sequence = 0;

    for (long s = startMillis; s < endMillis; s += DailyRhythm.SLICE_MILLIS) {
      long e = Math.min(s + DailyRhythm.SLICE_MILLIS, endMillis);
      batch.clear();
      double expected =
          spec.population() * perAuthorPerMilli * (e - s) * DailyRhythm.sliceWeight(s, e, rules);
      population.addPosts(s, e, expected, batch, jitter, backgroundRandom, scratch);
      bots.addPosts(s, e, batch);
      for (MatchDay day : matchDays) {
        day.addPosts(e, batch);
      }
      for (ScenarioPlay play : plays) {
        play.addPosts(e, batch);
      }
      int[] order = batch.timeOrder();
      for (int k = 0; k < batch.size; k++) {
        int i = order[k];
        long t = batch.time[i];
        if (lost(outages, outageRandoms, t)) {
          dropped++;
          continue;
        }
        Post post =
            new Post(
                padded('p', ++sequence, 9),
                padded('u', batch.author[i] + 1L, authorWidth),
                t,
                batch.lat[i],
                batch.lon[i],
                PLATFORM,
                PostTexts.code(batch.language[i]),
                batch.text[i]);
        long delay = deliveryDelay(deliveryRandom, maxDisorder);
        queue.push(t + delay, post, PostKind.VALUES[batch.kind[i]]);
        if (duplicateChance > 0 && deliveryRandom.nextDouble() < duplicateChance) {
          long again = delay + deliveryRandom.nextLong(maxDisorder - delay + 1);
          queue.push(t + again, post, PostKind.DUPLICATE);
        }
      }
      // Later slices only hold posts at or after e, so everything due before e is final.
      while (queue.dueBefore(e)) {
        out.accept(queue.pop());
        counts[queue.lastKind().ordinal()]++;
      }
    }
    while (!queue.isEmpty()) {
      out.accept(queue.pop());
      counts[queue.lastKind().ordinal()]++;
    }

    List<GroundTruth.Event> events = new ArrayList<>();
    List<GroundTruth.Flow> flows = new ArrayList<>();
    for (MatchDay day : matchDays) {
      events.add(day.event());
      flows.addAll(day.flows());
    }
    events.addAll(scenarioEvents);
    List<String> botAuthors = new ArrayList<>();
    for (int b = 0; b < bots.count(); b++) {
      botAuthors.add(padded('u', bots.firstAuthor() + b + 1L, authorWidth));
    }
    long total = 0;
    for (long c : counts) {
      total += c;
    }
    return new GroundTruth(
        spec.seed(),
        spec,
        new GroundTruth.City(
            density.centreLat(), density.centreLon(), PostTexts.code(cityLanguage)),
        new GroundTruth.Totals(
            total,
            counts[PostKind.BACKGROUND.ordinal()],
            counts[PostKind.MATCH.ordinal()],
            counts[PostKind.BOT.ordinal()],
            counts[PostKind.DUPLICATE.ordinal()],
            counts[PostKind.SCENARIO.ordinal()],
            dropped),
        events,
        flows,
        botAuthors);
  }

  /**
   * Generates the stream into {@code postsFile} as JSON lines (gzip when the name ends with .gz)
   * and its ground truth into {@code truthFile} as pretty JSON; both files are replaced.
   *
   * @param progress told the number of posts written every {@value #PROGRESS_EVERY} posts and at
   *     the end; may be null
   */
  public static GroundTruth writeFiles(
      GeneratorSpec spec, List<Venue> venues, Path postsFile, Path truthFile, LongConsumer progress)
      throws IOException {
    return writeFiles(spec, null, venues, postsFile, truthFile, progress);
  }

  /**
   * As {@link #writeFiles(GeneratorSpec, List, Path, Path, LongConsumer)}, with the city drawn from
   * {@code citySeed} (null: from the spec's seed); see {@link #SyntheticStream(Long)}.
   */
  public static GroundTruth writeFiles(
      GeneratorSpec spec,
      Long citySeed,
      List<Venue> venues,
      Path postsFile,
      Path truthFile,
      LongConsumer progress)
      throws IOException {
    LongConsumer report = progress == null ? n -> {} : progress;
    GroundTruth truth;
    try (PostJsonLines lines = PostJsonLines.open(postsFile)) {
      truth =
          new SyntheticStream(citySeed)
              .generate(
                  spec,
                  venues,
                  post -> {
                    lines.accept(post);
                    if (lines.written() % PROGRESS_EVERY == 0) {
                      report.accept(lines.written());
                    }
                  });
      if (lines.written() % PROGRESS_EVERY != 0 || lines.written() == 0) {
        report.accept(lines.written());
      }
    }
    try (OutputStream truthOut =
        new BufferedOutputStream(Files.newOutputStream(truthFile), 1 << 16)) {
      truth.writeJson(truthOut);
    }
    return truth;
  }

  private static Map<String, Venue> index(List<Venue> venues) {
    if (venues.isEmpty()) {
      throw new IllegalArgumentException(
          "venues is empty; expected at least one venue to place the city around");
    }
    Map<String, Venue> byId = new TreeMap<>();
    for (Venue v : venues) {
      if (byId.put(v.id(), v) != null) {
        throw new IllegalArgumentException(
            "venue id " + v.id() + " appears twice; expected unique venue ids");
      }
    }
    return byId;
  }

  /** The hubs of a match, sorted by id: the named ones, or every station venue. */
  private static List<VenueArea> hubs(int index, MatchScenario scenario, Map<String, Venue> byId) {
    Map<String, VenueArea> hubs = new TreeMap<>();
    if (scenario.hubVenueIds().isEmpty()) {
      for (Venue v : byId.values()) {
        if (v.kind() == VenueKind.STATION) {
          hubs.put(v.id(), new VenueArea(v));
        }
      }
      if (hubs.isEmpty()) {
        throw new IllegalArgumentException(
            "matches["
                + index
                + "].hubVenueIds is empty and no venue has kind station; expected at least one"
                + " transit hub");
      }
    } else {
      for (String id : scenario.hubVenueIds()) {
        Venue v = byId.get(id);
        if (v == null) {
          throw new IllegalArgumentException(
              "matches[" + index + "].hubVenueIds names " + id + "; expected the id of a venue");
        }
        hubs.put(id, new VenueArea(v));
      }
    }
    return new ArrayList<>(hubs.values());
  }

  /**
   * Whether an outage loses a post of time {@code t}: the first outage covering {@code t} decides
   * with its own random, so a spec without outages draws nothing here.
   */
  private static boolean lost(
      List<OutageScenario> outages, List<SplittableRandom> randoms, long t) {
    for (int o = 0; o < outages.size(); o++) {
      if (outages.get(o).drops(t)) {
        return randoms.get(o).nextDouble() < outages.get(o).dropFraction();
      }
    }
    return false;
  }

  /**
   * A device delay: most posts arrive within seconds, a tenth anywhere up to the maximum disorder.
   */
  private static long deliveryDelay(SplittableRandom random, long maxDisorder) {
    if (maxDisorder == 0) {
      return 0;
    }
    if (random.nextDouble() < LATE_SHARE) {
      return random.nextLong(maxDisorder + 1);
    }
    double mean = Math.min(PROMPT_MEAN_MILLIS, maxDisorder / 4.0);
    return Math.min(maxDisorder, (long) RandomDraws.exponential(random, mean));
  }

  /** {@code prefix} and {@code n} zero-padded to {@code width} digits, like p000000001. */
  static String padded(char prefix, long n, int width) {
    String digits = Long.toString(n);
    int zeros = Math.max(0, width - digits.length());
    char[] chars = new char[1 + zeros + digits.length()];
    chars[0] = prefix;
    for (int i = 1; i <= zeros; i++) {
      chars[i] = '0';
    }
    digits.getChars(0, digits.length(), chars, 1 + zeros);
    return new String(chars);
  }
}
