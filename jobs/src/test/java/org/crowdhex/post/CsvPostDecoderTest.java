package org.crowdhex.post;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.crowdhex.post.JsonPostDecoderTest.millis;

import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CsvPostDecoderTest {
  private static final String ORIGIN = "rides.csv:2";
  private static final long T = millis("2026-04-19T12:30:00Z");
  private static final String ALL_COLUMNS = "id,author,time,lat,lon,platform,lang,text";

  /** A ride-share export: no post id, no author, US-style local times. */
  private static final String RIDES_HEADER = "Date/Time,Lat,Lon,Base";

  private static final FieldMapping RIDES =
      new FieldMapping(null, null, "Date/Time", "Lat", "Lon", "platform", "lang", "text");

  private static final String HEADER_ACCEPTED =
      "; accepted: a header naming the columns of the plan's input.fields";

  // --- rows that decode ---

  @Test
  void readsARideShareExportThroughTheHeaderMapping() throws PostRejected {
    PostSchema schema =
        schema(RIDES, TimeFormat.of("M/d/yyyy H:mm:ss"), ZoneId.of("America/New_York"), ',');
    PostDecoder decoder = PostDecoder.csv(schema, RIDES_HEADER);

    Post p = decoder.decode(ORIGIN, "4/1/2014 0:11:00,40.769,-73.9549,B02512");

    assertThat(p)
        .isEqualTo(
            new Post(
                ORIGIN,
                "#" + ORIGIN,
                millis("2014-04-01T04:11:00Z"),
                40.769,
                -73.9549,
                null,
                null,
                null));
  }

  @Test
  void readsEveryColumnOfTheDefaultMapping() throws PostRejected {
    Post p =
        decode(ALL_COLUMNS, "p1,u7,2026-04-19T12:30:00Z,51.8939,4.5232,mastodon,nl,Hup Feyenoord");

    assertThat(p)
        .isEqualTo(new Post("p1", "u7", T, 51.8939, 4.5232, "mastodon", "nl", "Hup Feyenoord"));
  }

  @Test
  void readsQuotedFieldsWithCommasAndDoubledQuotes() throws PostRejected {
    Post p =
        decode(
            ALL_COLUMNS,
            "\"p,1\",u7,\"2026-04-19T12:30:00Z\",\"51.9\",4.5,,,\"Hup, Feyenoord! \"\"De"
                + " Kuip\"\"\"");

    assertThat(p)
        .isEqualTo(new Post("p,1", "u7", T, 51.9, 4.5, null, null, "Hup, Feyenoord! \"De Kuip\""));
  }

  @Test
  void findsColumnsInAnyOrderBesideColumnsItDoesNotUse() throws PostRejected {
    Post p = decode("lon,extra,time,lat", "4.5,whatever,2026-04-19T12:30:00Z,51.9");

    assertThat(p).isEqualTo(new Post(ORIGIN, "#" + ORIGIN, T, 51.9, 4.5, null, null, null));
  }

  @Test
  void splitsOnASemicolonDelimiterKeepingCommasInCells() throws PostRejected {
    PostSchema schema = schema(FieldMapping.DEFAULT, TimeFormat.AUTO, ZoneId.of("UTC"), ';');

    Post p =
        PostDecoder.csv(schema, "time;lat;lon;text")
            .decode(ORIGIN, "2026-04-19T12:30:00Z;51.9;4.5;a, b and \"c\"");

    assertThat(p.timeMillis()).isEqualTo(T);
    assertThat(p.lat()).isEqualTo(51.9);
    assertThat(p.lon()).isEqualTo(4.5);
    assertThat(p.text()).isEqualTo("a, b and \"c\"");
  }

  @Test
  void splitsOnATabDelimiter() throws PostRejected {
    PostSchema schema = schema(FieldMapping.DEFAULT, TimeFormat.AUTO, ZoneId.of("UTC"), '\t');

    Post p = PostDecoder.csv(schema, "time\tlat\tlon").decode(ORIGIN, "1776601800000\t51.9\t4.5");

    assertThat(p).isEqualTo(new Post(ORIGIN, "#" + ORIGIN, T, 51.9, 4.5, null, null, null));
  }

  @Test
  void ignoresAByteOrderMarkAtTheStartOfTheHeader() throws PostRejected {
    Post p = decode("\uFEFFtime,lat,lon", "2026-04-19T12:30:00Z,51.9,4.5");

    assertThat(p.timeMillis()).isEqualTo(T);
  }

  @Test
  void ignoresSpacesAroundHeaderNames() throws PostRejected {
    Post p = decode(" time , lat ,lon ", "2026-04-19T12:30:00Z, 51.9 ,4.5");

    assertThat(p.lat()).isEqualTo(51.9);
  }

  @Test
  void letsTheOriginStandInForAnIdOrAuthorColumnLeftAtItsDefaultAndAbsent() throws PostRejected {
    Post p = decode("time,lat,lon", "2026-04-19T12:30:00Z,51.9,4.5");

    assertThat(p.id()).isEqualTo(ORIGIN);
    assertThat(p.author()).isEqualTo("#" + ORIGIN);
  }

  // --- CSV_HEADER ---

  @Test
  void rejectsEveryRowWhenTheHeaderLacksANamedColumn() {
    FieldMapping latitude =
        new FieldMapping(null, null, "Date/Time", "Latitude", "Lon", null, null, null);
    PostSchema schema = schema(latitude, TimeFormat.of("M/d/yyyy H:mm:ss"), ZoneId.of("UTC"), ',');
    PostDecoder decoder = PostDecoder.csv(schema, RIDES_HEADER);
    String message =
        "the CSV header is \"Date/Time,Lat,Lon,Base\" (no column \"Latitude\" for lat)"
            + HEADER_ACCEPTED;

    for (String row : new String[] {"4/1/2014 0:11:00,40.769,-73.9549,B02512", "x", ""}) {
      PostRejected e = catchThrowableOfType(PostRejected.class, () -> decoder.decode(ORIGIN, row));

      assertThat(e.reason()).isEqualTo(RejectReason.CSV_HEADER);
      assertThat(e.field()).isNull();
      assertThat(e.getMessage()).isEqualTo(message);
    }
  }

  @Test
  void namesEveryMissingColumnOfTheHeader() {
    PostRejected e = reject("lat,when", "51.9,now");

    assertThat(e.reason()).isEqualTo(RejectReason.CSV_HEADER);
    assertThat(e.getMessage())
        .isEqualTo(
            "the CSV header is \"lat,when\" (no column \"time\" for time, no column \"lon\" for"
                + " lon)"
                + HEADER_ACCEPTED);
  }

  @Test
  void rejectsEveryRowWhenTheHeaderLacksAnAuthorColumnThePlanNamed() {
    FieldMapping named = new FieldMapping(null, "user", "time", "lat", "lon", null, null, null);
    PostDecoder decoder =
        PostDecoder.csv(schema(named, TimeFormat.AUTO, ZoneId.of("UTC"), ','), "time,lat,lon");

    PostRejected e =
        catchThrowableOfType(
            PostRejected.class, () -> decoder.decode(ORIGIN, "2026-04-19T12:30:00Z,51.9,4.5"));

    assertThat(e.reason()).isEqualTo(RejectReason.CSV_HEADER);
    assertThat(e.getMessage())
        .isEqualTo(
            "the CSV header is \"time,lat,lon\" (no column \"user\" for author)" + HEADER_ACCEPTED);
  }

  @Test
  void rejectsEveryRowWhenTheHeaderLacksATextColumnThePlanNamed() {
    FieldMapping named = new FieldMapping(null, null, "time", "lat", "lon", null, null, "body");
    PostDecoder decoder =
        PostDecoder.csv(schema(named, TimeFormat.AUTO, ZoneId.of("UTC"), ','), "time,lat,lon,text");

    PostRejected e =
        catchThrowableOfType(
            PostRejected.class, () -> decoder.decode(ORIGIN, "2026-04-19T12:30:00Z,51.9,4.5,hi"));

    assertThat(e.reason()).isEqualTo(RejectReason.CSV_HEADER);
    assertThat(e.getMessage())
        .isEqualTo(
            "the CSV header is \"time,lat,lon,text\" (no column \"body\" for text)"
                + HEADER_ACCEPTED);
  }

  @Test
  void showsAHeaderItCannotReadAsWritten() {
    PostRejected e = reject("\"time,lat,lon", "2026-04-19T12:30:00Z,51.9,4.5");

    assertThat(e.reason()).isEqualTo(RejectReason.CSV_HEADER);
    assertThat(e.getMessage())
        .isEqualTo(
            "the CSV header is \"\"time,lat,lon\" (no column \"time\" for time, no column \"lat\""
                + " for lat, no column \"lon\" for lon)"
                + HEADER_ACCEPTED);
  }

  // --- MALFORMED ---

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "2026-04-19T12:30:00Z,51.9          | 2",
        "2026-04-19T12:30:00Z,51.9,4.5,x    | 4",
        "'2026-04-19T12:30:00Z,\"51,9\",4.5,' | 4"
      })
  void rejectsARowWithAnotherColumnCountThanTheHeaderAsMalformed(String row, int columns) {
    PostRejected e = reject("time,lat,lon", row.strip());

    assertThat(e.reason()).isEqualTo(RejectReason.MALFORMED);
    assertThat(e.field()).isNull();
    assertThat(e.getMessage())
        .isEqualTo("the row has " + columns + " columns; accepted: 3 as in the header");
  }

  @ParameterizedTest
  @ValueSource(strings = {"\"2026-04-19T12:30:00Z,51.9,4.5", ""})
  void rejectsALineThatIsNoCsvRowAsMalformed(String row) {
    PostRejected e = reject("time,lat,lon", row);

    assertThat(e.reason()).isEqualTo(RejectReason.MALFORMED);
    assertThat(e.getMessage()).isEqualTo("the line is not a CSV row; accepted: RFC 4180 CSV");
  }

  // --- the same checks as for JSON ---

  @Test
  void rejectsAnEmptyCellAsAMissingFieldUnderItsColumnName() {
    PostSchema schema =
        schema(RIDES, TimeFormat.of("M/d/yyyy H:mm:ss"), ZoneId.of("America/New_York"), ',');

    PostRejected e =
        catchThrowableOfType(
            PostRejected.class,
            () ->
                PostDecoder.csv(schema, RIDES_HEADER).decode(ORIGIN, "4/1/2014 0:11:00,,-73.9,B"));

    assertThat(e.reason()).isEqualTo(RejectReason.MISSING_FIELD);
    assertThat(e.field()).isEqualTo("lat");
    assertThat(e.getMessage())
        .isEqualTo("lat (field \"Lat\") is missing or empty; accepted: a value");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "2026-04-19T12:30:00Z | abc      | 4.5    | NOT_A_NUMBER",
        "2026-04-19T12:30:00Z | NaN      | 4.5    | NOT_FINITE",
        "2026-04-19T12:30:00Z | 51.9     | Infinity | NOT_FINITE",
        "2026-04-19T12:30:00Z | 90.0001  | 4.5    | LAT_OUT_OF_RANGE",
        "2026-04-19T12:30:00Z | -91      | 4.5    | LAT_OUT_OF_RANGE",
        "2026-04-19T12:30:00Z | 51.9     | 180.5  | LON_OUT_OF_RANGE",
        "2026-04-19T12:30:00Z | 0        | 0      | NULL_ISLAND",
        "yesterday            | 51.9     | 4.5    | BAD_TIME",
        "''                   | 51.9     | 4.5    | MISSING_FIELD",
        "2026-04-19T12:30:00Z | ''       | 4.5    | MISSING_FIELD",
        "2026-04-18T12:30:00Z | 51.9     | 4.5    | OUT_OF_TIME_RANGE"
      })
  void rejectsTheSameValuesAsJsonForTheSameReasonWithTheSameMessage(
      String time, String lat, String lon, RejectReason reason) {
    PostSchema csv =
        new PostSchema(
            PostFormat.CSV,
            FieldMapping.DEFAULT,
            TimeFormat.AUTO,
            ZoneId.of("Europe/Amsterdam"),
            ',',
            new TimeRange(millis("2026-04-18T22:00:00Z"), millis("2026-04-19T22:00:00Z")));
    PostSchema json =
        new PostSchema(
            PostFormat.JSONL, csv.fields(), csv.timeFormat(), csv.zone(), ',', csv.timeRange());

    PostRejected fromCsv =
        catchThrowableOfType(
            PostRejected.class,
            () ->
                PostDecoder.csv(csv, "time,lat,lon").decode(ORIGIN, time + "," + lat + "," + lon));
    PostRejected fromJson =
        catchThrowableOfType(
            PostRejected.class,
            () ->
                PostDecoder.jsonLines(json)
                    .decode(
                        ORIGIN,
                        "{\"time\": \""
                            + time
                            + "\", \"lat\": \""
                            + lat
                            + "\", \"lon\": \""
                            + lon
                            + "\"}"));

    assertThat(fromCsv.reason()).isEqualTo(reason);
    assertThat(fromJson.reason()).isEqualTo(reason);
    assertThat(fromCsv.field()).isEqualTo(fromJson.field());
    assertThat(fromCsv.getMessage()).isEqualTo(fromJson.getMessage()).contains("; accepted: ");
  }

  @ParameterizedTest
  @CsvSource({"90, 180", "-90, -180", "0, 5", "5, 0"})
  void acceptsTheBoundaryAndAxisPositions(String lat, String lon) throws PostRejected {
    Post p = decode("time,lat,lon", "2026-04-19T12:30:00Z," + lat + "," + lon);

    assertThat(p.lat()).isEqualTo(Double.parseDouble(lat));
    assertThat(p.lon()).isEqualTo(Double.parseDouble(lon));
  }

  // --- helpers ---

  private static PostSchema schema(
      FieldMapping fields, TimeFormat time, ZoneId zone, char delimiter) {
    return new PostSchema(PostFormat.CSV, fields, time, zone, delimiter, TimeRange.ALWAYS);
  }

  private static Post decode(String header, String row) throws PostRejected {
    PostSchema schema = schema(FieldMapping.DEFAULT, TimeFormat.AUTO, ZoneId.of("UTC"), ',');
    return PostDecoder.csv(schema, header).decode(ORIGIN, row);
  }

  private static PostRejected reject(String header, String row) {
    PostRejected e = catchThrowableOfType(PostRejected.class, () -> decode(header, row));
    assertThat(e).as("a reject of %s", row).isNotNull();
    return e;
  }
}
