package org.crowdhex.evaluation;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Shows flow accuracy ({@link FlowAccuracy}) per event phase: a fixed-width text table for people,
 * with the pairs of zones compared under each phase, and a JSON document for scripts.
 *
 * <p>The JSON is an object with {@code flows}, one object per phase with the fields {@code event},
 * {@code phase}, {@code start}, {@code end} (ISO-8601 UTC), {@code cpc} (null when both sides are
 * empty), {@code truth_authors}, {@code estimated_authors} and {@code pairs} ({@code origin},
 * {@code destination}, {@code truth}, {@code estimate}).
 */
public final class FlowReport {
  private static final JsonFactory JSON = new JsonFactory();

  private FlowReport() {}

  /** One line per phase, then its pairs indented; every line ends "\n". */
  public static String text(List<FlowAccuracy.PhaseScore> scores) {
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"event", "phase", "CPC", "true authors", "estimated"});
    for (FlowAccuracy.PhaseScore s : scores) {
      rows.add(
          new String[] {
            s.eventId(),
            s.phase(),
            Double.isNaN(s.cpc()) ? "-" : String.format(Locale.ROOT, "%.3f", s.cpc()),
            String.format(Locale.ROOT, "%,d", s.truthAuthors()),
            String.format(Locale.ROOT, "%,d", s.estimatedAuthors())
          });
    }
    int[] widths = new int[5];
    for (String[] row : rows) {
      for (int i = 0; i < row.length; i++) widths[i] = Math.max(widths[i], row[i].length());
    }
    StringBuilder out = new StringBuilder();
    for (int r = 0; r < rows.size(); r++) {
      String[] row = rows.get(r);
      for (int i = 0; i < row.length; i++) {
        if (i > 0) out.append("  ");
        // Text columns to the left, figures to the right.
        String format = i < 2 ? "%-" + widths[i] + "s" : "%" + widths[i] + "s";
        out.append(String.format(Locale.ROOT, format, row[i]));
      }
      out.append('\n');
      if (r == 0) continue;
      for (FlowAccuracy.PairCount p : scores.get(r - 1).pairs()) {
        out.append(
            String.format(
                Locale.ROOT,
                "    %s -> %s: true %,d, estimated %,d%n",
                p.origin(),
                p.destination(),
                p.truth(),
                p.estimate()));
      }
    }
    return out.toString();
  }

  /** Writes the scores as JSON into a file, replacing it. */
  public static void writeJson(List<FlowAccuracy.PhaseScore> scores, Path file) throws IOException {
    try (OutputStream out = Files.newOutputStream(file);
        JsonGenerator g = JSON.createGenerator(out, JsonEncoding.UTF8)) {
      g.useDefaultPrettyPrinter();
      g.writeStartObject();
      g.writeArrayFieldStart("flows");
      for (FlowAccuracy.PhaseScore s : scores) {
        g.writeStartObject();
        g.writeStringField("event", s.eventId());
        g.writeStringField("phase", s.phase());
        g.writeStringField("start", s.start().toString());
        g.writeStringField("end", s.end().toString());
        if (Double.isNaN(s.cpc())) g.writeNullField("cpc");
        else g.writeNumberField("cpc", Math.round(s.cpc() * 1000) / 1000.0);
        g.writeNumberField("truth_authors", s.truthAuthors());
        g.writeNumberField("estimated_authors", s.estimatedAuthors());
        g.writeArrayFieldStart("pairs");
        for (FlowAccuracy.PairCount p : s.pairs()) {
          g.writeStartObject();
          g.writeStringField("origin", p.origin());
          g.writeStringField("destination", p.destination());
          g.writeNumberField("truth", p.truth());
          g.writeNumberField("estimate", p.estimate());
          g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
      g.writeRaw('\n');
    }
  }
}
