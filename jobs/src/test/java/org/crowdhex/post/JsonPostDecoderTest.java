package org.crowdhex.post;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class JsonPostDecoderTest {
  private static final String ORIGIN = "posts.jsonl:7";
  private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
  private static final ZoneId UTC = ZoneId.of("UTC");
  private static final long T = millis("2026-04-19T12:30:00Z");
  private static final String ISO_UTC =
      "ISO-8601 such as 2026-04-19T14:30:00Z (local times are read in UTC) or epoch milliseconds";
  private static final String NOT_JSON = "; accepted: one JSON object per line";

  private static final PostSchema DEFAULT = PostSchema.DEFAULT;

  // --- lines that decode ---

  @Test
  void decodesAValidLineToTheExactPost() throws PostRejected {
    Post p =
        decode(
            DEFAULT,
            "{\"id\": \"p1\", \"author\": \"u7\", \"time\": \"2026-04-19T12:30:00Z\","
                + " \"lat\": 51.8939, \"lon\": 4.5232, \"platform\": \"mastodon\","
                + " \"lang\": \"nl\", \"text\": \"Hup Feyenoord!\"}");

    assertThat(p)
        .isEqualTo(new Post("p1", "u7", T, 51.8939, 4.5232, "mastodon", "nl", "Hup Feyenoord!"));
  }

  @Test
  void readsFieldsUnderTheNamesOfTheMappingAndIgnoresTheDefaultNames() throws PostRejected {
    PostSchema schema =
        schema(
            new FieldMapping(
                "post_id", "user", "created_at", "Latitude", "Lon", null, null, "body"));

    Post p =
        decode(
            schema,
            "{\"post_id\": 42, \"user\": \"ada\", \"created_at\": \"2026-04-19T12:30:00Z\","
                + " \"Latitude\": \"51.9\", \"Lon\": \"4.48\", \"body\": \"hi\","
                + " \"lat\": 1, \"lon\": 2, \"time\": \"garbage\", \"platform\": \"x\"}");

    assertThat(p).isEqualTo(new Post("42", "ada", T, 51.9, 4.48, null, null, "hi"));
  }

  @Test
  void letsOneSourceFieldFeedSeveralPostFields() throws PostRejected {
    PostSchema schema =
        schema(new FieldMapping("user", "user", "time", "lat", "lon", null, null, null));

    Post p =
        decode(
            schema,
            "{\"user\": \"ada\", \"time\": \"2026-04-19T12:30:00Z\", \"lat\": 51.9, \"lon\": 4.5}");

    assertThat(p.id()).isEqualTo("ada");
    assertThat(p.author()).isEqualTo("ada");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "\"2026-04-19T12:30:00Z\"                 | UTC",
        "\"2026-04-19T12:30:00z\"                 | UTC",
        "\"2026-04-19T12:30Z\"                    | UTC",
        "\"2026-04-19T14:30:00+02:00\"            | UTC",
        "\"2026-04-19T07:30:00-05:00\"            | Europe/Amsterdam",
        "\"2026-04-19T14:30:00\"                  | Europe/Amsterdam",
        "\"2026-04-19T12:30\"                     | UTC",
        "\" 2026-04-19T12:30:00Z \"               | UTC",
        "1776601800000                            | UTC",
        "\"1776601800000\"                        | Europe/Amsterdam",
      })
  void readsAutoTimesAsIsoWithZoneOrOffsetLocalInTheSchemaZoneOrEpochMillis(
      String time, String zone) throws PostRejected {
    PostSchema schema = schema(FieldMapping.DEFAULT, TimeFormat.AUTO, ZoneId.of(zone));

    assertThat(decode(schema, line(time, "51.9", "4.5")).timeMillis()).isEqualTo(T);
  }

  @Test
  void keepsFractionsOfASecond() throws PostRejected {
    assertThat(decode(DEFAULT, line("\"2026-04-19T12:30:00.250Z\"", "51.9", "4.5")).timeMillis())
        .isEqualTo(T + 250);
  }

  @Test
  void readsLocalTimesInWinterWithTheWinterOffset() throws PostRejected {
    PostSchema schema = schema(FieldMapping.DEFAULT, TimeFormat.AUTO, AMSTERDAM);

    assertThat(decode(schema, line("\"2026-01-10T12:00:00\"", "51.9", "4.5")).timeMillis())
        .isEqualTo(millis("2026-01-10T11:00:00Z"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"1776601800000", "\"1776601800000\"", "\" 1776601800000 \""})
  void readsEpochMillisAsANumberOrNumericText(String time) throws PostRejected {
    PostSchema schema = schema(FieldMapping.DEFAULT, TimeFormat.of("epoch_ms"), UTC);

    assertThat(decode(schema, line(time, "51.9", "4.5")).timeMillis()).isEqualTo(T);
  }

  @ParameterizedTest
  @CsvSource({
    "1776601800, 0",
    "'\"1776601800\"', 0",
    "1776601800.25, 250",
    "1776601800.0004, 0",
    "1776601800.0005, 1",
    "1.7766018E9, 0"
  })
  void readsEpochSecondsToTheNearestMillisecond(String time, long extraMillis) throws PostRejected {
    PostSchema schema = schema(FieldMapping.DEFAULT, TimeFormat.of("epoch_s"), UTC);

    assertThat(decode(schema, line(time, "51.9", "4.5")).timeMillis()).isEqualTo(T + extraMillis);
  }

  @Test
  void readsATimePatternInTheSchemaZone() throws PostRejected {
    PostSchema schema = schema(FieldMapping.DEFAULT, TimeFormat.of("yyyy/M/d HH:mm:ss"), AMSTERDAM);

    assertThat(decode(schema, line("\"2026/4/19 14:30:00\"", "51.9", "4.5")).timeMillis())
        .isEqualTo(T);
  }

  @Test
  void readsATimePatternWithItsOwnOffsetOrZoneRegardlessOfTheSchemaZone() throws PostRejected {
    PostSchema offset =
        schema(FieldMapping.DEFAULT, TimeFormat.of("yyyy-MM-dd HH:mm XXX"), AMSTERDAM);
    PostSchema zone = schema(FieldMapping.DEFAULT, TimeFormat.of("yyyy-MM-dd HH:mm VV"), AMSTERDAM);

    assertThat(decode(offset, line("\"2026-04-19 08:30 -04:00\"", "51.9", "4.5")).timeMillis())
        .isEqualTo(T);
    assertThat(decode(zone, line("\"2026-04-19 21:30 Asia/Tokyo\"", "51.9", "4.5")).timeMillis())
        .isEqualTo(T);
  }

  @Test
  void letsTheOriginStandInForAnIdAndAuthorTheSourceDoesNotHave() throws PostRejected {
    PostSchema schema =
        schema(new FieldMapping(null, null, "time", "lat", "lon", null, null, null));

    Post p = decode(schema, line("\"2026-04-19T12:30:00Z\"", "51.9", "4.5"));

    assertThat(p).isEqualTo(new Post(ORIGIN, "#" + ORIGIN, T, 51.9, 4.5, null, null, null));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"time\": \"2026-04-19T12:30:00Z\", \"lat\": 51.9, \"lon\": 4.5}",
        "{\"id\": null, \"author\": null, \"time\": \"2026-04-19T12:30:00Z\", \"lat\": 51.9,"
            + " \"lon\": 4.5}",
        "{\"id\": \"\", \"author\": \"  \", \"time\": \"2026-04-19T12:30:00Z\", \"lat\": 51.9,"
            + " \"lon\": 4.5}"
      })
  void letsTheOriginStandInForAnAbsentNullOrBlankIdAndAuthor(String line) throws PostRejected {
    Post p = decode(DEFAULT, line);

    assertThat(p.id()).isEqualTo(ORIGIN);
    assertThat(p.author()).isEqualTo("#" + ORIGIN);
  }

  @Test
  void skipsNestedObjectsAndArraysEvenWhenTheyHoldFieldsOfTheMapping() throws PostRejected {
    Post p =
        decode(
            DEFAULT,
            "{\"place\": {\"lat\": 0, \"lon\": 0, \"time\": \"x\", \"deeper\": {\"id\": 9}},"
                + " \"tags\": [\"a\", {\"lat\": 1}, [2, 3]], \"id\": \"p1\", \"author\": \"u1\","
                + " \"time\": \"2026-04-19T12:30:00Z\", \"lat\": 51.9, \"lon\": 4.5,"
                + " \"extra\": true}");

    assertThat(p).isEqualTo(new Post("p1", "u1", T, 51.9, 4.5, null, null, null));
  }

  @Test
  void takesAMappedFieldWrittenAsAnObjectAsMissing() {
    PostRejected e =
        reject(
            DEFAULT, "{\"time\": \"2026-04-19T12:30:00Z\", \"lat\": {\"v\": 51.9}, \"lon\": 4.5}");

    assertThat(e.reason()).isEqualTo(RejectReason.MISSING_FIELD);
    assertThat(e.field()).isEqualTo("lat");
  }

  @Test
  void readsNumbersAndBooleansOfTextFieldsAsTheirText() throws PostRejected {
    Post p =
        decode(
            DEFAULT,
            "{\"id\": 12345678901234567890, \"author\": 7, \"time\": \"2026-04-19T12:30:00Z\","
                + " \"lat\": 51.9, \"lon\": 4.5, \"lang\": \"\", \"platform\": \" \","
                + " \"text\": false}");

    assertThat(p)
        .isEqualTo(new Post("12345678901234567890", "7", T, 51.9, 4.5, null, null, "false"));
  }

  @Test
  void forgetsTheFieldsOfThePreviousLine() throws PostRejected {
    PostDecoder decoder = PostDecoder.jsonLines(DEFAULT);
    decoder.decode(
        "a:1",
        "{\"id\": \"p1\", \"author\": \"u1\", \"time\": \"2026-04-19T12:30:00Z\", \"lat\": 51.9,"
            + " \"lon\": 4.5, \"platform\": \"x\", \"lang\": \"nl\", \"text\": \"t\"}");

    Post second =
        decoder.decode("a:2", "{\"time\": \"2026-04-19T12:30:00Z\", \"lat\": 52, \"lon\": 5}");
    PostRejected third =
        catchThrowableOfType(
            PostRejected.class,
            () -> decoder.decode("a:3", "{\"time\": \"2026-04-19T12:30:00Z\", \"lon\": 5}"));

    assertThat(second).isEqualTo(new Post("a:2", "#a:2", T, 52, 5, null, null, null));
    assertThat(third.reason()).isEqualTo(RejectReason.MISSING_FIELD);
  }

  @ParameterizedTest
  @CsvSource({"90, 0.5", "-90, 0.5", "0.5, 180", "0.5, -180", "90, 180", "-90, -180"})
  void acceptsTheBoundaryCoordinates(double lat, double lon) throws PostRejected {
    Post p = decode(DEFAULT, line("\"2026-04-19T12:30:00Z\"", lat + "", lon + ""));

    assertThat(p.lat()).isEqualTo(lat);
    assertThat(p.lon()).isEqualTo(lon);
  }

  @ParameterizedTest
  @CsvSource({"0, 5", "5, 0", "0.0001, 0", "0, -0.0001"})
  void acceptsAPositionOnTheEquatorOrPrimeMeridianThatIsNotNullIsland(String lat, String lon)
      throws PostRejected {
    Post p = decode(DEFAULT, line("\"2026-04-19T12:30:00Z\"", lat, lon));

    assertThat(p.lat()).isEqualTo(Double.parseDouble(lat));
    assertThat(p.lon()).isEqualTo(Double.parseDouble(lon));
  }

  @Test
  void acceptsCoordinatesAsTextAndInExponentNotation() throws PostRejected {
    Post p = decode(DEFAULT, line("\"2026-04-19T12:30:00Z\"", "\" 51.9 \"", "4.5e0"));

    assertThat(p.lat()).isEqualTo(51.9);
    assertThat(p.lon()).isEqualTo(4.5);
  }

  // --- MALFORMED ---

  @Test
  void rejectsTruncatedJsonAsMalformed() {
    PostRejected e =
        reject(DEFAULT, "{\"id\": \"p1\", \"time\": \"2026-04-19T12:30:00Z\", \"lat\": 51.9");

    assertMalformed(e);
    assertThat(e.getMessage())
        .startsWith("the line is not valid JSON (Unexpected end-of-input")
        .endsWith(NOT_JSON);
  }

  @Test
  void rejectsBinaryGarbageAsMalformed() {
    PostRejected e = reject(DEFAULT, "\u0000\u00ff\ufffd{");

    assertMalformed(e);
    assertThat(e.getMessage())
        .startsWith("the line is not valid JSON (Illegal character ((CTRL-CHAR, code 0))")
        .endsWith(NOT_JSON);
  }

  @Test
  void clipsTheParserMessageOfMalformedJsonToOneShortLine() {
    PostRejected e = reject(DEFAULT, "{\"lat\": 51.9, " + "x".repeat(500));

    assertMalformed(e);
    assertThat(e.getMessage()).doesNotContain("\n").hasSizeLessThan(140);
  }

  @ParameterizedTest
  @ValueSource(strings = {"[1,2]", "\"text\"", "42", "null", "", "   "})
  void rejectsALineThatIsNotAJsonObjectAsMalformed(String line) {
    PostRejected e = reject(DEFAULT, line);

    assertMalformed(e);
    assertThat(e.getMessage()).isEqualTo("the line is not a JSON object" + NOT_JSON);
  }

  @Test
  void rejectsASecondObjectAfterTheFirstAsMalformed() {
    PostRejected e = reject(DEFAULT, line("\"2026-04-19T12:30:00Z\"", "51.9", "4.5") + " {}");

    assertMalformed(e);
    assertThat(e.getMessage()).isEqualTo("there is text after the JSON object" + NOT_JSON);
  }

  @Test
  void rejectsTextAfterTheObjectAsMalformed() {
    PostRejected e = reject(DEFAULT, line("\"2026-04-19T12:30:00Z\"", "51.9", "4.5") + " trailing");

    assertMalformed(e);
    assertThat(e.getMessage())
        .startsWith("the line is not valid JSON (Unrecognized token '…'")
        .endsWith(NOT_JSON);
  }

  // --- MISSING_FIELD, NOT_A_NUMBER, NOT_FINITE ---

  @Test
  void rejectsALineWithoutLatitudeNamingTheSourceField() {
    PostRejected e = reject(DEFAULT, "{\"time\": \"2026-04-19T12:30:00Z\", \"lon\": 4.5}");

    assertRejected(
        e,
        RejectReason.MISSING_FIELD,
        "lat",
        "lat (field \"lat\") is missing or empty; accepted: a value");
  }

  @Test
  void rejectsAMissingFieldUnderItsMappedName() {
    PostSchema schema =
        schema(new FieldMapping(null, null, "created_at", "Latitude", "Lon", null, null, null));

    PostRejected e =
        reject(
            schema,
            "{\"created_at\": \"2026-04-19T12:30:00Z\", \"Latitude\": 51.9, \"Lon\": \" \"}");

    assertRejected(
        e,
        RejectReason.MISSING_FIELD,
        "lon",
        "lon (field \"Lon\") is missing or empty; accepted: a value");
  }

  @ParameterizedTest
  @ValueSource(strings = {"\"\"", "\"  \"", "null"})
  void rejectsAnEmptyOrNullTimeAsMissing(String time) {
    PostRejected e = reject(DEFAULT, line(time, "51.9", "4.5"));

    assertRejected(
        e,
        RejectReason.MISSING_FIELD,
        "time",
        "time (field \"time\") is missing or empty; accepted: a value");
  }

  @Test
  void rejectsALatitudeThatIsNotANumber() {
    PostRejected e = reject(DEFAULT, line("\"2026-04-19T12:30:00Z\"", "\"abc\"", "4.5"));

    assertRejected(
        e,
        RejectReason.NOT_A_NUMBER,
        "lat",
        "lat (field \"lat\") is \"abc\"; accepted: a number in decimal degrees");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"true", "\"52.1d\"", "\"52.1f\"", "\"0x1p5\"", "\"1,5\"", "\"-\"", "\"nan\""})
  void rejectsLongitudesInFormsOtherThanDecimalNumbers(String lon) {
    PostRejected e = reject(DEFAULT, line("\"2026-04-19T12:30:00Z\"", "51.9", lon));

    assertThat(e.reason()).isEqualTo(RejectReason.NOT_A_NUMBER);
    assertThat(e.field()).isEqualTo("lon");
    assertThat(e.getMessage())
        .isEqualTo(
            "lon (field \"lon\") is \""
                + lon.replace("\"", "")
                + "\"; accepted: a number in decimal degrees");
  }

  @Test
  void clipsALongValueInTheMessage() {
    PostRejected e =
        reject(DEFAULT, line("\"2026-04-19T12:30:00Z\"", "\"" + "x".repeat(100) + "\"", "4.5"));

    assertThat(e.getMessage())
        .isEqualTo(
            "lat (field \"lat\") is \""
                + "x".repeat(60)
                + "…\"; accepted: a number in decimal degrees");
  }

  @ParameterizedTest
  @CsvSource({
    "NaN, lat is NaN",
    "'\"NaN\"', lat is NaN",
    "Infinity, lat is Infinity",
    "'\"Infinity\"', lat is Infinity",
    "-Infinity, lat is -Infinity",
    "1e400, lat is Infinity"
  })
  void rejectsALatitudeThatIsNotFinite(String lat, String said) {
    PostRejected e = reject(DEFAULT, line("\"2026-04-19T12:30:00Z\"", lat, "4.5"));

    assertRejected(e, RejectReason.NOT_FINITE, "lat", said + "; accepted: a finite number");
  }

  @Test
  void rejectsALongitudeThatIsNotFinite() {
    PostRejected e = reject(DEFAULT, line("\"2026-04-19T12:30:00Z\"", "51.9", "-Infinity"));

    assertRejected(
        e, RejectReason.NOT_FINITE, "lon", "lon is -Infinity; accepted: a finite number");
  }

  // --- ranges ---

  @ParameterizedTest
  @CsvSource({"90.0001, 90.0001", "-91, -91.0", "'\"1000\"', 1000.0"})
  void rejectsALatitudeOutOfRange(String lat, String said) {
    PostRejected e = reject(DEFAULT, line("\"2026-04-19T12:30:00Z\"", lat, "4.5"));

    assertRejected(
        e,
        RejectReason.LAT_OUT_OF_RANGE,
        "lat",
        "lat is " + said + "; accepted: a latitude in degrees within [-90, 90]");
  }

  @ParameterizedTest
  @CsvSource({"180.5, 180.5", "-180.01, -180.01", "360, 360.0"})
  void rejectsALongitudeOutOfRange(String lon, String said) {
    PostRejected e = reject(DEFAULT, line("\"2026-04-19T12:30:00Z\"", "51.9", lon));

    assertRejected(
        e,
        RejectReason.LON_OUT_OF_RANGE,
        "lon",
        "lon is " + said + "; accepted: a longitude in degrees within [-180, 180]");
  }

  @ParameterizedTest
  @CsvSource({"0, 0", "0.0, -0.0", "'\"0\"', '\"0.000\"'"})
  void rejectsExactlyNullIsland(String lat, String lon) {
    PostRejected e = reject(DEFAULT, line("\"2026-04-19T12:30:00Z\"", lat, lon));

    assertRejected(
        e,
        RejectReason.NULL_ISLAND,
        "lat",
        "lat, lon is exactly (0, 0); accepted: a real position (0, 0 is what a broken"
            + " geotagger reports)");
  }

  // --- BAD_TIME ---

  @ParameterizedTest
  @ValueSource(
      strings = {
        "yesterday",
        "2026-02-30T12:00:00Z",
        "2026-04-19 12:30:00",
        "2026-04-19T12:30:00+0200",
        "1.7766018E12",
        "99999999999999999999"
      })
  void rejectsAnAutoTimeThatIsNeitherIsoNorEpochMillis(String time) {
    PostRejected e = reject(DEFAULT, line("\"" + time + "\"", "51.9", "4.5"));

    assertRejected(
        e, RejectReason.BAD_TIME, "time", "time is \"" + time + "\"; accepted: " + ISO_UTC);
  }

  @Test
  void namesTheSchemaZoneWhenRejectingAnAutoTime() {
    PostSchema schema = schema(FieldMapping.DEFAULT, TimeFormat.AUTO, AMSTERDAM);

    PostRejected e = reject(schema, line("\"noon\"", "51.9", "4.5"));

    assertThat(e.getMessage())
        .isEqualTo(
            "time is \"noon\"; accepted: ISO-8601 such as 2026-04-19T14:30:00Z (local times are"
                + " read in Europe/Amsterdam) or epoch milliseconds");
  }

  @Test
  void rejectsANumberWhenTheTimeFormatIsAPattern() {
    PostSchema schema = schema(FieldMapping.DEFAULT, TimeFormat.of("yyyy/M/d HH:mm:ss"), AMSTERDAM);

    PostRejected e = reject(schema, line("1776601800000", "51.9", "4.5"));

    assertRejected(
        e,
        RejectReason.BAD_TIME,
        "time",
        "time is \"1776601800000\"; accepted: a time in the pattern \"yyyy/M/d HH:mm:ss\""
            + " (zone Europe/Amsterdam)");
  }

  @Test
  void rejectsAPatternTimeThatIsNotThere() {
    PostSchema schema = schema(FieldMapping.DEFAULT, TimeFormat.of("yyyy/M/d HH:mm:ss"), AMSTERDAM);

    PostRejected e = reject(schema, line("\"2026/4/19 14:30\"", "51.9", "4.5"));

    assertThat(e.reason()).isEqualTo(RejectReason.BAD_TIME);
  }

  @ParameterizedTest
  @ValueSource(strings = {"\"1776601800000.5\"", "\"2026-04-19T12:30:00Z\"", "\"12x\""})
  void rejectsAnEpochMillisTimeThatIsNoWholeNumber(String time) {
    PostSchema schema = schema(FieldMapping.DEFAULT, TimeFormat.of("epoch_ms"), UTC);

    PostRejected e = reject(schema, line(time, "51.9", "4.5"));

    assertRejected(
        e, RejectReason.BAD_TIME, "time", "time is " + time + "; accepted: epoch milliseconds");
  }

  @ParameterizedTest
  @ValueSource(strings = {"NaN", "Infinity", "-Infinity", "1e300", "0x10p0", "1776601800d", "soon"})
  void rejectsAnEpochSecondsTimeThatIsNoFiniteDecimalNumber(String time) {
    PostSchema schema = schema(FieldMapping.DEFAULT, TimeFormat.of("epoch_s"), UTC);

    PostRejected e = reject(schema, line("\"" + time + "\"", "51.9", "4.5"));

    assertRejected(
        e, RejectReason.BAD_TIME, "time", "time is \"" + time + "\"; accepted: epoch seconds");
  }

  // --- OUT_OF_TIME_RANGE ---

  @Test
  void acceptsATimeAtTheStartOfTheRangeAndJustBeforeItsEnd() throws PostRejected {
    PostSchema schema = matchDay();

    assertThat(decode(schema, line("\"2026-04-18T22:00:00Z\"", "51.9", "4.5")).timeMillis())
        .isEqualTo(millis("2026-04-18T22:00:00Z"));
    assertThat(
            decode(schema, line("\"2026-04-19T23:59:59.999+02:00\"", "51.9", "4.5")).timeMillis())
        .isEqualTo(millis("2026-04-19T22:00:00Z") - 1);
  }

  @Test
  void rejectsATimeBeforeTheStartOfTheRange() {
    PostRejected e = reject(matchDay(), line("\"2026-04-18T21:59:59.999Z\"", "51.9", "4.5"));

    assertRejected(
        e,
        RejectReason.OUT_OF_TIME_RANGE,
        "time",
        "time is 2026-04-18T21:59:59.999Z; accepted: a time from 2026-04-18T22:00:00Z until"
            + " before 2026-04-19T22:00:00Z (the plan's time_range)");
  }

  @Test
  void rejectsATimeAtTheEndOfTheRangeBecauseTheEndIsExclusive() {
    PostRejected e = reject(matchDay(), line("\"2026-04-20T00:00:00\"", "51.9", "4.5"));

    assertRejected(
        e,
        RejectReason.OUT_OF_TIME_RANGE,
        "time",
        "time is 2026-04-19T22:00:00Z; accepted: a time from 2026-04-18T22:00:00Z until"
            + " before 2026-04-19T22:00:00Z (the plan's time_range)");
  }

  @Test
  void describesAnOpenEndOfTheRange() {
    PostSchema schema =
        DEFAULT.withTimeRange(new TimeRange(millis("2026-04-19T00:00:00Z"), Long.MAX_VALUE));

    PostRejected e = reject(schema, line("\"2026-04-18T23:00:00Z\"", "51.9", "4.5"));

    assertThat(e.getMessage())
        .isEqualTo(
            "time is 2026-04-18T23:00:00Z; accepted: a time from 2026-04-19T00:00:00Z until"
                + " before any time (the plan's time_range)");
  }

  @Test
  void checksTheCoordinatesBeforeTheTime() {
    PostRejected e = reject(DEFAULT, line("\"yesterday\"", "91", "4.5"));

    assertThat(e.reason()).isEqualTo(RejectReason.LAT_OUT_OF_RANGE);
  }

  // --- helpers ---

  /** The match day in Amsterdam: local midnight to midnight. */
  private static PostSchema matchDay() {
    return schema(FieldMapping.DEFAULT, TimeFormat.AUTO, AMSTERDAM)
        .withTimeRange(
            new TimeRange(millis("2026-04-18T22:00:00Z"), millis("2026-04-19T22:00:00Z")));
  }

  private static String line(String time, String lat, String lon) {
    return "{\"id\": \"p1\", \"author\": \"u1\", \"time\": "
        + time
        + ", \"lat\": "
        + lat
        + ", \"lon\": "
        + lon
        + "}";
  }

  static PostSchema schema(FieldMapping fields) {
    return schema(fields, TimeFormat.AUTO, UTC);
  }

  static PostSchema schema(FieldMapping fields, TimeFormat time, ZoneId zone) {
    return new PostSchema(PostFormat.JSONL, fields, time, zone, ',', TimeRange.ALWAYS);
  }

  private static Post decode(PostSchema schema, String line) throws PostRejected {
    return PostDecoder.jsonLines(schema).decode(ORIGIN, line);
  }

  private static PostRejected reject(PostSchema schema, String line) {
    PostRejected e = catchThrowableOfType(PostRejected.class, () -> decode(schema, line));
    assertThat(e).as("a reject of %s", line).isNotNull();
    return e;
  }

  private static void assertMalformed(PostRejected e) {
    assertThat(e.reason()).isEqualTo(RejectReason.MALFORMED);
    assertThat(e.field()).isNull();
  }

  private static void assertRejected(
      PostRejected e, RejectReason reason, String field, String message) {
    assertThat(e.reason()).isEqualTo(reason);
    assertThat(e.field()).isEqualTo(field);
    assertThat(e.getMessage()).isEqualTo(message);
  }

  static long millis(String instant) {
    return Instant.parse(instant).toEpochMilli();
  }
}
