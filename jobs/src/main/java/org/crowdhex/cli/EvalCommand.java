package org.crowdhex.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.crowdhex.baseline.Baseline;
import org.crowdhex.evaluation.AlertFile;
import org.crowdhex.evaluation.BaselineDetectors;
import org.crowdhex.evaluation.CellWindowCount;
import org.crowdhex.evaluation.EvaluationReport;
import org.crowdhex.evaluation.EventScorer;
import org.crowdhex.evaluation.FlowAccuracy;
import org.crowdhex.evaluation.FlowReport;
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
      "Several --alerts files (one per detector) are scored side by side.",
      "With --flows, score a run's flows against the true flows instead: the common part of"
          + " commuters (CPC) per event phase (a match's arrival and egress)."
    })
final class EvalCommand implements Callable<Integer> {
  @Option(
      names = "--alerts",
      arity = "1..*",
      paramLabel = "FILE",
      description =
          "Alert JSON lines (fields id, venue, first_window_start, last_window_end); the file name"
              + " names the detector in the table.")
  List<Path> alerts = new ArrayList<>();

  @Option(
      names = "--flows",
      paramLabel = "FILE",
      description =
          "A run's flows/flows.jsonl, from a plan with flows.zones: venues (the truth names"
              + " venues): scored per event phase as the common part of commuters.")
  Path flows;

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
      names = "--window-size",
      defaultValue = "15m",
      description =
          "The windows' size: an alert is raised when its first window closes, so delays count"
              + " from the event's onset to that window's end.")
  String windowSize;

  @Option(
      names = "--venues",
      split = ",",
      paramLabel = "ID",
      description = "Venues the detectors watched (default: those named by events and alerts).")
  List<String> venues = new ArrayList<>();

  @Option(names = "--json", paramLabel = "FILE", description = "Also write the reports as JSON.")
  Path json;

  @Option(
      names = "--cells",
      paramLabel = "FILE",
      description =
          "The run's density/cells.jsonl: adds the two reference detectors (a fixed count"
              + " threshold per venue and a per-cell z-score) to the table, on the same counts.")
  Path cells;

  @Option(
      names = "--baseline",
      paramLabel = "FILE",
      description = "With --cells: the baseline the z-score compares against.")
  Path baselineFile;

  @Option(
      names = "--fixed-threshold",
      defaultValue = "60",
      description = "With --cells: distinct authors in a venue's window that raise an alert.")
  long fixedThreshold;

  @Option(
      names = "--z",
      defaultValue = "6",
      description = "With --cells: the per-cell z-score that raises an alert.")
  double minZ;

  @Option(
      names = "--slide",
      defaultValue = "5m",
      description = "With --cells: the windows' slide, for grouping windows into alerts.")
  String slide;

  @Override
  public Integer call() throws Exception {
    if (alerts.isEmpty() && flows == null) {
      throw new UserErrors.UserError(
          "nothing to score; accepted: --alerts FILE... or --flows FILE (or both)");
    }
    if (flows != null) {
      if (!alerts.isEmpty() && json != null) {
        throw new UserErrors.UserError(
            "--json with both --alerts and --flows; accepted: one of them per run with --json");
      }
      scoreFlows();
      if (alerts.isEmpty()) return 0;
    }
    Duration tol =
        Durations.parse(tolerance)
            .orElseThrow(
                () ->
                    new UserErrors.UserError(
                        "--tolerance is \"" + tolerance + "\"; accepted: " + Durations.ACCEPTED));
    Duration raised =
        Durations.parse(windowSize)
            .orElseThrow(
                () ->
                    new UserErrors.UserError(
                        "--window-size is \""
                            + windowSize
                            + "\"; accepted: "
                            + Durations.ACCEPTED));
    TruthSet events = TruthFile.read(truth);
    EventScorer scorer = new EventScorer(tol, raised);
    List<EvaluationReport> reports = new ArrayList<>();
    for (Path file : alerts) {
      String detector = file.getFileName().toString().replaceFirst("\\.jsonl?$", "");
      reports.add(scorer.score(detector, events, venues, AlertFile.read(file)));
    }
    if (cells != null) reports.addAll(referenceDetectors(events, scorer));
    System.out.print(ReportTable.text(reports));
    System.out.println();
    System.out.print(ReportTable.delays(events, reports));
    if (json != null) {
      ReportTable.writeJson(reports, json);
      System.out.println("reports also in " + json);
    }
    return 0;
  }

  /** The flows file against the true flows, one CPC per event phase. */
  private void scoreFlows() throws Exception {
    List<FlowAccuracy.PhaseScore> scores =
        FlowAccuracy.score(FlowAccuracy.readTruth(truth), FlowAccuracy.readFlows(flows));
    if (scores.isEmpty()) {
      throw new UserErrors.UserError(
          "--truth "
              + truth
              + " holds no true flows; accepted: the truth.json of a generated stream with an"
              + " event that has arrival and egress flows");
    }
    System.out.println(
        "flow accuracy of "
            + flows
            + ": common part of commuters per event phase (1 = the same authors on every pair)");
    System.out.print(FlowReport.text(scores));
    if (scores.stream().allMatch(s -> s.estimatedAuthors() == 0)) {
      System.out.println(
          "no estimated flow touches the truth's venues: was the run made with flows.zones:"
              + " venues (flows between venue zones)?");
    }
    if (json != null) {
      FlowReport.writeJson(scores, json);
      System.out.println("scores also in " + json);
    }
  }

  /** The simple detectors on the run's own cell counts, grouped into alerts like the scan's. */
  private List<EvaluationReport> referenceDetectors(TruthSet events, EventScorer scorer)
      throws Exception {
    if (baselineFile == null) {
      throw new UserErrors.UserError(
          "--cells needs --baseline; accepted: the baseline file the run's detector used");
    }
    Baseline baseline = Baseline.read(baselineFile);
    Duration step =
        Durations.parse(slide)
            .orElseThrow(
                () ->
                    new UserErrors.UserError(
                        "--slide is \"" + slide + "\"; accepted: " + Durations.ACCEPTED));
    ObjectMapper mapper = new ObjectMapper();
    List<CellWindowCount> counts = new ArrayList<>();
    try (BufferedReader r = Files.newBufferedReader(cells)) {
      String line;
      while ((line = r.readLine()) != null) {
        if (line.isBlank()) continue;
        JsonNode n = mapper.readTree(line);
        // A parent cell standing for small children has no baseline of its own.
        if (n.get("revision").asInt() != 0 || n.path("rolled_up").asBoolean()) continue;
        Instant start = Instant.parse(n.get("window_start").asText());
        double expected =
            baseline.expectedAt(
                Long.parseUnsignedLong(n.get("cell").asText(), 16), start.toEpochMilli());
        for (JsonNode venue : n.get("venues")) {
          counts.add(
              new CellWindowCount(
                  venue.asText(),
                  n.get("cell").asText(),
                  start,
                  Instant.parse(n.get("window_end").asText()),
                  n.get("authors").asLong(),
                  expected,
                  Double.NaN));
        }
      }
    }
    BaselineDetectors.SpanGrouping grouping = new BaselineDetectors.SpanGrouping(step, 3);
    return List.of(
        scorer.score(
            BaselineDetectors.FIXED_THRESHOLD,
            events,
            venues,
            BaselineDetectors.fixedThreshold(counts, fixedThreshold, grouping)),
        scorer.score(
            BaselineDetectors.Z_SCORE,
            events,
            venues,
            BaselineDetectors.zScore(counts, minZ, grouping)));
  }
}
