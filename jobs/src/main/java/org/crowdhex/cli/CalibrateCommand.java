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
      paramLabel = "N",
      description =
          "How rare a false alert may be per venue (default: the plan's"
              + " detection.days_per_false_alert, 30). With at least N days of history the rule is"
              + " replayed on them; with fewer, a Gumbel distribution fitted to each venue's daily"
              + " maxima gives the N-day level.")
  Double days;

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
    double n = days != null ? days : plan.detection().daysPerFalseAlert();
    if (!(n > 1)) {
      throw new UserErrors.UserError(
          "--days-per-false-alert is " + n + "; accepted: more than 1 day");
    }
    List<double[]> series =
        scores.values().stream()
            .map(m -> m.values().stream().mapToDouble(Double::doubleValue).toArray())
            .toList();
    ScanThresholds t;
    if (span >= n) {
      t =
          AlertRateCalibration.calibrate(
              series, span, n, CRITICAL_RATIO, plan.detection().closeAfter());
      System.out.printf(
          "%.1f days of history cover N = %s days: the rule replayed on them.%n", span, number(n));
    } else {
      int wholeDays = (int) Math.ceil(span);
      if (wholeDays < 7) {
        throw new UserErrors.UserError(
            "--history spans "
                + String.format("%.1f", span)
                + " days, fewer than N = "
                + number(n)
                + "; accepted: at least 7 days to fit the daily maxima, or N days to replay the"
                + " rule on");
      }
      Map<String, double[]> maxima = new TreeMap<>();
      for (Map.Entry<String, TreeMap<Long, Double>> v : scores.entrySet()) {
        long[] starts = v.getValue().keySet().stream().mapToLong(Long::longValue).toArray();
        double[] s = v.getValue().values().stream().mapToDouble(Double::doubleValue).toArray();
        maxima.put(
            v.getKey(),
            AlertRateCalibration.dailyMaxima(
                starts, AlertRateCalibration.openingLevels(s, CRITICAL_RATIO), first, wholeDays));
      }
      t = AlertRateCalibration.extrapolate(maxima.values(), n, CRITICAL_RATIO);
      System.out.printf(
          "%.1f days of history, fewer than N = %s: each venue's daily maxima fitted by a Gumbel"
              + " distribution:%n",
          span, number(n));
      for (Map.Entry<String, double[]> v : maxima.entrySet()) {
        double[] m = v.getValue();
        if (Arrays.stream(m).allMatch(x -> x == m[0])) {
          System.out.printf("  %-14s no scores that vary from day to day%n", v.getKey());
          continue;
        }
        AlertRateCalibration.Gumbel g = AlertRateCalibration.Gumbel.fit(m);
        System.out.printf(
            "  %-14s location %.1f, scale %.2f: the %s-day level is %.1f%n",
            v.getKey(), g.location(), g.scale(), number(n), g.returnLevel(n));
      }
    }
    System.out.printf(
        "the alert rule at threshold %.1f, critical %.1f opens in the history:%n",
        t.threshold(), t.critical());
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
        number(n), t.threshold(), t.critical());
    return 0;
  }

  private static String number(double n) {
    return n % 1 == 0 ? String.valueOf((long) n) : String.valueOf(n);
  }
}
