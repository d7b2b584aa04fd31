package org.crowdhex.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.crowdhex.generate.GroundTruth;
import org.crowdhex.job.RunSummary;
import org.crowdhex.plan.EventPlan;
import org.crowdhex.privacy.PseudonymKey;
import org.crowdhex.serve.ServeConfig;
import org.crowdhex.serve.TileServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Generates the bundled Rotterdam match day and runs the monitor job over it. */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    showDefaultValues = true,
    description = {
      "Run the demo: a synthetic match day at De Kuip, Rotterdam (Feyenoord at home, kick-off"
          + " 14:30), generated with a fixed seed and replayed through the monitor job on the"
          + " embedded engine.",
      "Writes the plan and venues it used, the generated posts and ground truth, and the job's"
          + " outputs under the output folder."
    })
final class DemoCommand implements Callable<Integer> {
  static final String PLAN = "geo-data/plans/rotterdam-match.yaml";
  static final String VENUES = "geo-data/venues/rotterdam.geojson";

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

    System.out.println(
        "1/2 generating the match day (seed 42, 15,000 background authors, 3,000 at the match)...");
    GenerateCommand generate = new GenerateCommand();
    generate.seed = 42;
    generate.kickOff = "2026-04-19T14:30";
    generate.attendance = 3000;
    generate.population = 15_000; // a city with a match in it, not a match with a city around it
    generate.days = 1;
    generate.out = out.resolve("input");
    Path posts = out.resolve("input/posts.jsonl");
    GroundTruth truth = generate.generate(plan, posts, out.resolve("input/truth.json"));
    System.out.printf("    %,d posts in %s%n", truth.totals().posts(), posts);

    System.out.println("2/2 running the monitor job on the embedded engine...");
    // A demo has no secret to keep: a fresh key, forgotten when the run ends.
    PseudonymKey key = PseudonymKey.throwaway();
    System.out.println(
        "    pseudonyms under a throwaway key made for this run (fingerprint "
            + key.fingerprint()
            + "): they match no other run's, and no one can link them back to the generated ids");
    Path output = out.resolve("output");
    RunSummary summary = RunCommand.run(plan, key, List.of(posts), output);
    System.out.println(summary.describe());
    printPeaks(output.resolve("density/venues.jsonl"), plan.timeZone());
    System.out.println();
    System.out.println("outputs in " + output.toAbsolutePath().normalize() + ":");
    System.out.println("  density/cells.jsonl     crowd per H3 cell and window");
    System.out.println("  density/cells.geojson   the same as hexagons, for any GIS or web map");
    System.out.println("  density/venues.jsonl    totals per venue and window");
    System.out.println(
        "  flows/                  moves between venues per window: JSON lines,"
            + " GeoJSON, flowmap CSV");
    System.out.println("  rejects/rejects.jsonl   lines that were not valid posts, with reasons");
    System.out.println("  late/late.jsonl         posts that came too late for their windows");
    System.out.println("  summary.json            what was read and what became of it");
    System.out.println(
        "  tiles/                  heat (PNG) and hex (MVT) tiles per window, manifest.json");
    System.out.println("ground truth of the generated event: " + out.resolve("input/truth.json"));
    if (!noServe && plan.tiles().enabled()) serve(output.resolve("tiles"));
    return 0;
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
  private static void printPeaks(Path venues, java.time.ZoneId zone) throws IOException {
    ObjectMapper json = new ObjectMapper();
    Map<String, JsonNode> peak = new HashMap<>();
    try (BufferedReader r = Files.newBufferedReader(venues)) {
      String line;
      while ((line = r.readLine()) != null) {
        if (line.isBlank()) continue;
        JsonNode n = json.readTree(line);
        peak.merge(
            n.get("venue").asText(),
            n,
            (a, b) -> b.get("authors").asInt() > a.get("authors").asInt() ? b : a);
      }
    }
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

  private static String local(String isoUtc, java.time.ZoneId zone) {
    return java.time.Instant.parse(isoUtc).atZone(zone).toLocalTime().toString();
  }
}
