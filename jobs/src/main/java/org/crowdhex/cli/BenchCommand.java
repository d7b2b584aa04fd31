package org.crowdhex.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.management.GarbageCollectionNotificationInfo;
import com.uber.h3core.H3Core;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;
import org.crowdhex.generate.GeneratorSpec;
import org.crowdhex.generate.GroundTruth;
import org.crowdhex.generate.MatchScenario;
import org.crowdhex.job.DecodeLocateBenchmark;
import org.crowdhex.job.EmbeddedRun;
import org.crowdhex.job.MonitorJob;
import org.crowdhex.job.RunSummary;
import org.crowdhex.job.TileBenchmark;
import org.crowdhex.job.TileStage;
import org.crowdhex.plan.EventPlan;
import org.crowdhex.post.PostFormat;
import org.crowdhex.venue.VenueIndex;
import org.crowdhex.venue.VenueZone;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Measures throughput and heap of the monitor job, and the per-post cost of decode + locate. */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    showDefaultValues = true,
    description = {
      "Benchmark the monitor job: generate a match day of about N posts once (seed "
          + BenchCommand.SEED
          + ", reused by later runs), replay it on the embedded engine at each parallelism,"
          + " several times, and print the median posts/s, the peak heap and the largest heap"
          + " left after a garbage collection.",
      "Then time decode + locate per post in one thread without the engine, beside the H3 call"
          + " alone, over the first "
          + BenchCommand.MICRO_LINES_TEXT
          + " lines held in memory.",
      "The engine runs inside this JVM, so heap figures include it. Figures of one run are"
          + " comparable with each other; compare machines only with care."
    })
final class BenchCommand implements Callable<Integer> {
  static final long SEED = 42;
  static final int MICRO_LINES = 1_000_000;
  static final String MICRO_LINES_TEXT = "1,000,000";
  static final int MICRO_WARMUPS = 2;
  static final int TILE_WINDOWS = 12;
  static final int ATTENDANCE = 3000;

  /** Below {@code ATTENDANCE × POSTS_PER_ATTENDEE} posts the match shrinks with the event. */
  static final int POSTS_PER_ATTENDEE = 20;

  static final int MAX_PARALLELISM = 256;
  static final int MAX_REPEAT = 100;
  private static final String DEMO_KICK_OFF = "2026-04-19T14:30";
  private static final double MB = 1024.0 * 1024.0;

  @Option(
      names = "--posts",
      paramLabel = "N",
      defaultValue = "5000000",
      description =
          "About how many posts the generated event holds: one day with one match of "
              + ATTENDANCE
              + " posting fans (fewer below "
              + ATTENDANCE * POSTS_PER_ATTENDEE
              + " posts) and a background population scaled to fill the rest.")
  long posts;

  @Option(
      names = {"-p", "--parallelism"},
      split = ",",
      paramLabel = "P",
      defaultValue = "1,2",
      description = "Parallelisms of the embedded engine to measure, comma-separated.")
  List<Integer> parallelisms;

  @Option(
      names = "--repeat",
      paramLabel = "K",
      defaultValue = "3",
      description =
          "Runs per parallelism, and timed passes of the decode + locate benchmark; medians are"
              + " reported.")
  int repeat;

  @Option(
      names = "--plan",
      paramLabel = "PLAN",
      description =
          "The event plan to replay (default: the bundled demo plan, a match day at De Kuip,"
              + " written under the work folder).")
  Path planFile;

  @Option(
      names = "--work",
      paramLabel = "DIR",
      defaultValue = "out/bench",
      description = "Folder for the generated posts (kept and reused) and the runs' outputs.")
  Path work;

  @Option(
      names = "--keep-outputs",
      defaultValue = "false",
      description =
          "Keep each run's outputs under DIR/runs (default: a run's outputs are deleted once its"
              + " summary is read).")
  boolean keepOutputs;

  @Option(
      names = "--tiles",
      description =
          "Also render and store the plan's tiles in each run (default: density outputs only; run"
              + " once with and once without to see the share of time spent on tiles).")
  boolean tiles;

  @Option(
      names = "--json",
      paramLabel = "FILE",
      description = "Also write the results to FILE as JSON (default: printed only).")
  Path json;

  @Override
  public Integer call() throws Exception {
    checkOptions();
    Files.createDirectories(work);
    Path planPath = planFile != null ? planFile : extractDemoPlan();
    EventPlan loaded = PlanOption.load(planPath);
    EventPlan withoutTiles = loaded.withTiles(loaded.tiles().withEnabled(false));
    // Archives re-read every tile of a window; the timed runs leave them out.
    EventPlan withTiles = loaded.withTiles(loaded.tiles().withEnabled(true).withPmtiles(false));
    EventPlan plan = withoutTiles;
    System.out.println(
        "tiles: "
            + (tiles
                ? "each run once with tiles (zoom "
                    + withTiles.tiles().minZoom()
                    + "-"
                    + withTiles.tiles().maxZoom()
                    + ") and once without"
                : "off (density outputs only)"));
    if (plan.input().format() != PostFormat.JSONL) {
      throw new UserErrors.UserError(
          "--plan "
              + planPath
              + " reads "
              + plan.input().format()
              + " input; accepted: a plan whose input.format is jsonl, the format the generator"
              + " writes");
    }
    List<VenueZone> zones = MonitorJob.venueZones(plan);
    VenueIndex index = VenueIndex.of(zones);
    String kickOff = kickOff(plan);
    checkPostsFitTheMatch(plan, kickOff);
    Machine machine = Machine.current();
    System.out.println("machine: " + machine.describe());

    Path input = work.resolve(inputName());
    long generated = generateOnce(plan, kickOff, input);

    List<Run> runs = new ArrayList<>();
    boolean[] modes = tiles ? new boolean[] {true, false} : new boolean[] {false};
    int total = repeat * parallelisms.size() * modes.length;
    // Rounds alternate the parallelisms, so drift of a shared machine hits each of them alike.
    for (int round = 1; round <= repeat; round++) {
      for (int p : parallelisms) {
        for (boolean withTileStage : modes) {
          System.out.printf(
              "run %d of %d: parallelism %d%s, round %d of %d%n",
              runs.size() + 1, total, p, withTileStage ? " with tiles" : "", round, repeat);
          EventPlan runPlan = (withTileStage ? withTiles : withoutTiles).withParallelism(p);
          Run run = replay(runPlan, zones, input, round);
          runs.add(run);
          System.out.printf(
              "    %,.0f posts/s, %.1f s wall, peak heap %,.0f MB, heap after GC at most %,.0f MB%n",
              run.summary.linesPerSecond(),
              run.wallNanos / 1e9,
              run.heap.peakBytes / MB,
              run.heap.maxAfterGcBytes / MB);
        }
      }
    }

    System.out.printf(
        "decode + locate benchmark: reading up to %s lines into memory...%n", MICRO_LINES_TEXT);
    DecodeLocateBenchmark.Result micro = microBenchmark(plan, index, input);

    List<Row> rows = new ArrayList<>();
    for (int p : parallelisms) {
      for (boolean m : modes) rows.add(Row.of(p, m, runs));
    }
    TileBenchmark.Result tileBench = tiles ? tileBenchmark(withTiles) : null;
    String command = reproduceCommand(machine);
    printReport(machine, input, generated, runs, rows, micro, command);
    if (tileBench != null) {
      zoomRange = withTiles.tiles().minZoom() + "-" + withTiles.tiles().maxZoom();
      printTiles(rows, tileBench);
    }
    if (json != null) writeJson(machine, input, runs, rows, micro, command);
    return 0;
  }

  private void checkOptions() {
    if (posts < 1 || posts > GeneratorSpec.MAX_TARGET_POSTS) {
      throw new UserErrors.UserError(
          "--posts is "
              + posts
              + "; accepted: a whole number of posts up to "
              + GeneratorSpec.MAX_TARGET_POSTS);
    }
    Set<Integer> seen = new HashSet<>();
    for (int p : parallelisms) {
      if (p < 1 || p > MAX_PARALLELISM) {
        throw new UserErrors.UserError(
            "--parallelism has "
                + p
                + "; accepted: whole numbers from 1 to "
                + MAX_PARALLELISM
                + ", comma-separated, such as 1,2");
      }
      if (!seen.add(p)) {
        throw new UserErrors.UserError(
            "--parallelism names "
                + p
                + " twice; accepted: distinct whole numbers, comma-separated (--repeat sets the"
                + " runs per parallelism)");
      }
    }
    if (repeat < 1 || repeat > MAX_REPEAT) {
      throw new UserErrors.UserError(
          "--repeat is " + repeat + "; accepted: a whole number from 1 to " + MAX_REPEAT);
    }
    if (Files.exists(work) && !Files.isDirectory(work)) {
      throw new UserErrors.UserError(
          "--work is " + work + ", which is a file; accepted: a folder (created when missing)");
    }
    if (json != null && Files.isDirectory(json)) {
      throw new UserErrors.UserError(
          "--json is " + json + ", which is a folder; accepted: the name of a file to write");
    }
  }

  /** The bundled demo plan and its venues, copied out of the jar with their relative places. */
  private Path extractDemoPlan() throws IOException {
    extract(DemoCommand.VENUES);
    return extract(DemoCommand.PLAN);
  }

  private Path extract(String resource) throws IOException {
    Path target = work.resolve(resource);
    Files.createDirectories(target.getParent());
    try (InputStream in = BenchCommand.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) throw new IllegalStateException("the jar lacks " + resource);
      Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
    }
    return target;
  }

  /**
   * The demo's kick-off, or 14:30 on the first day a plan accepts, so that the day's posts pass the
   * plan's time range.
   */
  private static String kickOff(EventPlan plan) {
    long start = plan.input().timeRange().startMillis();
    if (start == Long.MIN_VALUE) return DEMO_KICK_OFF;
    LocalDate day = LocalDate.ofInstant(Instant.ofEpochMilli(start), plan.timeZone());
    return day.atTime(14, 30).toString();
  }

  /** The match and the bots post a fixed amount; the background needs room for some authors. */
  private void checkPostsFitTheMatch(EventPlan plan, String kickOff) {
    ZoneId zone = plan.timeZone();
    ZonedDateTime kick = LocalDateTime.parse(kickOff).atZone(zone);
    ZonedDateTime from = kick.toLocalDate().atStartOfDay(zone);
    GeneratorSpec fixed =
        GeneratorSpec.demo(
                SEED,
                from.toInstant(),
                Duration.between(from, from.plusDays(1)),
                zone,
                List.of(new MatchScenario("stadium", kick.toInstant(), attendance())))
            .withPopulation(0);
    long least = (long) Math.ceil(fixed.expectedPosts() * 1.1 / 1000) * 1000;
    if (posts < least) {
      throw new UserErrors.UserError(
          String.format(
              "--posts is %d; accepted: from %d to %d (the match and the bots alone post about"
                  + " %d)",
              posts, least, GeneratorSpec.MAX_TARGET_POSTS, Math.round(fixed.expectedPosts())));
    }
  }

  /** The demo's crowd, but never most of a small event, which would leave no background. */
  private int attendance() {
    return (int) Math.max(1, Math.min(ATTENDANCE, posts / POSTS_PER_ATTENDEE));
  }

  private String inputName() {
    // Another plan means other venues around which to generate: its file must not be reused.
    String plan = "";
    if (planFile != null) {
      String name = planFile.getFileName().toString();
      plan = "-" + name.replaceFirst("\\.[^.]*$", "").replaceAll("[^A-Za-z0-9_-]", "_");
    }
    return "posts-" + posts + "-seed" + SEED + plan + ".jsonl.gz";
  }

  /** Generates the input unless an earlier bench left it; returns the posts generated, or -1. */
  private long generateOnce(EventPlan plan, String kickOff, Path input) throws Exception {
    if (Files.isRegularFile(input)) {
      System.out.printf(
          "input: reusing %s (%,.1f MB), generated by an earlier bench%n",
          input, Files.size(input) / MB);
      return -1;
    }
    System.out.printf("input: generating about %,d posts into %s...%n", posts, input);
    GenerateCommand generate = new GenerateCommand();
    generate.seed = SEED;
    generate.kickOff = kickOff;
    generate.attendance = attendance();
    generate.days = 1;
    generate.targetPosts = posts;
    generate.out = work;
    String stem = input.getFileName().toString().replace(".jsonl.gz", "");
    // Written under another name and moved when complete, so an interrupted bench leaves no
    // partial file that a later one would take for the whole event.
    Path partial = work.resolve(stem + ".partial.jsonl.gz");
    long start = System.nanoTime();
    GroundTruth truth = generate.generate(plan, partial, work.resolve(stem + ".truth.json"));
    if (System.console() != null) System.out.println();
    Files.move(partial, input, StandardCopyOption.REPLACE_EXISTING);
    System.out.printf(
        "    %,d posts (%,.1f MB gzip) in %.1f s%n",
        truth.totals().posts(), Files.size(input) / MB, (System.nanoTime() - start) / 1e9);
    return truth.totals().posts();
  }

  private Run replay(EventPlan plan, List<VenueZone> zones, Path input, int round)
      throws Exception {
    Path out = work.resolve("runs").resolve("p" + plan.parallelism() + "-round" + round);
    deleteTree(out);
    // Start each run from a collected heap, so one run's garbage does not count to the next.
    System.gc();
    HeapWatch heap = HeapWatch.start();
    Progress progress = new Progress(System.out, plan.timeZone());
    long start = System.nanoTime();
    RunSummary summary;
    try {
      summary =
          EmbeddedRun.replay(
              plan, zones, List.of(input.toAbsolutePath().toString()), out, progress);
    } finally {
      heap.stop();
    }
    long wall = System.nanoTime() - start;
    progress.done();
    if (plan.tiles().enabled() && round == 1 && !Files.exists(cellSample())) {
      // The tile benchmark draws the tiles of this run's windows.
      Files.copy(out.resolve("density/cells.jsonl"), cellSample());
    }
    if (!keepOutputs) deleteTree(out);
    return new Run(
        plan.parallelism(), plan.tiles().enabled(), round, summary, wall, heap.figures());
  }

  private DecodeLocateBenchmark.Result microBenchmark(EventPlan plan, VenueIndex index, Path input)
      throws IOException {
    String[] lines = readLines(input, MICRO_LINES);
    System.gc();
    H3Core h3 = H3Core.newInstance();
    DecodeLocateBenchmark bench =
        new DecodeLocateBenchmark(lines, plan.input(), h3, plan.h3Resolution(), index);
    System.out.printf(
        "    %,d lines; %d warm-up and %d timed passes of each kind...%n",
        lines.length, MICRO_WARMUPS, repeat);
    return bench.run(
        MICRO_WARMUPS,
        repeat,
        (done, all) -> {
          if (done == MICRO_WARMUPS) System.out.println("    warmed up");
        });
  }

  private String zoomRange = "";

  private Path cellSample() {
    return work.resolve("cells-sample-" + posts + ".jsonl");
  }

  /** Times PNG and MVT tiles in one thread over the busiest windows of a run. */
  private TileBenchmark.Result tileBenchmark(EventPlan plan) throws IOException {
    System.out.printf("tile benchmark: the %d busiest windows of a run...%n", TILE_WINDOWS);
    com.fasterxml.jackson.databind.ObjectMapper json =
        new com.fasterxml.jackson.databind.ObjectMapper();
    java.util.Map<String, List<com.fasterxml.jackson.databind.JsonNode>> byWindow =
        new java.util.TreeMap<>();
    try (BufferedReader r = Files.newBufferedReader(cellSample())) {
      String line;
      while ((line = r.readLine()) != null) {
        if (line.isBlank()) continue;
        var n = json.readTree(line);
        if (n.get("revision").asInt() != 0) continue;
        byWindow.computeIfAbsent(n.get("window_start").asText(), k -> new ArrayList<>()).add(n);
      }
    }
    List<TileBenchmark.Window> windows =
        byWindow.values().stream()
            .sorted(
                java.util.Comparator.comparingInt(
                    (List<com.fasterxml.jackson.databind.JsonNode> w) ->
                        -w.stream().mapToInt(n -> n.get("authors").asInt()).sum()))
            .limit(TILE_WINDOWS)
            .map(
                w -> {
                  int n = w.size();
                  long[] cells = new long[n];
                  long[] postCounts = new long[n];
                  int[] authors = new int[n];
                  double[] density = new double[n];
                  for (int i = 0; i < n; i++) {
                    cells[i] = Long.parseUnsignedLong(w.get(i).get("cell").asText(), 16);
                    postCounts[i] = w.get(i).get("posts").asLong();
                    authors[i] = w.get(i).get("authors").asInt();
                    density[i] = w.get(i).get("density").asDouble();
                  }
                  return new TileBenchmark.Window(cells, postCounts, authors, density);
                })
            .toList();
    TileBenchmark bench =
        new TileBenchmark(
            windows,
            TileStage.kernel(plan),
            TileStage.scale(plan.tiles()),
            plan.tiles().minZoom(),
            plan.tiles().maxZoom(),
            H3Core.newInstance());
    System.out.printf(
        "    %,d tiles; %d warm-up and %d timed passes of each kind...%n",
        bench.tasks(), MICRO_WARMUPS, repeat);
    return bench.run(MICRO_WARMUPS, repeat);
  }

  private void printTiles(List<Row> rows, TileBenchmark.Result t) {
    System.out.println();
    System.out.printf(
        "tiles, one thread, no engine: the %,d tiles of the %d busiest windows (zoom %s), median"
            + " of %d timed passes:%n",
        t.tasks(), t.windows(), zoomRange, repeat);
    System.out.printf(
        "  PNG heat tiles (render + encode)   %,8.0f tiles per CPU second   %6.0f µs/tile   %,d"
            + " not empty%n",
        t.pngTilesPerCpuSecond(), t.pngMicrosPerTile(), t.pngTiles());
    System.out.printf(
        "  MVT hex tiles (encode)             %,8.0f tiles per CPU second   %6.0f µs/tile   %,d"
            + " not empty%n",
        t.mvtTilesPerCpuSecond(), t.mvtMicrosPerTile(), t.mvtTiles());
    for (Row on : rows) {
      if (!on.tiles) continue;
      rows.stream()
          .filter(off -> !off.tiles && off.parallelism == on.parallelism)
          .findFirst()
          .ifPresent(
              off ->
                  System.out.printf(
                      "  share of a replay's wall time spent on tiles at parallelism %d: %.0f%%"
                          + " (%.1f s with tiles, %.1f s without)%n",
                      on.parallelism,
                      100 * (1 - off.medianWallSeconds / on.medianWallSeconds),
                      on.medianWallSeconds,
                      off.medianWallSeconds));
    }
    System.out.println("  (aim: at least 1,000 PNG and 5,000 MVT tiles per second per core)");
  }

  private static String[] readLines(Path file, int limit) throws IOException {
    List<String> lines = new ArrayList<>(limit);
    try (BufferedReader r =
        new BufferedReader(
            new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(file), 1 << 16), StandardCharsets.UTF_8),
            1 << 16)) {
      String line;
      while (lines.size() < limit && (line = r.readLine()) != null) {
        if (!line.isBlank()) lines.add(line);
      }
    }
    return lines.toArray(String[]::new);
  }

  private String reproduceCommand(Machine machine) {
    StringBuilder b = new StringBuilder();
    if (!machine.jvmOptions.isEmpty()) {
      b.append("CROWDHEX_JAVA_OPTS=\"").append(String.join(" ", machine.jvmOptions)).append("\" ");
    }
    b.append("./crowdhex bench --posts ").append(posts);
    b.append(" --parallelism ")
        .append(parallelisms.stream().map(String::valueOf).collect(Collectors.joining(",")));
    b.append(" --repeat ").append(repeat);
    if (planFile != null) b.append(" --plan ").append(planFile);
    b.append(" --work ").append(work);
    if (keepOutputs) b.append(" --keep-outputs");
    if (tiles) b.append(" --tiles");
    if (json != null) b.append(" --json ").append(json);
    return b.toString();
  }

  private void printReport(
      Machine machine,
      Path input,
      long generated,
      List<Run> runs,
      List<Row> rows,
      DecodeLocateBenchmark.Result micro,
      String command) {
    long read = runs.get(0).summary.read();
    RunSummary s = runs.get(0).summary;
    System.out.println();
    System.out.println("== crowdhex bench ==");
    System.out.println("machine: " + machine.describe());
    double loadAtEnd = Machine.loadAverage();
    if (machine.loadAtStart >= 0 && loadAtEnd >= 0) {
      // Above the processor count, other work competed for the CPUs and the figures suffer.
      System.out.printf(
          "load:    system load average %.2f at the start, %.2f at the end, on %d processors%n",
          machine.loadAtStart, loadAtEnd, machine.processors);
    }
    System.out.printf(
        "input:   %s, %,d posts%s (%,d counted, %,d outside zones, %,d rejected, %,d late)%n",
        input,
        read,
        generated >= 0 ? "" : " (reused)",
        s.counted(),
        s.outsideZones(),
        s.rejected(),
        s.late());
    System.out.println();
    System.out.printf(
        "monitor job on the embedded engine, %d run%s per parallelism:%n",
        repeat, repeat == 1 ? "" : "s");
    System.out.println(
        "  parallelism  tiles   posts/s median           min - max   wall s median   peak heap MB"
            + "   max heap after GC MB");
    for (Row r : rows) {
      System.out.printf(
          "  %11d  %5s   %14s   %17s   %13.1f   %12s   %20s%n",
          r.parallelism,
          r.tiles ? "yes" : "no",
          String.format("%,.0f", r.medianRate),
          String.format("%,.0f - %,.0f", r.minRate, r.maxRate),
          r.medianWallSeconds,
          String.format("%,.0f", r.peakHeapMb),
          String.format("%,.0f", r.maxAfterGcMb));
    }
    List<Row> plain = rows.stream().filter(r -> !r.tiles).toList();
    if (plain.size() > 1) {
      Row base = plain.get(0);
      for (Row r : plain.subList(1, plain.size())) {
        System.out.printf(
            "  parallelism %d / %d: %.2f times the posts/s%n",
            r.parallelism, base.parallelism, r.medianRate / base.medianRate);
      }
    }
    System.out.println(
        "  posts/s: lines read per second from job start to end; wall: the whole replay, engine"
            + " start and stop included.");
    System.out.println(
        "  peak heap: the heap pools' peaks summed (highest run); max heap after GC: the most heap"
            + " still in use after any collection during a run (highest run), the live set's"
            + " upper bound.");
    System.out.println();
    System.out.printf(
        "decode + locate, one thread, no engine: %,d posts (%,d in zones), median of %d"
            + " timed pass%s after %d warm-up:%n",
        micro.posts(),
        micro.located(),
        micro.passes(),
        micro.passes() == 1 ? "" : "es",
        MICRO_WARMUPS);
    microLine("H3 latLngToCell alone", micro.h3Nanos(), micro.h3CpuNanos());
    microLine("decode alone", micro.decodeNanos(), micro.decodeCpuNanos());
    microLine("decode + locate", micro.decodeLocateNanos(), micro.decodeLocateCpuNanos());
    microLine("decode + locate beyond H3", micro.beyondH3Nanos(), micro.beyondH3CpuNanos());
    System.out.println("  (target: decode + locate beyond H3 well under 1 µs of CPU per post)");
    System.out.println();
    System.out.println("reproduce with:");
    System.out.println("  " + command);
  }

  private static void microLine(String what, double nanos, double cpuNanos) {
    System.out.printf(
        "  %-27s %7.0f ns/post   CPU %s µs/post%n",
        what, nanos, Double.isNaN(cpuNanos) ? "n/a" : String.format("%.3f", cpuNanos / 1000));
  }

  private void writeJson(
      Machine machine,
      Path input,
      List<Run> runs,
      List<Row> rows,
      DecodeLocateBenchmark.Result micro,
      String command)
      throws IOException {
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode root = mapper.createObjectNode();
    root.put("command", command);
    ObjectNode m = root.putObject("machine");
    m.put("available_processors", machine.processors);
    m.put("java_version", machine.javaVersion);
    m.put("java_vm", machine.vm);
    m.put("os", machine.os);
    m.put("max_heap_mb", Math.round(machine.maxHeapBytes / MB));
    m.put("garbage_collectors", String.join(", ", machine.collectors));
    putLoad(m, "load_average_start", machine.loadAtStart);
    putLoad(m, "load_average_end", Machine.loadAverage());
    ObjectNode in = root.putObject("input");
    in.put("file", input.getFileName().toString());
    in.put("target_posts", posts);
    in.put("seed", SEED);
    in.put("posts", runs.get(0).summary.read());
    ArrayNode results = root.putArray("results");
    for (Row r : rows) {
      ObjectNode o = results.addObject();
      o.put("parallelism", r.parallelism);
      o.put("runs", r.runs);
      o.put("median_posts_per_second", Math.round(r.medianRate));
      o.put("min_posts_per_second", Math.round(r.minRate));
      o.put("max_posts_per_second", Math.round(r.maxRate));
      o.put("median_wall_seconds", round(r.medianWallSeconds, 2));
      o.put("peak_heap_mb", Math.round(r.peakHeapMb));
      o.put("max_heap_after_gc_mb", Math.round(r.maxAfterGcMb));
    }
    ArrayNode all = root.putArray("runs");
    for (Run r : runs) {
      ObjectNode o = all.addObject();
      o.put("parallelism", r.parallelism);
      o.put("round", r.round);
      o.put("read", r.summary.read());
      o.put("counted", r.summary.counted());
      o.put("outside_zones", r.summary.outsideZones());
      o.put("rejected", r.summary.rejected());
      o.put("duplicates", r.summary.duplicates());
      o.put("over_cap", r.summary.overCap());
      o.put("late", r.summary.late());
      o.put("job_seconds", round(r.summary.elapsedMillis() / 1000.0, 3));
      o.put("wall_seconds", round(r.wallNanos / 1e9, 3));
      o.put("posts_per_second", Math.round(r.summary.linesPerSecond()));
      o.put("peak_heap_mb", Math.round(r.heap.peakBytes / MB));
      o.put("max_heap_after_gc_mb", Math.round(r.heap.maxAfterGcBytes / MB));
      o.put("gc_count", r.heap.collections);
      o.put("gc_millis", r.heap.collectionMillis);
    }
    ObjectNode d = root.putObject("decode_locate");
    d.put("posts", micro.posts());
    d.put("rejected", micro.rejected());
    d.put("located", micro.located());
    d.put("warmup_passes", MICRO_WARMUPS);
    d.put("timed_passes", micro.passes());
    d.put("h3_ns_per_post", round(micro.h3Nanos(), 1));
    d.put("decode_ns_per_post", round(micro.decodeNanos(), 1));
    d.put("decode_locate_ns_per_post", round(micro.decodeLocateNanos(), 1));
    d.put("beyond_h3_ns_per_post", round(micro.beyondH3Nanos(), 1));
    putCpu(d, "h3_cpu_ns_per_post", micro.h3CpuNanos());
    putCpu(d, "decode_cpu_ns_per_post", micro.decodeCpuNanos());
    putCpu(d, "decode_locate_cpu_ns_per_post", micro.decodeLocateCpuNanos());
    putCpu(d, "beyond_h3_cpu_ns_per_post", micro.beyondH3CpuNanos());
    Path parent = json.toAbsolutePath().getParent();
    if (parent != null) Files.createDirectories(parent);
    mapper.writeValue(json.toFile(), root);
    System.out.println("results also in " + json);
  }

  private static void putLoad(ObjectNode o, String field, double load) {
    if (load < 0) o.putNull(field);
    else o.put(field, round(load, 2));
  }

  private static void putCpu(ObjectNode o, String field, double nanos) {
    if (Double.isNaN(nanos)) o.putNull(field);
    else o.put(field, round(nanos, 1));
  }

  private static double round(double v, int decimals) {
    double f = Math.pow(10, decimals);
    return Math.round(v * f) / f;
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) return;
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
    }
  }

  private static double median(double[] values) {
    double[] v = values.clone();
    Arrays.sort(v);
    int m = v.length / 2;
    return v.length % 2 == 1 ? v[m] : (v[m - 1] + v[m]) / 2;
  }

  /** One replay and what it cost. */
  private record Run(
      int parallelism,
      boolean tiles,
      int round,
      RunSummary summary,
      long wallNanos,
      HeapFigures heap) {}

  /** The runs of one parallelism, summed up for the table. */
  private record Row(
      int parallelism,
      boolean tiles,
      int runs,
      double medianRate,
      double minRate,
      double maxRate,
      double medianWallSeconds,
      double peakHeapMb,
      double maxAfterGcMb) {
    static Row of(int parallelism, boolean tiles, List<Run> all) {
      List<Run> runs =
          all.stream().filter(r -> r.parallelism == parallelism && r.tiles == tiles).toList();
      double[] rates = runs.stream().mapToDouble(r -> r.summary.linesPerSecond()).toArray();
      double[] walls = runs.stream().mapToDouble(r -> r.wallNanos / 1e9).toArray();
      return new Row(
          parallelism,
          tiles,
          runs.size(),
          median(rates),
          Arrays.stream(rates).min().orElse(0),
          Arrays.stream(rates).max().orElse(0),
          median(walls),
          runs.stream().mapToLong(r -> r.heap.peakBytes).max().orElse(0) / MB,
          runs.stream().mapToLong(r -> r.heap.maxAfterGcBytes).max().orElse(0) / MB);
    }
  }

  /** The JVM the figures were measured in. */
  private record Machine(
      int processors,
      String javaVersion,
      String vm,
      String os,
      long maxHeapBytes,
      List<String> collectors,
      List<String> jvmOptions,
      double loadAtStart) {
    static Machine current() {
      return new Machine(
          Runtime.getRuntime().availableProcessors(),
          System.getProperty("java.version"),
          System.getProperty("java.vm.name"),
          System.getProperty("os.name") + " " + System.getProperty("os.arch"),
          Runtime.getRuntime().maxMemory(),
          ManagementFactory.getGarbageCollectorMXBeans().stream()
              .map(GarbageCollectorMXBean::getName)
              .toList(),
          // Heap and collector settings change the figures; other options (agents, paths) do not
          // belong in a command to copy.
          ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
              .filter(a -> a.startsWith("-Xm") || a.startsWith("-XX:"))
              .filter(a -> !a.contains("/") && !a.contains("\\"))
              .toList(),
          loadAverage());
    }

    /** The system's load average over the last minute, or a negative number when unknown. */
    static double loadAverage() {
      return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    String describe() {
      String xmx =
          jvmOptions.stream()
              .filter(o -> o.startsWith("-Xmx"))
              .reduce((a, b) -> b)
              .map(o -> " (" + o + ")")
              .orElse("");
      return String.format(
          "%d available processors, Java %s (%s), %s, max heap %,.0f MB%s, GC %s",
          processors, javaVersion, vm, os, maxHeapBytes / MB, xmx, String.join(" + ", collectors));
    }
  }

  /** Heap figures of one run. */
  private record HeapFigures(
      long peakBytes, long maxAfterGcBytes, long collections, long collectionMillis) {}

  /**
   * Watches the heap during a run: the pools' peaks (reset at the start) and, from the collectors'
   * notifications, the most heap still in use right after a collection.
   */
  private static final class HeapWatch implements NotificationListener {
    private final List<MemoryPoolMXBean> pools;
    private final Set<String> poolNames;
    private final List<NotificationEmitter> emitters = new ArrayList<>();
    private final AtomicLong maxAfterGc = new AtomicLong();
    private final AtomicLong collections = new AtomicLong();
    private final AtomicLong collectionMillis = new AtomicLong();
    private long peak;

    private HeapWatch() {
      pools =
          ManagementFactory.getMemoryPoolMXBeans().stream()
              .filter(p -> p.getType() == MemoryType.HEAP && p.isValid())
              .toList();
      poolNames = new LinkedHashSet<>(pools.stream().map(MemoryPoolMXBean::getName).toList());
    }

    static HeapWatch start() {
      HeapWatch w = new HeapWatch();
      for (MemoryPoolMXBean p : w.pools) p.resetPeakUsage();
      for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
        if (gc instanceof NotificationEmitter e) {
          e.addNotificationListener(w, null, null);
          w.emitters.add(e);
        }
      }
      return w;
    }

    void stop() {
      for (NotificationEmitter e : emitters) {
        try {
          e.removeNotificationListener(this);
        } catch (javax.management.ListenerNotFoundException ignored) {
          // already gone: nothing to undo
        }
      }
      long sum = 0;
      long afterLast = 0;
      for (MemoryPoolMXBean p : pools) {
        sum += p.getPeakUsage().getUsed();
        MemoryUsage c = p.getCollectionUsage();
        if (c != null) afterLast += c.getUsed();
      }
      peak = sum;
      // A notification still on its way is covered by the pools' own record of the last one.
      maxAfterGc.accumulateAndGet(afterLast, Math::max);
    }

    HeapFigures figures() {
      return new HeapFigures(peak, maxAfterGc.get(), collections.get(), collectionMillis.get());
    }

    @Override
    public void handleNotification(Notification n, Object handback) {
      if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) {
        return;
      }
      GarbageCollectionNotificationInfo info =
          GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
      long used = 0;
      for (Map.Entry<String, MemoryUsage> e : info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
        if (poolNames.contains(e.getKey())) used += e.getValue().getUsed();
      }
      maxAfterGc.accumulateAndGet(used, Math::max);
      collections.incrementAndGet();
      collectionMillis.addAndGet(info.getGcInfo().getDuration());
    }
  }
}
