package org.crowdhex.job;

import java.util.Map;
import org.crowdhex.output.Json;

/**
 * What a run read and what became of it. Every line read is accounted for: {@code read = counted +
 * rejected + outsideZones + late}.
 *
 * @param read lines read from the input (blank lines are not records and are not counted)
 * @param rejected lines that were not valid posts (see the rejects output)
 * @param outsideZones valid posts in no venue's zone
 * @param late posts that came after every window they belonged to had closed (see the late output)
 * @param counted posts counted in at least one window
 * @param cellWindows cell-window records published (revisions included)
 * @param venueWindows venue-window records published
 * @param eventTimeMax the latest event time seen, epoch ms (Long.MIN_VALUE when none)
 * @param elapsedMillis wall-clock run time
 */
public record RunSummary(
    long read,
    long rejected,
    long outsideZones,
    long late,
    long counted,
    long cellWindows,
    long venueWindows,
    long eventTimeMax,
    long elapsedMillis) {

  /** Reads the job's accumulators. */
  static RunSummary of(Map<String, Object> acc, long elapsedMillis) {
    long read = num(acc, RunCounters.LINES_READ);
    long rejected = num(acc, RunCounters.REJECTED);
    long outside = num(acc, RunCounters.OUTSIDE_ZONES);
    long late = num(acc, RunCounters.LATE);
    Object et = acc.get(RunCounters.EVENT_TIME);
    return new RunSummary(
        read,
        rejected,
        outside,
        late,
        read - rejected - outside - late,
        num(acc, RunCounters.CELL_WINDOWS),
        num(acc, RunCounters.VENUE_WINDOWS),
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

  /** The summary as JSON, written to {@code summary.json} in the output folder. */
  public String toJson() {
    return Json.write(
        g -> {
          g.useDefaultPrettyPrinter();
          g.writeStartObject();
          g.writeNumberField("read", read);
          g.writeNumberField("counted", counted);
          g.writeNumberField("rejected", rejected);
          g.writeNumberField("outside_zones", outsideZones);
          g.writeNumberField("late", late);
          g.writeNumberField("cell_windows", cellWindows);
          g.writeNumberField("venue_windows", venueWindows);
          if (eventTimeMax != Long.MIN_VALUE) {
            g.writeStringField("event_time_max", Json.iso(eventTimeMax));
          }
          g.writeNumberField("elapsed_ms", elapsedMillis);
          g.writeNumberField("lines_per_second", Math.round(linesPerSecond()));
          g.writeEndObject();
        });
  }

  /** The closing lines a person reads. */
  public String describe() {
    return String.format(
        "read %,d = counted %,d + rejected %,d + outside zones %,d + late %,d%n"
            + "published %,d cell windows and %,d venue windows in %.1f s (%,.0f lines/s)",
        read,
        counted,
        rejected,
        outsideZones,
        late,
        cellWindows,
        venueWindows,
        elapsedMillis / 1000.0,
        linesPerSecond());
  }
}
