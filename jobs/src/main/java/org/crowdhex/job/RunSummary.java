package org.crowdhex.job;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.Map;
import org.crowdhex.output.Json;
import org.crowdhex.plan.DetectionSpec;
import org.crowdhex.plan.EventPlan;

/**
 * What a run read and what became of it. Every line read is accounted for: {@code read = counted +
 * rejected + outsideZones + duplicates + overCap + late}.
 *
 * @param read lines read from the input (blank lines are not records and are not counted)
 * @param rejected lines that were not valid posts (see the rejects output)
 * @param outsideZones valid posts in no venue's zone
 * @param late posts that came after every window they belonged to had closed (see the late output)
 * @param duplicates posts of an author in the same cell within the duplicate window of a counted
 *     one
 * @param overCap posts of an author beyond the per-author cap of a window length
 * @param counted posts counted in at least one window
 * @param cellWindows cell-window records published (revisions included), rolled-up parents among
 *     them
 * @param venueWindows venue-window records published
 * @param cellsRolledUp cell windows below the minimum crowd published inside a parent cell
 * @param cellsSuppressed cell windows below the minimum crowd held back, their parent too small
 * @param moves moves found between consecutive posts of one author
 * @param flowWindows flow records published (edge and window, revisions included)
 * @param eventTimeMax the latest event time seen, epoch ms (Long.MIN_VALUE when none)
 * @param elapsedMillis wall-clock run time
 */
public record RunSummary(
    long read,
    long rejected,
    long outsideZones,
    long late,
    long duplicates,
    long overCap,
    long counted,
    long cellWindows,
    long venueWindows,
    long cellsRolledUp,
    long cellsSuppressed,
    long moves,
    long flowWindows,
    long eventTimeMax,
    long elapsedMillis) {

  /** Reads the job's accumulators. */
  static RunSummary of(Map<String, Object> acc, long elapsedMillis) {
    long read = num(acc, RunCounters.LINES_READ);
    long rejected = num(acc, RunCounters.REJECTED);
    long outside = num(acc, RunCounters.OUTSIDE_ZONES);
    long late = num(acc, RunCounters.LATE);
    long duplicates = num(acc, RunCounters.DUPLICATES);
    long overCap = num(acc, RunCounters.OVER_CAP);
    Object et = acc.get(RunCounters.EVENT_TIME);
    return new RunSummary(
        read,
        rejected,
        outside,
        late,
        duplicates,
        overCap,
        read - rejected - outside - duplicates - overCap - late,
        num(acc, RunCounters.CELL_WINDOWS),
        num(acc, RunCounters.VENUE_WINDOWS),
        num(acc, RunCounters.CELLS_ROLLED_UP),
        num(acc, RunCounters.CELLS_SUPPRESSED),
        num(acc, RunCounters.MOVES),
        num(acc, RunCounters.FLOW_WINDOWS),
        et instanceof Number n ? n.longValue() : Long.MIN_VALUE,
        elapsedMillis);
  }

  private static long num(Map<String, Object> acc, String name) {
    Object v = acc.get(name);
    return v instanceof Number n ? n.longValue() : 0L;
  }

  /** Lines read per second of wall-clock time. */
  public double linesPerSecond() {
    return elapsedMillis == 0 ? 0 : read * 1000.0 / elapsedMillis;
  }

  /** The summary as JSON. */
  public String toJson() {
    return toJson(null);
  }

  /**
   * The summary as JSON, written to {@code summary.json} in the output folder, with what the run
   * ran ({@code plan}: its name, time zone and detection settings) so that runs can be told apart
   * and read in local time later.
   *
   * @param plan the plan of the run, or null to leave it out
   */
  public String toJson(EventPlan plan) {
    return Json.write(
        g -> {
          g.useDefaultPrettyPrinter();
          g.writeStartObject();
          g.writeNumberField("read", read);
          g.writeNumberField("counted", counted);
          g.writeNumberField("rejected", rejected);
          g.writeNumberField("outside_zones", outsideZones);
          g.writeNumberField("duplicates", duplicates);
          g.writeNumberField("over_cap", overCap);
          g.writeNumberField("late", late);
          g.writeNumberField("cell_windows", cellWindows);
          g.writeNumberField("cells_rolled_up", cellsRolledUp);
          g.writeNumberField("cells_suppressed", cellsSuppressed);
          g.writeNumberField("venue_windows", venueWindows);
          g.writeNumberField("moves", moves);
          g.writeNumberField("flow_windows", flowWindows);
          if (eventTimeMax != Long.MIN_VALUE) {
            g.writeStringField("event_time_max", Json.iso(eventTimeMax));
          }
          g.writeNumberField("elapsed_ms", elapsedMillis);
          g.writeNumberField("lines_per_second", Math.round(linesPerSecond()));
          if (plan != null) writePlan(g, plan);
          g.writeEndObject();
        });
  }

  private static void writePlan(JsonGenerator g, EventPlan plan) throws IOException {
    g.writeObjectFieldStart("plan");
    g.writeStringField("name", plan.name());
    g.writeStringField("time_zone", plan.timeZone().getId());
    DetectionSpec d = plan.detection();
    if (!d.enabled()) {
      g.writeNullField("detection");
    } else {
      g.writeObjectFieldStart("detection");
      if (d.baseline() == null) g.writeNullField("baseline");
      else g.writeStringField("baseline", d.baseline().getFileName().toString());
      g.writeNumberField("threshold", d.threshold());
      g.writeNumberField("critical", d.critical());
      g.writeNumberField("radius", d.radius());
      g.writeNumberField("windows", d.windows());
      g.writeNumberField("close_after", d.closeAfter());
      g.writeNumberField("build_up_ratio", d.buildUpRatio());
      g.writeBooleanField("volume_rescale", d.volumeRescale());
      g.writeEndObject();
    }
    g.writeEndObject();
  }

  /** The closing lines a person reads. */
  public String describe() {
    return String.format(
        "read %,d = counted %,d + rejected %,d + outside zones %,d + duplicates %,d + over cap %,d"
            + " + late %,d%n"
            + "published %,d cell windows (%,d small ones rolled up into parents, %,d held back),"
            + " %,d venue windows and %,d flows (%,d moves)%n"
            + "in %.1f s (%,.0f lines/s)",
        read,
        counted,
        rejected,
        outsideZones,
        duplicates,
        overCap,
        late,
        cellWindows,
        cellsRolledUp,
        cellsSuppressed,
        venueWindows,
        flowWindows,
        moves,
        elapsedMillis / 1000.0,
        linesPerSecond());
  }
}
