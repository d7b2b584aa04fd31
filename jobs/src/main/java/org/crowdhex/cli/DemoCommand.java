package org.crowdhex.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.crowdhex.generate.GroundTruth;
import org.crowdhex.job.RunSummary;
import org.crowdhex.plan.EventPlan;
import org.crowdhex.post.TimeRange;
import org.crowdhex.privacy.PseudonymKey;
import org.crowdhex.serve.ServeConfig;
import org.crowdhex.serve.TileServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Generates the bundled Rotterdam match day and runs the monitor job over it, with detection
 * against a baseline learned from generated event-free days of the same city before it.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    showDefaultValues = true,
    description = {
      "Run the demo: a synthetic match day at De Kuip, Rotterdam (Feyenoord at home, kick-off"
          + " 14:30), generated with a fixed seed and replayed through the monitor job on the"
          + " embedded engine, with anomaly detection against a baseline learned from three"
          + " event-free days of the same city before it.",
      "Writes the plan and venues it used (the plan with its detection section, so that crowdhex"
          + " run replays the same), the generated history, baseline, posts and ground truth, and"
          + " the job's outputs (alerts included) under the output folder."
    })
final class DemoCommand implements Callable<Integer> {
  static final String PLAN = "geo-data/plans/rotterdam-match.yaml";
  static final String VENUES = "geo-data/venues/rotterdam.geojson";

  /** The match day's seed, which is also the city's (homes, posting rates, bots). */
  static final long SEED = 42;

  static final String KICK_OFF = "2026-04-19T14:30";
  static final int ATTENDANCE = 3000;
  static final int POPULATION = 15_000;

  /** The event-free days the baseline is learned from: the same city, the days before. */
  static final String HISTORY_START = "2026-04-16";

  static final int HISTORY_DAYS = 3;
  static final long HISTORY_SEED = 41;

  /**
   * The detection thresholds: DetectionTest's. Measured on the demo's match day against this
   * baseline, the highest scan score anywhere outside the match (from 15 minutes before the arrival
   * to an hour after the egress) is about 11, and at the venues the match barely touches
   * (coolsingel, erasmusbrug) about 15; the match's first windows score above 100. Calibrating them
   * ({@code crowdhex calibrate}) needs at least 7 more event-free days.
   */
  static final double THRESHOLD = 25;

  static final double CRITICAL = 80;
  static final int DETECTION_CLOSE_AFTER = 3;

  @Option(
      names = {"-o", "--out"},
      paramLabel = "DIR",
      defaultValue = "out/demo",
      description = "Folder for everything the demo writes.")
  Path out;

  @Option(
      names = "--no-serve",
      description = "End after the run instead of serving the tiles and the viewer.")
  boolean noServe;

  @Option(
      names = "--port",
      defaultValue = "8080",
      description = "Port of the viewer and tile server (0 picks a free one).")
  int port;

  @Option(
      names = {"-p", "--parallelism"},
      paramLabel = "N",
      defaultValue = "2",
      description = "Parallelism of the embedded engine.")
  int parallelism;

  @Override
  public Integer call() throws Exception {
    Path planFile = extract(PLAN);
    extract(VENUES);
    EventPlan plan = PlanOption.load(planFile).withParallelism(parallelism);
    ZoneId zone = plan.timeZone();

    // What is normal comes from event-free days of the same city (its seed) just before the match.
    LocalDate historyStart = LocalDate.parse(HISTORY_START);
    System.out.printf(
        "1/4 generating %d event-free days of the same city before the match day (%s to %s,"
            + " seed %d)...%n",
        HISTORY_DAYS, historyStart, historyStart.plusDays(HISTORY_DAYS - 1), HISTORY_SEED);
    GenerateCommand history = city(HISTORY_SEED, historyStart.atTime(12, 0).toString());
    history.noMatch = true;
    history.days = HISTORY_DAYS;
    Path historyPosts = out.resolve("input/history/posts.jsonl");
    GroundTruth quiet =
        history.generate(plan, historyPosts, out.resolve("input/history/truth.json"));
    System.out.printf("    %,d posts in %s%n", quiet.totals().posts(), historyPosts);

    System.out.println(
        "2/4 learning the baseline from them (expected authors per cell and hour of the week),"
            + " as crowdhex baseline does...");
    Path baseline = out.resolve("input/baseline.json.gz");
    // The plan accepts the match day only; the history is read as a plan for those days would.
    EventPlan historyPlan =
        plan.withInput(
            plan.input()
                .withTimeRange(
                    new TimeRange(
                        historyStart.atStartOfDay(zone).toInstant().toEpochMilli(),
                        historyStart
                            .plusDays(HISTORY_DAYS)
                            .atStartOfDay(zone)
                            .toInstant()
                            .toEpochMilli())));
    BaselineCommand.learn(
        historyPlan,
        List.of(historyPosts),
        List.of(),
        baseline,
        "crowdhex demo: " + HISTORY_DAYS + " event-free days from " + historyStart,
        s -> System.out.println("    " + s));

    System.out.printf(
        "3/4 generating the match day (seed %d, %,d background authors, %,d at the match)...%n",
        SEED, POPULATION, ATTENDANCE);
    GenerateCommand generate = city(SEED, KICK_OFF);
    generate.attendance = ATTENDANCE;
    generate.days = 1;
    Path posts = out.resolve("input/posts.jsonl");
    Path truthFile = out.resolve("input/truth.json");
    GroundTruth truth = generate.generate(plan, posts, truthFile);
    System.out.printf("    %,d posts in %s%n", truth.totals().posts(), posts);

    System.out.println(
        "4/4 running the monitor job with anomaly detection on the embedded engine...");
    // A demo has no secret to keep: a fresh key, forgotten when the run ends.
    PseudonymKey key = PseudonymKey.throwaway();
    System.out.println(
        "    pseudonyms under a throwaway key made for this run (fingerprint "
            + key.fingerprint()
            + "): they match no other run's, and no one can link them back to the generated ids");
    plan = withDetection(planFile, baseline).withParallelism(parallelism);
    Path output = out.resolve("output");
    RunSummary summary = RunCommand.run(plan, key, List.of(posts), output);
    System.out.println(summary.describe());
    printPeaks(output.resolve("density/venues.jsonl"), zone);
    printAlerts(output.resolve("alerts/alerts.jsonl"), zone);
    System.out.println();
    System.out.println("outputs in " + output.toAbsolutePath().normalize() + ":");
    System.out.println("  density/cells.jsonl     crowd per H3 cell and window");
    System.out.println("  density/cells.geojson   the same as hexagons, for any GIS or web map");
    System.out.println("  density/venues.jsonl    totals per venue and window");
    System.out.println(
        "  flows/                  moves between venues per window: JSON lines,"
            + " GeoJSON, flowmap CSV");
    System.out.println(
        "  alerts/alerts.jsonl     crowds far above the baseline: each alert as it opens,"
            + " grows and closes");
    System.out.println("  alerts/alerts.geojson   the same with the outline of each alert's cells");
    System.out.println("  rejects/rejects.jsonl   lines that were not valid posts, with reasons");
    System.out.println("  late/late.jsonl         posts that came too late for their windows");
    System.out.println("  summary.json            what was read and what became of it");
    System.out.println(
        "  tiles/                  heat (PNG) and hex (MVT) tiles per window, manifest.json");
    System.out.println("ground truth of the generated event: " + truthFile);
    System.out.println(
        "score the alerts against it: crowdhex eval --alerts "
            + output.resolve("alerts/alerts.jsonl")
            + " --truth "
            + truthFile);
    System.out.println(
        "replay it with other settings (edit the plan's detection section): crowdhex run "
            + planFile
            + " --input "
            + posts
            + " --throwaway-key --out "
            + out.resolve("rerun"));
    if (!noServe && plan.tiles().enabled()) serve(output.resolve("tiles"));
    return 0;
  }

  /**
   * Adds the demo's detection section to its copy of the plan and reads the plan again, so the plan
   * file is the one that runs: {@code crowdhex run} on it detects as the demo does.
   */
  private static EventPlan withDetection(Path planFile, Path baseline) throws IOException {
    Path relative = planFile.toAbsolutePath().getParent().relativize(baseline.toAbsolutePath());
    Files.writeString(
        planFile,
        String.format(
            Locale.ROOT,
            "%n# Added by crowdhex demo: detection against the baseline it learned from the"
                + " event-free%n# days before the match, with the thresholds it runs with.%n"
                + "detection:%n"
                + "  baseline: %s%n"
                + "  threshold: %s%n"
                + "  critical: %s%n"
                + "  radius: 1%n"
                + "  windows: 3%n"
                + "  close_after: %d%n",
            relative.toString().replace('\\', '/'),
            THRESHOLD,
            CRITICAL,
            DETECTION_CLOSE_AFTER),
        StandardOpenOption.APPEND);
    return PlanOption.load(planFile);
  }

  /** A day of the demo's city: one city seed, so homes, posting rates and bots are the same. */
  private GenerateCommand city(long seed, String kickOff) {
    GenerateCommand g = new GenerateCommand();
    g.seed = seed;
    g.citySeed = SEED;
    g.kickOff = kickOff;
    g.population = POPULATION; // a city with a match in it, not a match with a city around it
    g.out = out.resolve("input");
    return g;
  }

  /** Serves the demo's tiles and the viewer until the process is stopped. */
  private void serve(Path tiles) throws Exception {
    TileServer server = new TileServer(ServeConfig.local(tiles, port));
    try {
      server.start();
    } catch (java.net.BindException e) {
      throw new UserErrors.UserError(
          "--port "
              + port
              + " is in use; accepted: a free port, or 0 for any (the outputs are written; serve"
              + " them later with: crowdhex serve --tiles "
              + tiles
              + ")");
    }
    Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
    System.out.println();
    System.out.println(
        "replay the match day on the map: open " + server.url() + "   (Ctrl-C to stop)");
    server.awaitStop();
  }

  /** Copies a bundled file to the output folder, keeping its relative place. */
  private Path extract(String resource) throws IOException {
    Path target = out.resolve(resource);
    Files.createDirectories(target.getParent());
    try (InputStream in = DemoCommand.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) throw new IllegalStateException("the jar lacks " + resource);
      Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
    }
    return target;
  }

  /** The busiest window of each venue, to show at a glance that the match is there. */
  private static void printPeaks(Path venues, ZoneId zone) throws IOException {
    Map<String, JsonNode> peak =
        OutputLines.largestPerKey(venues, n -> n.get("venue").asText(), "authors");
    System.out.println("busiest window per venue (distinct authors, local time " + zone + "):");
    peak.values().stream()
        .sorted((a, b) -> b.get("authors").asInt() - a.get("authors").asInt())
        .forEach(
            n ->
                System.out.printf(
                    "  %-14s %5d authors  %s - %s%n",
                    n.get("venue").asText(),
                    n.get("authors").asInt(),
                    local(n.get("window_start").asText(), zone),
                    local(n.get("window_end").asText(), zone)));
  }

  /**
   * One line per alert the run opened, in order of opening: venue, local times from its first
   * window's start to its last window's end, severity, and at its peak: the distinct authors
   * present in its cells, then the scan's observed and expected authors (per cell and window,
   * summed over the region and its windows, so one person may count more than once).
   */
  private static void printAlerts(Path alerts, ZoneId zone) throws IOException {
    Map<String, JsonNode> latest =
        OutputLines.largestPerKey(alerts, n -> n.get("id").asText(), "revision");
    if (latest.isEmpty()) {
      System.out.println("no alerts: no crowd far above the baseline");
      return;
    }
    List<JsonNode> opened =
        latest.values().stream()
            .sorted(Comparator.comparing(n -> n.get("first_window_start").asText()))
            .toList();
    System.out.printf(
        "%d alert%s opened at %s (local time %s):%n",
        opened.size(),
        opened.size() == 1 ? "" : "s",
        String.join(
            ", ", opened.stream().map(n -> n.get("venue").asText()).distinct().sorted().toList()),
        zone);
    for (JsonNode n : opened) {
      System.out.printf(
          "  %-14s %s - %s  %-8s  peak %s - %s: %s present; scan %,d observed / %.1f expected%n",
          n.get("venue").asText(),
          local(n.get("first_window_start").asText(), zone),
          local(n.get("last_window_end").asText(), zone),
          n.get("severity").asText(),
          local(n.get("peak_window_start").asText(), zone),
          local(n.get("peak_window_end").asText(), zone),
          n.path("peak_present").isNumber()
              ? String.format("%,d", n.get("peak_present").asLong())
              : "fewer than the minimum crowd",
          n.get("peak_observed").asInt(),
          n.get("peak_expected").asDouble());
    }
  }

  private static String local(String isoUtc, ZoneId zone) {
    return java.time.Instant.parse(isoUtc).atZone(zone).toLocalTime().toString();
  }
}
