package org.crowdhex.alert;

import com.fasterxml.jackson.core.JsonGenerator;
import com.uber.h3core.H3Core;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * An alert that is open at the end of a window, as a map shows it: which venue, since when, how
 * severe, and the cells and figures of the venue's strongest incident in the last window in which
 * the alert held. Made by {@link VenueAlerts#openAlert}; written as a GeoJSON Feature ({@link
 * #toGeoJson}) or a FeatureCollection of a window's open alerts ({@link #featureCollection}). Times
 * are epoch ms; counts are distinct authors; scores are those of the scan statistic.
 *
 * @param id the alert's id, as in the alerts output, e.g. {@code kuip-20260419T1415Z}
 * @param venue the venue id
 * @param phase the schedule phase of the last window in which the alert held, or null
 * @param severity the highest severity the alert has reached
 * @param firstWindowStart start of the first window that counted toward opening
 * @param lastWindowEnd end of the last window in which the alert held
 * @param cells the incident's H3 cells, ascending, at least one
 * @param observed C over the cells
 * @param expected B over the cells; above 0
 * @param score the score of C against B
 * @param peakObserved C in the window with the highest score, for the minimum-crowd rule of the
 *     alerts' public form (not written out)
 * @param baseline where {@code expected} comes from (see {@link AlertRecord#baseline()}); null for
 *     a baseline file
 * @param present distinct authors in the cells in the last window in which the alert held, that
 *     window alone (see {@link AlertRecord#present()}); null when held back by the minimum crowd
 */
public record OpenAlert(
    String id,
    String venue,
    String phase,
    Severity severity,
    long firstWindowStart,
    long lastWindowEnd,
    long[] cells,
    long observed,
    double expected,
    double score,
    long peakObserved,
    ExpectationSource baseline,
    Long present) {

  /** The order of a window's open alerts in its documents: by venue, then id. */
  public static final Comparator<OpenAlert> ORDER =
      Comparator.comparing(OpenAlert::venue).thenComparing(OpenAlert::id);

  public OpenAlert {
    if (id == null || id.isBlank()) {
      throw new IllegalArgumentException("open alert id is missing; accepted: a non-blank id");
    }
    if (venue == null || venue.isBlank()) {
      throw new IllegalArgumentException(
          "open alert " + id + " has no venue; accepted: a venue id");
    }
    if (severity == null) {
      throw new IllegalArgumentException("open alert " + id + " has no severity; accepted: one");
    }
    if (cells == null || cells.length == 0) {
      throw new IllegalArgumentException(
          "open alert " + id + " has no cells; accepted: at least one H3 cell");
    }
    cells = cells.clone();
    Arrays.sort(cells);
    if (baseline == null) baseline = ExpectationSource.HISTORY;
    if (present != null && present < 0) {
      throw new IllegalArgumentException(
          "open alert " + id + " present is " + present + "; accepted: a count of 0 or more");
    }
    if (!(expected > 0) || !Double.isFinite(expected)) {
      throw new IllegalArgumentException(
          "open alert " + id + " expected is " + expected + "; accepted: a finite count above 0");
    }
  }

  /** A copy: the record stays immutable. */
  @Override
  public long[] cells() {
    return cells.clone();
  }

  /** Whether the cell is one of the alert's. */
  public boolean contains(long cell) {
    return Arrays.binarySearch(cells, cell) >= 0;
  }

  /** C / B over the cells. */
  public double ratio() {
    return observed / expected;
  }

  /**
   * This alert with {@code present} held back (null) when it is below {@code minCrowd} distinct
   * authors: the public form of an alert whose other figures pass.
   */
  public OpenAlert withPresentOfAtLeast(int minCrowd) {
    if (present == null || present >= minCrowd) return this;
    return new OpenAlert(
        id,
        venue,
        phase,
        severity,
        firstWindowStart,
        lastWindowEnd,
        cells,
        observed,
        expected,
        score,
        peakObserved,
        baseline,
        null);
  }

  /**
   * The alert as an RFC 7946 Feature: a MultiPolygon of the cells' outline (neighbouring hexagons
   * dissolved) with the properties {@code id}, {@code venue}, {@code phase}, {@code severity},
   * {@code since} (the first window's start, UTC ISO-8601), {@code until} (the end of the last
   * window in which it held), {@code cells} (H3 hex ids), {@code observed}, {@code expected},
   * {@code ratio}, {@code score} and {@code present}.
   */
  public String toGeoJson(H3Core h3) {
    return AlertJson.write(g -> writeFeature(g, h3));
  }

  /**
   * The open alerts of one window as an RFC 7946 FeatureCollection of {@link #toGeoJson} features,
   * in {@link #ORDER}; an empty collection when none is open. Ends with a line break.
   */
  public static String featureCollection(Collection<OpenAlert> alerts, H3Core h3) {
    List<OpenAlert> sorted = new ArrayList<>(alerts);
    sorted.sort(ORDER);
    return AlertJson.write(
            g -> {
              g.writeStartObject();
              g.writeStringField("type", "FeatureCollection");
              g.writeArrayFieldStart("features");
              for (OpenAlert a : sorted) a.writeFeature(g, h3);
              g.writeEndArray();
              g.writeEndObject();
            })
        + "\n";
  }

  private void writeFeature(JsonGenerator g, H3Core h3) throws IOException {
    List<Long> ids = new ArrayList<>(cells.length);
    for (long c : cells) ids.add(c);
    g.writeStartObject();
    g.writeStringField("type", "Feature");
    g.writeStringField("id", id);
    g.writeFieldName("geometry");
    HexOutline.write(g, h3, ids);
    g.writeObjectFieldStart("properties");
    g.writeStringField("id", id);
    g.writeStringField("venue", venue);
    if (phase == null) g.writeNullField("phase");
    else g.writeStringField("phase", phase);
    g.writeStringField("severity", severity.label());
    g.writeStringField("baseline", baseline.label());
    g.writeStringField("since", AlertJson.iso(firstWindowStart));
    g.writeStringField("until", AlertJson.iso(lastWindowEnd));
    g.writeArrayFieldStart("cells");
    for (long c : cells) g.writeString(Long.toHexString(c));
    g.writeEndArray();
    g.writeNumberField("observed", observed);
    g.writeNumberField("expected", HexOutline.round(expected, 3));
    g.writeNumberField("ratio", HexOutline.round(ratio(), 3));
    g.writeNumberField("score", HexOutline.round(score, 3));
    AlertJson.writeCount(g, "present", present);
    g.writeEndObject();
    g.writeEndObject();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof OpenAlert a
        && id.equals(a.id)
        && venue.equals(a.venue)
        && java.util.Objects.equals(phase, a.phase)
        && severity == a.severity
        && firstWindowStart == a.firstWindowStart
        && lastWindowEnd == a.lastWindowEnd
        && Arrays.equals(cells, a.cells)
        && observed == a.observed
        && Double.compare(expected, a.expected) == 0
        && Double.compare(score, a.score) == 0
        && peakObserved == a.peakObserved
        && java.util.Objects.equals(present, a.present);
  }

  @Override
  public int hashCode() {
    return 31 * id.hashCode() + Long.hashCode(lastWindowEnd);
  }

  @Override
  public String toString() {
    return "OpenAlert[id="
        + id
        + ", severity="
        + severity.label()
        + ", cells="
        + cells.length
        + ", observed="
        + observed
        + ", expected="
        + expected
        + ", score="
        + score
        + "]";
  }
}
