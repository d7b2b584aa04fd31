package org.crowdhex.evaluation;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Shows evaluation reports side by side: a fixed-width text table for people and a JSON document
 * with every number and list for scripts.
 *
 * <p>The table has one row per detector with the columns detector, precision, recall, F1, median
 * delay, p90 delay, false alerts per venue-day, events and alerts. Ratios have three decimals,
 * delays are signed minutes and seconds such as {@code +5m00s}, and a number that is undefined (no
 * alerts, no events, no detection) is shown as {@code -}.
 *
 * <p>The JSON is an object with {@code reports}, one object per detector in the order given, with
 * the fields {@code detector}, {@code tolerance_s}, {@code events}, {@code detected_events}, {@code
 * alerts}, {@code matched_alerts}, {@code precision}, {@code recall}, {@code f1}, {@code
 * median_delay_s}, {@code p90_delay_s}, {@code venues}, {@code days}, {@code
 * false_alerts_per_venue_day}, {@code detections} ({@code event}, {@code alert}, {@code delay_s}),
 * {@code missed_events} ({@code id}, {@code kind}, {@code venue}, {@code onset}, {@code end}) and
 * {@code false_alerts} ({@code id}, {@code venue}, {@code start}, {@code end}). Delays are seconds,
 * times are ISO-8601 UTC, and an undefined number is {@code null}.
 */
public final class ReportTable {
  static final String[] HEADERS = {
    "detector",
    "precision",
    "recall",
    "F1",
    "median delay",
    "p90 delay",
    "false/venue-day",
    "events",
    "alerts"
  };

  private static final JsonFactory JSON =
      JsonFactory.builder().disable(StreamWriteFeature.AUTO_CLOSE_TARGET).build();

  private ReportTable() {}

  /** The side-by-side table, a header line, a rule and one line per report, each ending "\n". */
  public static String text(List<EvaluationReport> reports) {
    List<String[]> rows = new ArrayList<>();
    rows.add(HEADERS);
    for (EvaluationReport r : reports) {
      rows.add(
          new String[] {
            r.detector(),
            ratio(r.precision()),
            ratio(r.recall()),
            ratio(r.f1()),
            delay(r.medianDelay()),
            delay(r.p90Delay()),
            ratio(r.falseAlertsPerVenueDay()),
            Integer.toString(r.events()),
            Integer.toString(r.alerts())
          });
    }
    return table(rows);
  }

  /**
   * Each truth event's delay per detector, side by side: one row per event (its id and kind), one
   * column per report, {@code missed} where a detector did not detect it. Which events are slow for
   * which detector, behind the medians of {@link #text}.
   */
  public static String delays(TruthSet truth, List<EvaluationReport> reports) {
    List<String[]> rows = new ArrayList<>();
    String[] header = new String[reports.size() + 2];
    header[0] = "event";
    header[1] = "kind";
    for (int i = 0; i < reports.size(); i++) header[i + 2] = reports.get(i).detector();
    rows.add(header);
    for (TruthEvent e : truth.events()) {
      String[] row = new String[header.length];
      row[0] = e.id();
      row[1] = e.kind();
      for (int i = 0; i < reports.size(); i++) {
        row[i + 2] = "missed";
        for (Detection d : reports.get(i).detections()) {
          if (d.eventId().equals(e.id())) row[i + 2] = delay(d.delay());
        }
      }
      rows.add(row);
    }
    return table(rows);
  }

  /** Rows as a fixed-width table: the first is the header, followed by a rule. */
  private static String table(List<String[]> rows) {
    int[] widths = new int[rows.get(0).length];
    for (String[] row : rows) {
      for (int i = 0; i < row.length; i++) {
        widths[i] = Math.max(widths[i], row[i].length());
      }
    }
    StringBuilder out = new StringBuilder();
    for (int r = 0; r < rows.size(); r++) {
      line(out, rows.get(r), widths);
      if (r == 0) {
        String[] rule = new String[widths.length];
        for (int i = 0; i < widths.length; i++) {
          rule[i] = "-".repeat(widths[i]);
        }
        line(out, rule, widths);
      }
    }
    return out.toString();
  }

  /** Writes the reports as JSON, one line ending "\n"; the stream is left open. */
  public static void writeJson(List<EvaluationReport> reports, OutputStream out)
      throws IOException {
    try (JsonGenerator g = JSON.createGenerator(out, JsonEncoding.UTF8)) {
      g.writeStartObject();
      g.writeArrayFieldStart("reports");
      for (EvaluationReport r : reports) {
        writeReport(g, r);
      }
      g.writeEndArray();
      g.writeEndObject();
      g.writeRaw('\n');
    }
  }

  /** Writes the reports as JSON into a file, replacing it. */
  public static void writeJson(List<EvaluationReport> reports, Path file) throws IOException {
    try (OutputStream out = Files.newOutputStream(file)) {
      writeJson(reports, out);
    }
  }

  /** The JSON text {@link #writeJson(List, OutputStream)} writes. */
  public static String json(List<EvaluationReport> reports) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try {
      writeJson(reports, bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  private static void writeReport(JsonGenerator g, EvaluationReport r) throws IOException {
    g.writeStartObject();
    g.writeStringField("detector", r.detector());
    g.writeNumberField("tolerance_s", r.tolerance().toSeconds());
    g.writeNumberField("events", r.events());
    g.writeNumberField("detected_events", r.detectedEvents());
    g.writeNumberField("alerts", r.alerts());
    g.writeNumberField("matched_alerts", r.matchedAlerts());
    number(g, "precision", r.precision());
    number(g, "recall", r.recall());
    number(g, "f1", r.f1());
    seconds(g, "median_delay_s", r.medianDelay());
    seconds(g, "p90_delay_s", r.p90Delay());
    g.writeNumberField("venues", r.venues());
    number(g, "days", r.days());
    number(g, "false_alerts_per_venue_day", r.falseAlertsPerVenueDay());
    g.writeArrayFieldStart("detections");
    for (Detection d : r.detections()) {
      g.writeStartObject();
      g.writeStringField("event", d.eventId());
      g.writeStringField("alert", d.alertId());
      seconds(g, "delay_s", d.delay());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeArrayFieldStart("missed_events");
    for (TruthEvent e : r.missedEvents()) {
      g.writeStartObject();
      g.writeStringField("id", e.id());
      g.writeStringField("kind", e.kind());
      g.writeStringField("venue", e.venue());
      g.writeStringField("onset", e.onset().toString());
      g.writeStringField("end", e.end().toString());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeArrayFieldStart("false_alerts");
    for (AlertSpan a : r.falseAlerts()) {
      g.writeStartObject();
      g.writeStringField("id", a.id());
      g.writeStringField("venue", a.venue());
      g.writeStringField("start", a.start().toString());
      g.writeStringField("end", a.end().toString());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  private static void number(JsonGenerator g, String field, double value) throws IOException {
    if (Double.isNaN(value)) {
      g.writeNullField(field);
    } else {
      // Six decimals keep the file short and stable across runs; ratios need no more.
      g.writeNumberField(field, Math.round(value * 1e6) / 1e6);
    }
  }

  private static void seconds(JsonGenerator g, String field, Duration value) throws IOException {
    if (value == null) {
      g.writeNullField(field);
    } else {
      g.writeNumberField(field, value.toMillis() / 1000.0);
    }
  }

  private static void line(StringBuilder out, String[] cells, int[] widths) {
    for (int i = 0; i < cells.length; i++) {
      if (i > 0) {
        out.append("  ");
      }
      // The detector's name reads best left-aligned, numbers right-aligned.
      String format = i == 0 ? "%-" + widths[i] + "s" : "%" + widths[i] + "s";
      out.append(String.format(Locale.ROOT, format, cells[i]));
    }
    int end = out.length();
    while (end > 0 && out.charAt(end - 1) == ' ') {
      end--;
    }
    out.setLength(end);
    out.append('\n');
  }

  static String ratio(double value) {
    return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.3f", value);
  }

  /** A signed delay in minutes and seconds, such as {@code +5m00s} or {@code -2m30s}. */
  static String delay(Duration value) {
    if (value == null) {
      return "-";
    }
    long seconds = Math.abs(value.toSeconds());
    return String.format(
        Locale.ROOT, "%s%dm%02ds", value.isNegative() ? "-" : "+", seconds / 60, seconds % 60);
  }
}
