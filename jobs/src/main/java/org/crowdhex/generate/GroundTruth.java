package org.crowdhex.generate;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/**
 * What a synthetic stream really contains, for scoring detectors against it: the events with the
 * venues and H3 cells they touch, the movements between venues, and the post counts by kind.
 *
 * @param seed the spec's seed
 * @param spec the spec the stream was generated from
 * @param city where the background population is centred and which language it speaks
 * @param totals posts written, by kind
 * @param events one per match scenario, in the spec's order
 * @param flows movements between venues, per event and phase, ordered by event, phase (arrival
 *     first), origin and destination
 * @param botAuthors the author ids of the bots, sorted
 */
public record GroundTruth(
    long seed,
    GeneratorSpec spec,
    City city,
    Totals totals,
    List<Event> events,
    List<Flow> flows,
    List<String> botAuthors) {

  public static final String STADIUM_MATCH = "stadium_match";
  public static final String ARRIVAL = "arrival";
  public static final String EGRESS = "egress";

  private static final JsonFactory JSON =
      JsonFactory.builder().disable(StreamWriteFeature.AUTO_CLOSE_TARGET).build();

  public GroundTruth {
    events = List.copyOf(events);
    flows = List.copyOf(flows);
    botAuthors = List.copyOf(botAuthors);
  }

  /** A half-open time interval {@code [start, end)}. */
  public record Interval(Instant start, Instant end) {}

  /**
   * @param centreLat latitude of the city centre (mean of the venues' centroids)
   * @param centreLon longitude of the city centre
   * @param language language code of most authors
   */
  public record City(double centreLat, double centreLon, String language) {}

  /**
   * @param posts all posts written, duplicates included
   * @param background posts of the background population
   * @param match posts of match attendees
   * @param bot posts of bots
   * @param duplicate re-delivered copies
   */
  public record Totals(long posts, long background, long match, long bot, long duplicate) {}

  /**
   * @param id unique within the truth, such as {@code match-1-kuip}
   * @param kind {@value #STADIUM_MATCH}
   * @param venueId the stadium
   * @param arrival kick-off minus two hours to kick-off
   * @param match kick-off to final whistle
   * @param egress final whistle to 45 minutes later
   * @param goals when goals were scored (moments of extra posting)
   * @param affectedVenues the stadium, then the hubs used, sorted
   * @param affectedCells H3 cells (hex strings at the spec's resolution) of the attendees' posts
   *     placed inside the stadium, sorted
   * @param expectedAuthors the attendance
   */
  public record Event(
      String id,
      String kind,
      String venueId,
      Interval arrival,
      Interval match,
      Interval egress,
      List<Instant> goals,
      List<String> affectedVenues,
      List<String> affectedCells,
      int expectedAuthors) {
    public Event {
      goals = List.copyOf(goals);
      affectedVenues = List.copyOf(affectedVenues);
      affectedCells = List.copyOf(affectedCells);
    }
  }

  /**
   * Authors who moved from one venue to another in one phase of an event: an attendee counts in the
   * arrival flow when both the hub post and the stadium post were written, and in the egress flow
   * when the stadium post and the homeward hub post were.
   *
   * @param eventId the event
   * @param phase {@value #ARRIVAL} or {@value #EGRESS}
   * @param originVenueId where they came from
   * @param destinationVenueId where they went
   * @param authors distinct authors
   * @param interval the phase's interval
   */
  public record Flow(
      String eventId,
      String phase,
      String originVenueId,
      String destinationVenueId,
      int authors,
      Interval interval) {}

  /** Writes the truth as pretty JSON (two-space indent, "\n" line ends on every platform). */
  public void writeJson(OutputStream out) throws IOException {
    DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
    DefaultPrettyPrinter pretty =
        new DefaultPrettyPrinter()
            .withSeparators(
                Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER));
    pretty.indentObjectsWith(indenter);
    pretty.indentArraysWith(indenter);
    try (JsonGenerator g = JSON.createGenerator(out, JsonEncoding.UTF8)) {
      g.setPrettyPrinter(pretty);
      g.writeStartObject();
      g.writeNumberField("seed", seed);
      writeSpec(g);
      g.writeObjectFieldStart("city");
      g.writeNumberField("centre_lat", PostBatch.roundMicro(city.centreLat()));
      g.writeNumberField("centre_lon", PostBatch.roundMicro(city.centreLon()));
      g.writeStringField("language", city.language());
      g.writeEndObject();
      g.writeObjectFieldStart("totals");
      g.writeNumberField("posts", totals.posts());
      g.writeNumberField("background", totals.background());
      g.writeNumberField("match", totals.match());
      g.writeNumberField("bot", totals.bot());
      g.writeNumberField("duplicate", totals.duplicate());
      g.writeEndObject();
      g.writeArrayFieldStart("events");
      for (Event e : events) {
        writeEvent(g, e);
      }
      g.writeEndArray();
      g.writeArrayFieldStart("flows");
      for (Flow f : flows) {
        g.writeStartObject();
        g.writeStringField("event_id", f.eventId());
        g.writeStringField("phase", f.phase());
        g.writeStringField("origin", f.originVenueId());
        g.writeStringField("destination", f.destinationVenueId());
        g.writeNumberField("authors", f.authors());
        g.writeStringField("start", time(f.interval().start()));
        g.writeStringField("end", time(f.interval().end()));
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeArrayFieldStart("bot_authors");
      for (String b : botAuthors) {
        g.writeString(b);
      }
      g.writeEndArray();
      g.writeEndObject();
      g.writeRaw('\n');
    }
  }

  /** The truth as the JSON text {@link #writeJson} writes. */
  public String toJson() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try {
      writeJson(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  private void writeSpec(JsonGenerator g) throws IOException {
    g.writeObjectFieldStart("spec");
    g.writeStringField("start", time(spec.start()));
    g.writeStringField("end", time(spec.end()));
    g.writeStringField("duration", spec.duration().toString());
    g.writeStringField("zone", spec.zone().getId());
    g.writeNumberField("population", spec.population());
    g.writeNumberField("posts_per_author_per_day", spec.postsPerAuthorPerDay());
    g.writeNumberField("h3_resolution", spec.h3Resolution());
    g.writeNumberField("matches", spec.matches().size());
    g.writeNumberField("bots", spec.bots());
    g.writeNumberField("duplicate_rate", spec.duplicateRate());
    g.writeNumberField("jitter_m", spec.jitterMeters());
    g.writeStringField("max_disorder", spec.maxDisorder().toString());
    g.writeEndObject();
  }

  private static void writeEvent(JsonGenerator g, Event e) throws IOException {
    g.writeStartObject();
    g.writeStringField("id", e.id());
    g.writeStringField("kind", e.kind());
    g.writeStringField("venue_id", e.venueId());
    g.writeObjectFieldStart("intervals");
    writeInterval(g, ARRIVAL, e.arrival());
    writeInterval(g, "match", e.match());
    writeInterval(g, EGRESS, e.egress());
    g.writeEndObject();
    g.writeArrayFieldStart("goals");
    for (Instant goal : e.goals()) {
      g.writeString(time(goal));
    }
    g.writeEndArray();
    g.writeArrayFieldStart("affected_venues");
    for (String v : e.affectedVenues()) {
      g.writeString(v);
    }
    g.writeEndArray();
    g.writeArrayFieldStart("affected_cells");
    for (String c : e.affectedCells()) {
      g.writeString(c);
    }
    g.writeEndArray();
    g.writeNumberField("expected_authors", e.expectedAuthors());
    g.writeEndObject();
  }

  private static void writeInterval(JsonGenerator g, String name, Interval interval)
      throws IOException {
    g.writeObjectFieldStart(name);
    g.writeStringField("start", time(interval.start()));
    g.writeStringField("end", time(interval.end()));
    g.writeEndObject();
  }

  private static String time(Instant instant) {
    return IsoMillis.format(instant.toEpochMilli());
  }
}
