package org.crowdhex.job;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.zip.GZIPOutputStream;
import org.crowdhex.plan.EventPlan;
import org.crowdhex.plan.PlanReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A gzip file mixing 1,000 valid posts with every kind of bad line: the job counts exactly the
 * valid posts, keeps every bad line in the rejects output with its reason, and accounts for every
 * line read.
 */
class BadInputTest {
  private static final double LAT = 51.8939, LON = 4.5232;

  @TempDir Path dir;

  @Test
  void keepsTheValidPostsAndRejectsEveryBadLineWithItsReason() throws Exception {
    Random random = new Random(7);
    ByteArrayOutputStream raw = new ByteArrayOutputStream();
    Map<Integer, String> expectedReasons = new TreeMap<>();
    int line = 0;
    String[] bad = {
      "{\"id\":\"t\",\"author\":\"a\",\"time\":\"2026-04-19T12:00:00Z\",\"lat\":51.89", // truncated
      null, // binary garbage
      "{\"id\":\"n\",\"author\":\"a\",\"time\":\"2026-04-19T12:00:00Z\",\"lat\":NaN,\"lon\":4.5}",
      "{\"id\":\"r\",\"author\":\"a\",\"time\":\"2026-04-19T12:00:00Z\",\"lat\":91.5,\"lon\":4.5}",
      "{\"id\":\"o\",\"author\":\"a\",\"time\":\"2026-04-19T12:00:00Z\",\"lat\":51.9,\"lon\":-180.01}",
      "{\"id\":\"z\",\"author\":\"a\",\"time\":\"2026-04-19T12:00:00Z\",\"lat\":0,\"lon\":0}",
      "{\"id\":\"m\",\"author\":\"a\",\"time\":\"2026-04-19T12:00:00Z\",\"lon\":4.5}",
      "{\"id\":\"b\",\"author\":\"a\",\"time\":\"yesterday\",\"lat\":51.9,\"lon\":4.5}",
      "{\"id\":\"e\",\"author\":\"a\",\"time\":\"2026-04-25T12:00:00Z\",\"lat\":51.9,\"lon\":4.5}",
    };
    String[] reasons = {
      "MALFORMED",
      "MALFORMED",
      "NOT_FINITE",
      "LAT_OUT_OF_RANGE",
      "LON_OUT_OF_RANGE",
      "NULL_ISLAND",
      "MISSING_FIELD",
      "BAD_TIME",
      "OUT_OF_TIME_RANGE"
    };
    Map<String, Integer> authorPosts = new HashMap<>();
    for (int i = 0; i < 1000; i++) {
      String author = "u" + (i % 137);
      authorPosts.merge(author, 1, Integer::sum);
      write(
          raw,
          String.format(
              Locale.ROOT,
              "{\"id\":\"p%d\",\"author\":\"%s\",\"time\":\"2026-04-19T12:%02d:%02dZ\","
                  + "\"lat\":%.6f,\"lon\":%.6f,\"text\":\"hello\"}",
              i,
              author,
              (i / 60) % 60,
              i % 60,
              LAT + (random.nextDouble() - 0.5) * 0.002,
              LON + (random.nextDouble() - 0.5) * 0.003));
      line++;
      if (i % 10 == 3) {
        int k = (i / 10) % bad.length;
        if (bad[k] == null) writeGarbage(raw, random);
        else write(raw, bad[k]);
        line++;
        expectedReasons.put(line, reasons[k]);
      }
    }
    Path input = dir.resolve("mixed.jsonl.gz");
    try (OutputStream gz = new GZIPOutputStream(Files.newOutputStream(input))) {
      gz.write(raw.toByteArray());
    }
    Files.writeString(
        dir.resolve("venues.geojson"),
        """
        {"type":"FeatureCollection","features":[{"type":"Feature",
         "properties":{"id":"kuip","name":"De Kuip","kind":"stadium","buffer_m":800},
         "geometry":{"type":"Point","coordinates":[%s,%s]}}]}
        """
            .formatted(LON, LAT));
    Files.writeString(
        dir.resolve("plan.yaml"),
        """
        name: bad input
        venues: {file: venues.geojson}
        window: {size: 1h, slide: 1h}
        time_range: {start: "2026-04-19T00:00:00Z", end: "2026-04-20T00:00:00Z"}
        privacy: {min_crowd: 1}   # every count is published: this test checks the accounting
        """);
    EventPlan plan = PlanReader.read(dir.resolve("plan.yaml"));
    Path out = dir.resolve("out");

    RunSummary s =
        EmbeddedRun.replay(
            plan, MonitorJob.venueZones(plan), List.of(input.toString()), out, p -> {});

    assertThat(s.read()).isEqualTo(line);
    assertThat(s.rejected()).isEqualTo(expectedReasons.size());
    assertThat(s.counted()).isEqualTo(1000);
    assertThat(s.outsideZones()).isZero();
    assertThat(s.late()).isZero();
    assertThat(s.read()).isEqualTo(s.counted() + s.rejected() + s.outsideZones() + s.late());

    long posts = 0;
    for (JsonNode r : MonitorJobTest.jsonLines(out.resolve("density/cells.jsonl"))) {
      posts += r.get("posts").asLong();
    }
    assertThat(posts).isEqualTo(1000);
    JsonNode venue = MonitorJobTest.jsonLines(out.resolve("density/venues.jsonl")).get(0);
    assertThat(venue.get("posts").asLong()).isEqualTo(1000);
    assertThat(venue.get("authors").asInt()).isEqualTo(authorPosts.size());

    Map<Integer, String> actualReasons = new TreeMap<>();
    for (JsonNode r : MonitorJobTest.jsonLines(out.resolve("rejects/rejects.jsonl"))) {
      String origin = r.get("origin").asText();
      assertThat(origin).startsWith("mixed.jsonl.gz:");
      assertThat(r.get("message").asText()).contains("accepted:");
      actualReasons.put(
          Integer.parseInt(origin.substring(origin.indexOf(':') + 1)), r.get("reason").asText());
    }
    assertThat(actualReasons).isEqualTo(expectedReasons);
  }

  private static void write(ByteArrayOutputStream out, String line) throws IOException {
    out.write(line.getBytes(StandardCharsets.UTF_8));
    out.write('\n');
  }

  /** Random bytes with no line breaks, so the line count stays known. */
  private static void writeGarbage(ByteArrayOutputStream out, Random random) {
    for (int i = 0; i < 40; i++) {
      int b;
      do {
        b = random.nextInt(256);
      } while (b == '\n' || b == '\r' || b == ' ' || b == '\t');
      out.write(b);
    }
    out.write('\n');
  }
}
