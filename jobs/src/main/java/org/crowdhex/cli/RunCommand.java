package org.crowdhex.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.crowdhex.job.EmbeddedRun;
import org.crowdhex.job.MonitorJob;
import org.crowdhex.job.RunSummary;
import org.crowdhex.plan.EventPlan;
import org.crowdhex.privacy.PseudonymKey;
import org.crowdhex.privacy.Pseudonymizer;
import org.crowdhex.venue.VenueIndex;
import org.crowdhex.venue.VenueZone;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Replays recorded posts through the monitor job on the embedded engine. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {
      "Run the monitor job on the embedded Flink engine over files of posts.",
      "Writes density (JSON lines, GeoJSON), flows, rejects, late posts and summary.json to the"
          + " output folder.",
      "Author ids become pseudonyms under the key the plan's privacy section names (by default"
          + " the environment variable CROWDHEX_PSEUDONYM_KEY); without it the run does not start."
    })
final class RunCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "PLAN", description = "The event plan (YAML).")
  Path planFile;

  @Option(
      names = {"-i", "--input"},
      required = true,
      arity = "1..*",
      paramLabel = "FILE",
      description =
          "Files or folders of posts (JSON lines or CSV as the plan says; .gz is read as gzip)."
              + " Folders are read recursively, files in name order.")
  List<Path> inputs;

  @Option(
      names = {"-o", "--out"},
      paramLabel = "DIR",
      description = "Output folder (default: the plan's output.dir).")
  Path out;

  @Option(
      names = {"-p", "--parallelism"},
      paramLabel = "N",
      description = "Parallelism of the embedded engine (default: the plan's run.parallelism).")
  Integer parallelism;

  @Option(
      names = "--throwaway-key",
      description =
          "Make pseudonyms with a fresh random key instead of the plan's privacy.key_env or"
              + " key_file: for a one-off analysis whose pseudonyms never need to match another"
              + " run's. The key is forgotten when the run ends.")
  boolean throwawayKey;

  @Override
  public Integer call() throws Exception {
    EventPlan plan = PlanOption.load(planFile);
    if (parallelism != null) {
      if (parallelism < 1 || parallelism > 256) {
        throw new UserErrors.UserError(
            "--parallelism is " + parallelism + "; accepted: a whole number from 1 to 256");
      }
      plan = plan.withParallelism(parallelism);
    }
    Path dir = out != null ? out : plan.output().dir();
    // No run without its key: a missing or short key is a sentence here, before anything is read.
    PseudonymKey key =
        throwawayKey ? PseudonymKey.throwaway() : PseudonymKey.load(plan.privacy().key());
    RunSummary summary = run(plan, key, inputs, dir);
    System.out.println(summary.describe());
    System.out.println("outputs in " + dir.toAbsolutePath().normalize());
    return 0;
  }

  /**
   * Runs a plan over inputs under a throwaway pseudonym key, with a progress line: for commands
   * that keep only counts (baseline, calibrate).
   */
  static RunSummary run(EventPlan plan, List<Path> inputs, Path dir) throws Exception {
    return run(plan, PseudonymKey.throwaway(), inputs, dir);
  }

  /** Runs a plan over inputs with a progress line; shared with the demo. */
  static RunSummary run(EventPlan plan, PseudonymKey key, List<Path> inputs, Path dir)
      throws Exception {
    for (Path p : inputs) {
      if (!Files.exists(p)) {
        throw new UserErrors.UserError(
            "--input " + p + " does not exist; accepted: files or folders of posts");
      }
    }
    List<VenueZone> zones = MonitorJob.venueZones(plan);
    VenueIndex index = VenueIndex.of(zones);
    System.out.printf(
        "running %s: %d venues, %,d cells at H3 resolution %d, parallelism %d%n",
        plan.name(),
        index.venueIds().size(),
        index.cellCount(),
        plan.h3Resolution(),
        plan.parallelism());
    System.out.println(
        Pseudonymizer.create(key, plan.privacy().keyRotation(plan.name(), plan.timeZone()))
                .describe()
            + "; minimum crowd "
            + plan.privacy().minCrowd()
            + " distinct authors");
    if (plan.detection().enabled()) System.out.println("detection " + plan.detection().describe());
    Progress progress = new Progress(System.out, plan.timeZone());
    RunSummary summary =
        EmbeddedRun.replay(
            plan,
            zones,
            key,
            inputs.stream().map(p -> p.toAbsolutePath().toString()).toList(),
            dir,
            progress);
    progress.done();
    return summary;
  }
}
