package org.crowdhex.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.crowdhex.baseline.Baseline;
import org.crowdhex.baseline.BaselineLearner;
import org.crowdhex.baseline.BaselineSettings;
import org.crowdhex.baseline.Interval;
import org.crowdhex.job.MonitorJob;
import org.crowdhex.job.RunSummary;
import org.crowdhex.plan.EventPlan;
import org.crowdhex.venue.VenueIndex;
import org.crowdhex.venue.VenueZone;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Learns what is normal for each cell and hour of the week from past posts, by replaying them
 * through the same job code as the monitor (so the counts are exactly the ones the detector will
 * see) and averaging distinct authors per window.
 */
@Command(
    name = "baseline",
    mixinStandardHelpOptions = true,
    description = {
      "Learn a baseline (expected distinct authors per cell and hour of week) from history.",
      "Replays the history through the monitor job on the embedded engine, then writes a"
          + " versioned baseline file (JSON, gzip when the name ends with .gz)."
    })
final class BaselineCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "PLAN", description = "The event plan (YAML).")
  Path planFile;

  @Option(
      names = "--history",
      required = true,
      arity = "1..*",
      paramLabel = "FILE",
      description = "Files or folders of past posts, in the plan's input format.")
  List<Path> history;

  @Option(
      names = {"-o", "--out"},
      required = true,
      paramLabel = "FILE",
      description = "The baseline file to write, e.g. baseline.json.gz.")
  Path out;

  @Option(
      names = "--exclude",
      paramLabel = "START/END",
      description =
          "A past event or incident to leave out, as two ISO-8601 instants joined by a slash,"
              + " e.g. 2026-04-12T12:00Z/2026-04-12T18:00Z (repeatable).")
  List<String> exclude = new ArrayList<>();

  @Option(
      names = {"-p", "--parallelism"},
      paramLabel = "N",
      description = "Parallelism of the embedded engine (default: the plan's run.parallelism).")
  Integer parallelism;

  @Override
  public Integer call() throws Exception {
    EventPlan plan = PlanOption.load(planFile);
    if (parallelism != null) plan = plan.withParallelism(parallelism);
    List<Interval> excluded = new ArrayList<>();
    for (String e : exclude) excluded.add(interval(e));
    int[] step = {0};
    learn(
        plan,
        history,
        excluded,
        out,
        "crowdhex baseline " + planFile.getFileName(),
        s -> System.out.println(++step[0] + "/2 " + s));
    return 0;
  }

  /**
   * Learns a baseline from history and writes it: the command's work, shared with the demo.
   *
   * @param plan the plan whose venues, resolution, windows, time zone and input (time range
   *     included) the baseline is learned for
   * @param history files or folders of past posts
   * @param excluded periods left out of the means
   * @param out the baseline file to write (gzip when its name ends with .gz)
   * @param source what the baseline file names as its source
   * @param steps told of each of the two steps (replay, learning) as it starts
   */
  static void learn(
      EventPlan plan,
      List<Path> history,
      List<Interval> excluded,
      Path out,
      String source,
      Consumer<String> steps)
      throws Exception {
    // Only the counts are needed: no tiles. Every count, however small (minimum crowd 1): the
    // baseline is the detector's model, learned in a folder deleted at the end, not an output.
    plan =
        plan.withTiles(plan.tiles().withEnabled(false))
            .withPrivacy(plan.privacy().withMinCrowd(1))
            .withDetection(plan.detection().withEnabled(false));

    Path work = Files.createTempDirectory("crowdhex-baseline");
    try {
      learnIn(work, plan, history, excluded, out, source, steps);
    } finally {
      deleteTree(work);
    }
  }

  private static void learnIn(
      Path work,
      EventPlan plan,
      List<Path> history,
      List<Interval> excluded,
      Path out,
      String source,
      Consumer<String> steps)
      throws Exception {
    steps.accept("replaying the history through the monitor job...");
    RunSummary summary = RunCommand.run(plan, history, work);
    System.out.println(summary.describe());

    steps.accept("learning expected authors per cell and hour of week...");
    // The highest revision of each (cell, window): late posts make later revisions.
    Map<String, JsonNode> latest =
        OutputLines.largestPerKey(
            work.resolve("density/cells.jsonl"),
            n -> n.get("cell").asText() + "@" + n.get("window_start").asText(),
            "revision");
    long first = Long.MAX_VALUE, last = Long.MIN_VALUE;
    for (JsonNode n : latest.values()) {
      first = Math.min(first, Instant.parse(n.get("window_start").asText()).toEpochMilli());
      last = Math.max(last, Instant.parse(n.get("window_end").asText()).toEpochMilli());
    }
    if (latest.isEmpty()) {
      throw new UserErrors.UserError(
          "--history holds no post inside the plan's venue zones; accepted: past posts of the"
              + " same places");
    }
    // The history runs from the first to the last window seen; a plan's time_range narrows it.
    long start = Math.max(first, plan.input().timeRange().startMillis());
    long end = Math.min(last, plan.input().timeRange().endMillis());
    BaselineSettings settings =
        BaselineSettings.of(
                plan.h3Resolution(),
                plan.window().size().toMillis(),
                plan.window().slide().toMillis(),
                plan.timeZone(),
                new Interval(start, end))
            .withExcluded(excluded);
    BaselineLearner learner = new BaselineLearner(settings);
    List<VenueZone> zones = MonitorJob.venueZones(plan);
    for (VenueZone z : zones) {
      for (long cell : z.cells()) learner.watch(cell);
    }
    for (JsonNode n : latest.values()) {
      learner.observe(
          Long.parseUnsignedLong(n.get("cell").asText(), 16),
          Instant.parse(n.get("window_start").asText()).toEpochMilli(),
          n.get("authors").asInt());
    }
    Baseline baseline = learner.build(Instant.now(), source);
    if (out.toAbsolutePath().getParent() != null) {
      Files.createDirectories(out.toAbsolutePath().getParent());
    }
    baseline.write(out);
    System.out.printf(
        "learned %,d windows over %s to %s (%,d observations, %,d left out as excluded) for"
            + " %,d cells%n",
        learner.learnedWindows(),
        Instant.ofEpochMilli(start),
        Instant.ofEpochMilli(end),
        learner.observationsLearned(),
        learner.observationsExcluded(),
        VenueIndex.of(zones).cellCount());
    System.out.println("baseline written to " + out);
  }

  private static Interval interval(String text) {
    String[] parts = text.split("/");
    try {
      if (parts.length != 2) throw new IllegalArgumentException();
      return Interval.of(parse(parts[0]), parse(parts[1]));
    } catch (RuntimeException e) {
      throw new UserErrors.UserError(
          "--exclude is \""
              + text
              + "\"; accepted: START/END as ISO-8601 instants, e.g."
              + " 2026-04-12T12:00Z/2026-04-12T18:00Z, with START before END");
    }
  }

  private static Instant parse(String s) {
    return java.time.OffsetDateTime.parse(s.trim()).toInstant();
  }

  private static void deleteTree(Path dir) throws java.io.IOException {
    try (var paths = Files.walk(dir)) {
      for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
