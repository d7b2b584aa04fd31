package org.crowdhex.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.concurrent.Callable;
import org.crowdhex.generate.GeneratorSpec;
import org.crowdhex.generate.GroundTruth;
import org.crowdhex.generate.MatchScenario;
import org.crowdhex.generate.SyntheticStream;
import org.crowdhex.generate.WeekVenues;
import org.crowdhex.plan.EventPlan;
import org.crowdhex.venue.Venue;
import org.crowdhex.venue.VenueCatalog;
import org.crowdhex.venue.VenueKind;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Writes a synthetic, seeded stream of posts around a plan's venues, with its ground truth. */
@Command(
    name = "generate",
    mixinStandardHelpOptions = true,
    showDefaultValues = true,
    description = {
      "Generate a deterministic synthetic event around a plan's venues: background posting on a"
          + " daily rhythm, bots, duplicates, GPS jitter and a stadium match (arrivals from"
          + " stations, posts during the match, an egress surge).",
      "Writes posts.jsonl (or posts.jsonl.gz) and truth.json to the output folder; one seed"
          + " always gives identical files."
    })
final class GenerateCommand implements Callable<Integer> {
  @Option(
      names = "--plan",
      required = true,
      paramLabel = "PLAN",
      description = "The event plan whose venues and time zone are used.")
  Path planFile;

  @Option(
      names = {"-o", "--out"},
      paramLabel = "DIR",
      defaultValue = "out/generated",
      description = "Output folder.")
  Path out;

  @Option(names = "--seed", defaultValue = "42", description = "Random seed.")
  long seed;

  @Option(
      names = "--city-seed",
      paramLabel = "SEED",
      description =
          "Seed of the city: where the background authors live, how much they post, and the bots"
              + " (default: --seed). Streams with one city seed and different seeds are different"
              + " days of the same city, e.g. the history a baseline learns from and the week it"
              + " watches.")
  Long citySeed;

  @Option(
      names = "--kick-off",
      paramLabel = "TIME",
      defaultValue = "2026-04-19T14:30",
      description = "Kick-off, ISO-8601; without an offset it is local time in the plan's zone.")
  String kickOff;

  @Option(
      names = "--stadium",
      paramLabel = "VENUE",
      description = "Venue id of the match (default: the plan's first stadium).")
  String stadium;

  @Option(
      names = "--hubs",
      split = ",",
      paramLabel = "VENUE",
      description = "Venue ids people arrive from (default: every station venue).")
  List<String> hubs;

  @Option(
      names = "--attendance",
      defaultValue = "3000",
      description = "Distinct authors who come to the match and post.")
  int attendance;

  @Option(
      names = "--no-match",
      description = "An event-free stream (background, bots, duplicates only).")
  boolean noMatch;

  @Option(
      names = "--days",
      defaultValue = "1",
      description = "Length of the stream in days, from local midnight of the kick-off day.")
  int days;

  @Option(
      names = "--population",
      description = "Background authors (default " + GeneratorSpec.DEMO_POPULATION + ").")
  Integer population;

  @Option(
      names = "--posts",
      paramLabel = "N",
      description = "Aim for about N posts in all (scales the background population).")
  Long targetPosts;

  @Option(
      names = "--week",
      description =
          "A benchmark week from the kick-off's day: a match, a flash crowd, a march, a slow"
              + " build-up at a camp and an outage on separate days (ignores --days and"
              + " --no-match).")
  boolean week;

  @Option(
      names = "--square",
      paramLabel = "VENUE",
      description = "With --week: the flash crowd's square (default: the plan's first square).")
  String square;

  @Option(
      names = "--route",
      paramLabel = "VENUE",
      description = "With --week: the march's route (default: the plan's first route).")
  String route;

  @Option(
      names = "--camp",
      paramLabel = "VENUE",
      description = "With --week: the build-up's camp (default: the plan's first camp).")
  String camp;

  @Option(names = "--gzip", description = "Write posts.jsonl.gz instead of posts.jsonl.")
  boolean gzip;

  @Override
  public Integer call() throws Exception {
    EventPlan plan = PlanOption.load(planFile);
    Path posts = out.resolve(gzip ? "posts.jsonl.gz" : "posts.jsonl");
    GroundTruth truth = generate(plan, posts, out.resolve("truth.json"));
    System.out.printf("wrote %,d posts to %s%n", truth.totals().posts(), posts);
    System.out.printf("ground truth in %s%n", out.resolve("truth.json"));
    return 0;
  }

  GroundTruth generate(EventPlan plan, Path posts, Path truthFile) throws Exception {
    if (days < 1 || days > 366) {
      throw new UserErrors.UserError("--days is " + days + "; accepted: 1 to 366");
    }
    List<Venue> venues = planVenues(plan);
    Instant kick = parseTime(kickOff, plan);
    ZonedDateTime from = LocalDate.ofInstant(kick, plan.timeZone()).atStartOfDay(plan.timeZone());
    ZonedDateTime to = from.plusDays(days);
    List<MatchScenario> matches =
        noMatch
            ? List.of()
            : List.of(
                new MatchScenario(
                    stadiumOf(venues),
                    kick,
                    MatchScenario.DEFAULT_LENGTH,
                    attendance,
                    hubs == null ? List.of() : hubs));
    GeneratorSpec d =
        week
            ? GeneratorSpec.week(
                seed,
                LocalDate.ofInstant(kick, plan.timeZone()),
                plan.timeZone(),
                new WeekVenues(
                    stadiumOf(venues),
                    venueOf(venues, square, VenueKind.SQUARE, "--square"),
                    venueOf(venues, route, VenueKind.ROUTE, "--route"),
                    venueOf(venues, camp, VenueKind.CAMP, "--camp")))
            : GeneratorSpec.demo(
                seed, from.toInstant(), Duration.between(from, to), plan.timeZone(), matches);
    // The truth's affected cells are named at the plan's resolution.
    GeneratorSpec spec = d.withH3Resolution(plan.h3Resolution());
    if (population != null) spec = spec.withPopulation(population);
    if (targetPosts != null) spec = spec.withTargetPosts(targetPosts);
    Files.createDirectories(posts.toAbsolutePath().getParent());
    long expected = Math.round(spec.expectedPosts());
    boolean terminal = System.console() != null;
    long[] last = {System.nanoTime()};
    return SyntheticStream.writeFiles(
        spec,
        citySeed,
        venues,
        posts,
        truthFile,
        n -> {
          long now = System.nanoTime();
          if (now - last[0] > (terminal ? 500_000_000L : 5_000_000_000L)) {
            last[0] = now;
            String line = String.format("generated %,d of about %,d posts", n, expected);
            if (terminal) System.out.print("\r" + line);
            else System.out.println(line);
          }
        });
  }

  private static List<Venue> planVenues(EventPlan plan) {
    List<Venue> venues =
        VenueCatalog.read(plan.venues().file(), plan.venues().defaultBufferMeters());
    return plan.venues().include().isEmpty()
        ? venues
        : VenueCatalog.filter(venues, plan.venues().include());
  }

  private static String venueOf(List<Venue> venues, String chosen, VenueKind kind, String option) {
    if (chosen != null) {
      if (venues.stream().noneMatch(v -> v.id().equals(chosen))) {
        throw new UserErrors.UserError(
            option
                + " is \""
                + chosen
                + "\"; accepted: a venue id of the plan ("
                + String.join(", ", venues.stream().map(Venue::id).toList())
                + ")");
      }
      return chosen;
    }
    return venues.stream()
        .filter(v -> v.kind() == kind)
        .map(Venue::id)
        .findFirst()
        .orElseThrow(
            () ->
                new UserErrors.UserError(
                    "the plan has no "
                        + kind.code()
                        + " venue for --week; name one with "
                        + option));
  }

  private String stadiumOf(List<Venue> venues) {
    if (stadium != null) {
      boolean known = venues.stream().anyMatch(v -> v.id().equals(stadium));
      if (!known) {
        throw new UserErrors.UserError(
            "--stadium is \""
                + stadium
                + "\"; accepted: a venue id of the plan ("
                + String.join(", ", venues.stream().map(Venue::id).toList())
                + ")");
      }
      return stadium;
    }
    return venues.stream()
        .filter(v -> v.kind() == VenueKind.STADIUM)
        .map(Venue::id)
        .findFirst()
        .orElseThrow(
            () ->
                new UserErrors.UserError(
                    "the plan has no stadium venue; name one with --stadium or use --no-match"));
  }

  private static Instant parseTime(String text, EventPlan plan) {
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      try {
        return LocalDateTime.parse(text).atZone(plan.timeZone()).toInstant();
      } catch (DateTimeParseException e2) {
        throw new UserErrors.UserError(
            "--kick-off is \""
                + text
                + "\"; accepted: ISO-8601 such as 2026-04-19T14:30 (local) or"
                + " 2026-04-19T14:30:00+02:00");
      }
    }
  }
}
