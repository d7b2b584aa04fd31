package org.crowdhex.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.crowdhex.anomaly.AlertRateCalibration;
import org.crowdhex.anomaly.ScanThresholds;
import org.crowdhex.plan.EventPlan;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Sets the detector's thresholds from event-free history as a recurrence interval: replays the
 * history through the detector, takes each venue's highest scan score per local day, and reads the
 * threshold that such a day exceeds once in N days.
 */
@Command(
    name = "calibrate",
    mixinStandardHelpOptions = true,
    showDefaultValues = true,
    description = {
      "Calibrate the alert thresholds on event-free history: one false alert per N days per"
          + " venue.",
      "The plan needs detection.baseline; prints the thresholds per venue and the detection"
          + " settings to put in the plan."
    })
final class CalibrateCommand implements Callable<Integer> {
  /** The critical level as a multiple of the threshold. */
  static final double CRITICAL_RATIO = 2;

  @Parameters(index = "0", paramLabel = "PLAN", description = "The event plan (YAML).")
  Path planFile;

  @Option(
      names = "--history",
      required = true,
      arity = "1..*",
      paramLabel = "FILE",
      description = "Event-free past posts (not the history the baseline was learned from).")
  List<Path> history;

  @Option(
      names = "--days-per-false-alert",
      defaultValue = "30",
      paramLabel = "N",
      description = "How rare a false alert may be per venue; the history must span N days.")
  double days;

  @Override
  public Integer call() throws Exception {
    EventPlan plan = PlanOption.load(planFile);
    if (plan.detection().baseline() == null) {
      throw new UserErrors.UserError(
          planFile
              + ": detection.baseline is missing; accepted: a baseline file from crowdhex"
              + " baseline, which calibration scores against");
    }
    plan =
        plan.withTiles(plan.tiles().withEnabled(false))
            .withDetection(plan.detection().withEnabled(true));
    Path work = Files.createTempDirectory("crowdhex-calibrate");
    System.out.println("1/2 replaying the history through the detector...");
    System.out.println(RunCommand.run(plan, history, work).describe());

    System.out.println("2/2 replaying the alert rule on each venue's scores...");
    Map<String, TreeMap<Long, Double>> scores = new TreeMap<>();
    long first = Long.MAX_VALUE, last = Long.MIN_VALUE;
    ObjectMapper json = new ObjectMapper();
    try (BufferedReader r = Files.newBufferedReader(work.resolve("alerts/scores.jsonl"))) {
      String line;
      while ((line = r.readLine()) != null) {
        if (line.isBlank()) continue;
        JsonNode n = json.readTree(line);
        long start = Instant.parse(n.get("window_start").asText()).toEpochMilli();
        first = Math.min(first, start);
        last = Math.max(last, Instant.parse(n.get("window_end").asText()).toEpochMilli());
        scores
            .computeIfAbsent(n.get("venue").asText(), v -> new TreeMap<>())
            .put(start, n.get("score").asDouble());
      }
    }
    if (scores.isEmpty()) {
      throw new UserErrors.UserError(
          "--history holds no post inside the plan's venue zones; accepted: event-free past"
              + " posts of the same places");
    }
    double span = (last - first) / 86_400_000.0;
    List<double[]> series =
        scores.values().stream()
            .map(m -> m.values().stream().mapToDouble(Double::doubleValue).toArray())
            .toList();
    ScanThresholds t =
        AlertRateCalibration.calibrate(
            series, span, days, CRITICAL_RATIO, plan.detection().closeAfter());
    System.out.printf(
        "%.1f days of history; the alert rule at threshold %.1f, critical %.1f opens:%n",
        span, t.threshold(), t.critical());
    for (Map.Entry<String, TreeMap<Long, Double>> v : scores.entrySet()) {
      double[] s = v.getValue().values().stream().mapToDouble(Double::doubleValue).toArray();
      System.out.printf(
          "  %-14s %d alert(s), highest score %.1f%n",
          v.getKey(),
          AlertRateCalibration.openings(
              s, t.threshold(), t.critical(), plan.detection().closeAfter()),
          Arrays.stream(s).max().orElse(0));
    }
    System.out.println();
    System.out.printf(
        "for at most one false alert per %s days at every venue, put in the plan:%n"
            + "detection: {threshold: %.1f, critical: %.1f}%n",
        days % 1 == 0 ? String.valueOf((long) days) : String.valueOf(days),
        t.threshold(),
        t.critical());
    return 0;
  }
}
