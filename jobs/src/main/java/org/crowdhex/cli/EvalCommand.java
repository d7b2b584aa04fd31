package org.crowdhex.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.crowdhex.evaluation.AlertFile;
import org.crowdhex.evaluation.EvaluationReport;
import org.crowdhex.evaluation.EventScorer;
import org.crowdhex.evaluation.ReportTable;
import org.crowdhex.evaluation.TruthFile;
import org.crowdhex.evaluation.TruthSet;
import org.crowdhex.plan.Durations;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Scores alerts against the ground truth of a generated (or annotated) event. */
@Command(
    name = "eval",
    mixinStandardHelpOptions = true,
    showDefaultValues = true,
    description = {
      "Score alerts against ground truth: event-level precision, recall, F1, median and p90"
          + " detection delay, false alerts per venue-day.",
      "Several --alerts files (one per detector) are scored side by side."
    })
final class EvalCommand implements Callable<Integer> {
  @Option(
      names = "--alerts",
      required = true,
      arity = "1..*",
      paramLabel = "FILE",
      description =
          "Alert JSON lines (fields id, venue, first_window_start, last_window_end); the file name"
              + " names the detector in the table.")
  List<Path> alerts;

  @Option(
      names = "--truth",
      required = true,
      paramLabel = "FILE",
      description = "Ground truth (truth.json as crowdhex generate writes it).")
  Path truth;

  @Option(
      names = "--tolerance",
      defaultValue = "15m",
      description = "How far around an event an alert may start and still count for it.")
  String tolerance;

  @Option(
      names = "--venues",
      split = ",",
      paramLabel = "ID",
      description = "Venues the detectors watched (default: those named by events and alerts).")
  List<String> venues = new ArrayList<>();

  @Option(names = "--json", paramLabel = "FILE", description = "Also write the reports as JSON.")
  Path json;

  @Override
  public Integer call() throws Exception {
    Duration tol =
        Durations.parse(tolerance)
            .orElseThrow(
                () ->
                    new UserErrors.UserError(
                        "--tolerance is \"" + tolerance + "\"; accepted: " + Durations.ACCEPTED));
    TruthSet events = TruthFile.read(truth);
    EventScorer scorer = new EventScorer(tol);
    List<EvaluationReport> reports = new ArrayList<>();
    for (Path file : alerts) {
      String detector = file.getFileName().toString().replaceFirst("\\.jsonl?$", "");
      reports.add(scorer.score(detector, events, venues, AlertFile.read(file)));
    }
    System.out.print(ReportTable.text(reports));
    if (json != null) {
      ReportTable.writeJson(reports, json);
      System.out.println("reports also in " + json);
    }
    return 0;
  }
}
