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
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a synthetic stream really contains, for scoring detectors against it: the events with the
 * venues and H3 cells they touch, the movements between venues, and the post counts by kind.
 *
 * @param seed the spec's seed
 * @param spec the spec the stream was generated from
 * @param city where the background population is centred and which language it speaks
 * @param totals posts written, by kind
 * @param events one per match, in the spec's order, then one per other scenario, in the spec's
 *     order
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
  public static final String MATCH = "match";
  public static final String FLASH_CROWD = FlashCrowdScenario.KIND;
  public static final String MARCH = MarchScenario.KIND;
  public static final String BUILD_UP = BuildUpScenario.KIND;
  public static final String OUTAGE = OutageScenario.KIND;

  /** Interval names of the events other than matches. */
  public static final String CROWD = "crowd";

  public static final String STEADY = "steady";

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
   * @param scenario posts of the flash crowds, marches and build-ups
   * @param dropped posts lost to outages (not in {@code posts})
   */
  public record Totals(
      long posts,
      long background,
      long match,
      long bot,
      long duplicate,
      long scenario,
      long dropped) {
    /** Totals of a stream with matches only. */
    public Totals(long posts, long background, long match, long bot, long duplicate) {
      this(posts, background, match, bot, duplicate, 0, 0);
    }
  }

  /**
   * When the march (or any moving crowd) was in one H3 cell.
   *
   * @param cell H3 cell, hex string at the spec's resolution
   * @param first time of the first scenario post in the cell
   * @param last time of the last scenario post in the cell
   */
  public record Passage(String cell, Instant first, Instant last) {}

  /**
   * One event of the stream.
   *
   * @param id unique within the truth, such as {@code match-1-kuip} or {@code march-2-route}
   * @param kind {@value #STADIUM_MATCH}, {@value #FLASH_CROWD}, {@value #MARCH}, {@value #BUILD_UP}
   *     or {@value #OUTAGE}
   * @param venueId the venue, or null for an outage
   * @param intervals the phases in time order, by name: {@code arrival}, {@code match} and {@code
   *     egress} for a match; {@code crowd} (onset until the last author leaves) for a flash crowd;
   *     {@code march} (start until the last marcher reaches the end of the route) for a march;
   *     {@code build_up} and {@code steady} (omitted when the scenario holds for no time) for a
   *     build-up; {@code outage} for an outage. Intervals are clipped to the stream's end.
   * @param goals when goals were scored (moments of extra posting); empty unless a match
   * @param affectedVenues for a match, the stadium, then the hubs used, sorted, then the venues the
   *     fans' straight paths from those hubs pass, sorted; for an outage every venue, sorted; else
   *     the scenario's venue
   * @param affectedCells H3 cells (hex strings at the spec's resolution) of the scenario's posts at
   *     its venue (for a match, the attendees' posts inside the stadium; for a march, every marcher
   *     post), sorted; empty for an outage, which is everywhere
   * @param expectedAuthors the distinct authors the scenario adds (0 for an outage)
   * @param passages for a march, when its posts were in each cell, in order of first post (then
   *     cell); empty otherwise
   * @param dropFraction for an outage, the share of posts lost; 0 otherwise
   */
  public record Event(
      String id,
      String kind,
      String venueId,
      Map<String, Interval> intervals,
      List<Instant> goals,
      List<String> affectedVenues,
      List<String> affectedCells,
      int expectedAuthors,
      List<Passage> passages,
      double dropFraction) {
    public Event {
      if (intervals == null || intervals.isEmpty()) {
        throw new IllegalArgumentException(
            "event " + id + ": intervals is empty; expected at least one named phase");
      }
      intervals = Collections.unmodifiableMap(new LinkedHashMap<>(intervals));
      goals = List.copyOf(goals);
      affectedVenues = List.copyOf(affectedVenues);
      affectedCells = List.copyOf(affectedCells);
      passages = List.copyOf(passages);
    }

    /** A stadium match's event with its three phases. */
    public Event(
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
      this(
          id,
          kind,
          venueId,
          phases(ARRIVAL, arrival, MATCH, match, EGRESS, egress),
          goals,
          affectedVenues,
          affectedCells,
          expectedAuthors,
          List.of(),
          0);
    }

    private static Map<String, Interval> phases(Object... nameThenInterval) {
      Map<String, Interval> map = new LinkedHashMap<>();
      for (int i = 0; i < nameThenInterval.length; i += 2) {
        map.put((String) nameThenInterval[i], (Interval) nameThenInterval[i + 1]);
      }
      return map;
    }

    /** A match's arrival phase; null for other kinds. */
    public Interval arrival() {
      return intervals.get(ARRIVAL);
    }

    /** A match's play; null for other kinds. */
    public Interval match() {
      return intervals.get(MATCH);
    }

    /** A match's egress phase; null for other kinds. */
    public Interval egress() {
      return intervals.get(EGRESS);
    }

    /** From the start of the first phase to the end of the last. */
    public Interval span() {
      Instant from = null;
      Instant to = null;
      for (Interval i : intervals.values()) {
        from = from == null || i.start().isBefore(from) ? i.start() : from;
        to = to == null || i.end().isAfter(to) ? i.end() : to;
      }
      return new Interval(from, to);
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
      g.writeNumberField("scenario", totals.scenario());
      g.writeNumberField("dropped", totals.dropped());
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
    g.writeNumberField("scenarios", spec.scenarios().size());
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
    for (Map.Entry<String, Interval> phase : e.intervals().entrySet()) {
      writeInterval(g, phase.getKey(), phase.getValue());
    }
    g.writeEndObject();
    if (STADIUM_MATCH.equals(e.kind())) {
      g.writeArrayFieldStart("goals");
      for (Instant goal : e.goals()) {
        g.writeString(time(goal));
      }
      g.writeEndArray();
    }
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
    if (MARCH.equals(e.kind())) {
      g.writeArrayFieldStart("passages");
      for (Passage p : e.passages()) {
        g.writeStartObject();
        g.writeStringField("cell", p.cell());
        g.writeStringField("first", time(p.first()));
        g.writeStringField("last", time(p.last()));
        g.writeEndObject();
      }
      g.writeEndArray();
    }
    if (OUTAGE.equals(e.kind())) {
      g.writeNumberField("drop_fraction", e.dropFraction());
    }
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
