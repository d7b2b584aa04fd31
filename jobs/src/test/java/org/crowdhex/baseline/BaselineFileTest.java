package org.crowdhex.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.crowdhex.baseline.BaselineLearnerTest.AMSTERDAM;
import static org.crowdhex.baseline.BaselineLearnerTest.CREATED;
import static org.crowdhex.baseline.BaselineLearnerTest.FIVE_MINUTES;
import static org.crowdhex.baseline.BaselineLearnerTest.FOUR_WEEKS;
import static org.crowdhex.baseline.BaselineLearnerTest.HISTORY_START;
import static org.crowdhex.baseline.BaselineLearnerTest.HOUR;
import static org.crowdhex.baseline.BaselineLearnerTest.WEEK;
import static org.crowdhex.baseline.TestCells.RESOLUTION;
import static org.crowdhex.baseline.TestCells.SIBLINGS;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BaselineFileTest {
  @TempDir Path folder;

  /** Sliding windows, a match left out, all seven siblings watched, some sparse, stream volume. */
  static Baseline learned() {
    long mondayTen = HISTORY_START + 10 * HOUR;
    Interval match = new Interval(mondayTen + WEEK, mondayTen + WEEK + 2 * HOUR);
    BaselineLearner learner =
        new BaselineLearner(
            BaselineSettings.of(RESOLUTION, 3 * FIVE_MINUTES, FIVE_MINUTES, AMSTERDAM, FOUR_WEEKS)
                .withExcluded(List.of(match)));
    learner.watch(SIBLINGS);
    for (long start = FOUR_WEEKS.startMillis();
        start < FOUR_WEEKS.endMillis();
        start += 7 * FIVE_MINUTES) {
      learner.observe(SIBLINGS.get(0), start, (int) (start / FIVE_MINUTES % 9));
      learner.observeVolume(start, 500 + start / FIVE_MINUTES % 77);
      if (start / FIVE_MINUTES % 13 == 0) {
        learner.observe(SIBLINGS.get(1), start, 1);
      }
    }
    return learner.build(CREATED, "crowdhex baseline test");
  }

  @Test
  void aWrittenBaselineReadsBackWithTheSameLookups() throws IOException {
    Baseline original = learned();
    for (String name : List.of("baseline.json", "baseline.json.gz")) {
      Path file = folder.resolve(name);
      original.write(file);

      Baseline read = Baseline.read(file);

      assertThat(read.info()).isEqualTo(original.info());
      assertThat(read.cells()).containsExactly(original.cells());
      long unknown = TestCells.farAway();
      for (int hour = 0; hour < HourOfWeek.SLOTS; hour++) {
        for (long cell : SIBLINGS) {
          assertThat(read.expected(cell, hour)).isEqualTo(original.expected(cell, hour));
        }
        assertThat(read.expected(unknown, hour)).isEqualTo(original.expected(unknown, hour));
        assertThat(read.expectedVolume(hour)).isEqualTo(original.expectedVolume(hour));
      }
    }
    try (InputStream in =
        new GZIPInputStream(Files.newInputStream(folder.resolve("baseline.json.gz")))) {
      assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8))
          .contains("\"format\" : \"crowdhex-baseline\"", "\"version\" : 1");
    }
  }

  @Test
  void theFileNamesCellsInHexadecimalAndRoundsToFourDecimals() throws IOException {
    Path file = folder.resolve("baseline.json");
    learned().write(file);
    String text = Files.readString(file);

    assertThat(text).contains("\"cell\" : \"" + Long.toHexString(SIBLINGS.get(0)) + "\"");
    assertThat(text).containsPattern("\"window\" : \\{\\s*\"size_ms\" : 900000");
    assertThat(text).doesNotContainPattern("\\d\\.\\d{5,}");
  }

  @Test
  void anotherFormatVersionIsRefusedWithASentence() throws IOException {
    Path file = folder.resolve("baseline.json");
    learned().write(file);
    Files.writeString(file, Files.readString(file).replace("\"version\" : 1", "\"version\" : 2"));

    assertThatThrownBy(() -> Baseline.read(file))
        .isInstanceOf(BaselineFileException.class)
        .hasMessage(
            "baseline.json: version is 2; accepted: 1 (the file was written by a newer crowdhex;"
                + " use that version, or learn the baseline again)");
  }

  @Test
  void aFileThatIsNoBaselineSaysSo() throws IOException {
    Path file = folder.resolve("other.json");
    Files.writeString(file, "{\"type\": \"FeatureCollection\"}");

    assertThatThrownBy(() -> Baseline.read(file))
        .hasMessage(
            "other.json: format is missing; accepted: \"crowdhex-baseline\" (is this a baseline"
                + " file?)");
  }

  @Test
  void everyBadFieldIsListed() throws IOException {
    Path file = folder.resolve("baseline.json");
    learned().write(file);
    Files.writeString(
        file,
        Files.readString(file)
            .replace("\"time_zone\" : \"Europe/Amsterdam\"", "\"time_zone\" : \"Mars/Olympus\"")
            .replace("\"floor_authors\" : 0.05", "\"floor_authors\" : 0"));

    assertThatThrownBy(() -> Baseline.read(file))
        .isInstanceOfSatisfying(
            BaselineFileException.class,
            e ->
                assertThat(e.problems())
                    .containsExactly(
                        "time_zone is \"Mars/Olympus\"; accepted: an IANA time zone such as"
                            + " Europe/Amsterdam",
                        "shrinkage.floor_authors is 0.0; accepted: a finite number of authors"
                            + " greater than 0, e.g. 0.05"));
  }

  @Test
  void aBaselineForAnotherResolutionWindowOrZoneDoesNotFitThePlan() {
    Baseline baseline = learned();

    assertThat(baseline.mismatches(10, 3 * FIVE_MINUTES, AMSTERDAM)).isEmpty();
    assertThat(baseline.mismatches(9, 3 * FIVE_MINUTES, AMSTERDAM))
        .containsExactly(
            "h3_resolution is 10; accepted: the plan's h3_resolution (9), since cells of another"
                + " size hold other counts; learn the baseline again with this plan");
    assertThatThrownBy(
            () -> baseline.requireFits("kuip.json", 10, 6 * FIVE_MINUTES, ZoneId.of("UTC")))
        .isInstanceOfSatisfying(
            BaselineFileException.class,
            e ->
                assertThat(e.problems())
                    .containsExactly(
                        "window.size_ms is 900000; accepted: the plan's window.size (1800000 ms),"
                            + " since a longer window holds more authors; learn the baseline"
                            + " again with this plan",
                        "time_zone is Europe/Amsterdam; accepted: the plan's time_zone (UTC),"
                            + " since the hours of the week would be shifted"))
        .hasMessageStartingWith("kuip.json has 2 problems:");
  }

  @Test
  void aLookupOfACellAtAnotherResolutionIsASentence() {
    assertThatThrownBy(() -> learned().expected(TestCells.KUIP_PARENT, 0))
        .hasMessage(
            "cell "
                + Long.toHexString(TestCells.KUIP_PARENT)
                + " has resolution 9; accepted: a cell at the baseline's h3_resolution (10)");
  }

  @Test
  void aBaselineSurvivesJavaSerializationForFlinkTasks() throws Exception {
    Baseline original = learned();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(original);
    }
    Baseline copy;
    try (ObjectInputStream in =
        new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      copy = (Baseline) in.readObject();
    }

    assertThat(copy.info()).isEqualTo(original.info());
    assertThat(copy.expected(SIBLINGS.get(1), 58))
        .isEqualTo(original.expected(SIBLINGS.get(1), 58));
  }
}
