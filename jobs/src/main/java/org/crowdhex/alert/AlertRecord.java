package org.crowdhex.alert;

import com.fasterxml.jackson.core.JsonGenerator;
import com.uber.h3core.H3Core;
import java.io.IOException;
import java.util.List;

/**
 * One published change of an alert: the record of the alerts output, written as a JSON line ({@link
 * #toJson()}) or as a GeoJSON Feature whose geometry is the union of the alert's hexagons ({@link
 * #toGeoJson(H3Core)}). Times are epoch ms here and UTC ISO-8601 in the outputs; counts are
 * distinct authors; scores are those of the scan statistic.
 *
 * <p>The figures {@code observed}, {@code expected} and {@code score} and the cells are those of
 * the venue's strongest incident in the last window in which the alert held; the {@code peak_}
 * figures those of the window with the highest score so far.
 *
 * <p>{@code observed} adds up each cell's authors over every window of the scan's region (up to
 * three overlapping windows), so one person can count more than once; {@code present} counts the
 * same cells in the one window alone: how many people are there.
 *
 * @param id stable over the alert's life: the venue and the start of its first window, e.g. {@code
 *     kuip-20260419T1415Z}
 * @param venue the venue id
 * @param phase the schedule phase of the last window in which the alert held, or null
 * @param trigger what opened the alert: {@code scan} (the scan statistic, 2 hits in 3 windows or
 *     one critical) or {@code build_up} (a cell's CUSUM: a crowd gathering over hours)
 * @param baseline where {@code expected} comes from: a baseline file, or (without one) the stream's
 *     own first windows, marked {@code no baseline yet} until they are learned
 * @param state what happened in this record's window
 * @param severity the highest severity the alert has reached
 * @param notifies true only when the alert opens or escalates: the records to send to people
 * @param revision 0 for the opening record, then 1, 2... for each later record of the alert
 * @param windowStart start of the window this record reports (for {@code CLOSED}, the last of the
 *     closing run)
 * @param windowEnd end of that window
 * @param firstWindowStart start of the first window that counted toward opening
 * @param firstWindowEnd its end
 * @param lastWindowStart start of the last window in which the alert held
 * @param lastWindowEnd its end
 * @param peakWindowStart start of the window with the highest score
 * @param peakWindowEnd its end
 * @param cells the incident's H3 cells as hex strings, ascending
 * @param observed C over the cells
 * @param expected B over the cells; above 0
 * @param score the score of C against B
 * @param peakObserved C at the peak
 * @param peakExpected B at the peak
 * @param peakScore the highest score so far
 * @param present distinct authors in the cells in the last window in which the alert held, that
 *     window alone (summed per cell); null when held back, being below the minimum crowd
 * @param peakPresent the same in the peak window; null when held back
 */
public record AlertRecord(
    String id,
    String venue,
    String phase,
    String trigger,
    ExpectationSource baseline,
    AlertState state,
    Severity severity,
    boolean notifies,
    int revision,
    long windowStart,
    long windowEnd,
    long firstWindowStart,
    long firstWindowEnd,
    long lastWindowStart,
    long lastWindowEnd,
    long peakWindowStart,
    long peakWindowEnd,
    List<String> cells,
    long observed,
    double expected,
    double score,
    long peakObserved,
    double peakExpected,
    double peakScore,
    Long present,
    Long peakPresent) {

  public AlertRecord {
    if (id == null || id.isBlank()) {
      throw new IllegalArgumentException("alert id is missing; accepted: a non-blank id");
    }
    if (venue == null || venue.isBlank()) {
      throw new IllegalArgumentException("alert venue is missing; accepted: a venue id");
    }
    if (state == null || severity == null) {
      throw new IllegalArgumentException(
          "alert " + id + " has no " + (state == null ? "state" : "severity") + "; accepted: one");
    }
    if (revision < 0) {
      throw new IllegalArgumentException(
          "alert " + id + " revision is " + revision + "; accepted: 0 or more");
    }
    if (cells == null || cells.isEmpty()) {
      throw new IllegalArgumentException(
          "alert " + id + " has no cells; accepted: at least one H3 cell");
    }
    cells = List.copyOf(cells);
    if (baseline == null) baseline = ExpectationSource.HISTORY;
    if ((present != null && present < 0) || (peakPresent != null && peakPresent < 0)) {
      throw new IllegalArgumentException(
          "alert "
              + id
              + " present is "
              + present
              + " and peak present "
              + peakPresent
              + "; accepted: counts of 0 or more, or none (held back)");
    }
    if (!(expected > 0) || !(peakExpected > 0)) {
      throw new IllegalArgumentException(
          "alert "
              + id
              + " expected is "
              + expected
              + " and peak expected "
              + peakExpected
              + "; accepted: counts above 0");
    }
  }

  /** C / B over the cells. */
  public double ratio() {
    return observed / expected;
  }

  /**
   * This record with {@code present} and {@code peak_present} held back (null) where they are below
   * {@code minCrowd} distinct authors: the public form of a record whose other figures pass.
   */
  public AlertRecord withPresentOfAtLeast(int minCrowd) {
    Long now = present != null && present >= minCrowd ? present : null;
    Long peak = peakPresent != null && peakPresent >= minCrowd ? peakPresent : null;
    if (java.util.Objects.equals(now, present) && java.util.Objects.equals(peak, peakPresent)) {
      return this;
    }
    return new AlertRecord(
        id,
        venue,
        phase,
        trigger,
        baseline,
        state,
        severity,
        notifies,
        revision,
        windowStart,
        windowEnd,
        firstWindowStart,
        firstWindowEnd,
        lastWindowStart,
        lastWindowEnd,
        peakWindowStart,
        peakWindowEnd,
        cells,
        observed,
        expected,
        score,
        peakObserved,
        peakExpected,
        peakScore,
        now,
        peak);
  }

  /** The record as one line of JSON, without the line break. */
  public String toJson() {
    return AlertJson.write(this::writeProperties);
  }

  /**
   * The record as an RFC 7946 Feature: a MultiPolygon of the cells' outline (neighbouring hexagons
   * dissolved) with the JSON line's fields as properties.
   */
  public String toGeoJson(H3Core h3) {
    List<Long> ids = cells.stream().map(c -> Long.parseUnsignedLong(c, 16)).toList();
    return AlertJson.write(
        g -> {
          g.writeStartObject();
          g.writeStringField("type", "Feature");
          g.writeStringField("id", id);
          g.writeFieldName("geometry");
          HexOutline.write(g, h3, ids);
          g.writeFieldName("properties");
          writeProperties(g);
          g.writeEndObject();
        });
  }

  private void writeProperties(JsonGenerator g) throws IOException {
    g.writeStartObject();
    g.writeStringField("id", id);
    g.writeStringField("venue", venue);
    if (phase == null) g.writeNullField("phase");
    else g.writeStringField("phase", phase);
    g.writeStringField("trigger", trigger);
    g.writeStringField("baseline", baseline.label());
    g.writeStringField("state", state.label());
    g.writeStringField("severity", severity.label());
    g.writeBooleanField("notify", notifies);
    g.writeNumberField("revision", revision);
    g.writeStringField("window_start", AlertJson.iso(windowStart));
    g.writeStringField("window_end", AlertJson.iso(windowEnd));
    g.writeStringField("first_window_start", AlertJson.iso(firstWindowStart));
    g.writeStringField("first_window_end", AlertJson.iso(firstWindowEnd));
    g.writeStringField("last_window_start", AlertJson.iso(lastWindowStart));
    g.writeStringField("last_window_end", AlertJson.iso(lastWindowEnd));
    g.writeStringField("peak_window_start", AlertJson.iso(peakWindowStart));
    g.writeStringField("peak_window_end", AlertJson.iso(peakWindowEnd));
    g.writeArrayFieldStart("cells");
    for (String c : cells) g.writeString(c);
    g.writeEndArray();
    g.writeNumberField("observed", observed);
    g.writeNumberField("expected", HexOutline.round(expected, 3));
    g.writeNumberField("ratio", HexOutline.round(ratio(), 3));
    g.writeNumberField("score", HexOutline.round(score, 3));
    AlertJson.writeCount(g, "present", present);
    g.writeNumberField("peak_observed", peakObserved);
    g.writeNumberField("peak_expected", HexOutline.round(peakExpected, 3));
    g.writeNumberField("peak_score", HexOutline.round(peakScore, 3));
    AlertJson.writeCount(g, "peak_present", peakPresent);
    g.writeEndObject();
  }
}
