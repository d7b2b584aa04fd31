package org.crowdhex.generate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.crowdhex.post.Post;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The JSON-lines form of the Post contract. */
class PostJsonLinesTest {
  static final long TIME = Instant.parse("2026-04-19T12:03:44.120Z").toEpochMilli();

  static String write(Post... posts) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (PostJsonLines lines = new PostJsonLines(bytes)) {
      for (Post p : posts) {
        lines.accept(p);
      }
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void writesTheContractFormatInFieldOrder() throws IOException {
    Post post =
        new Post(
            "p000000001",
            "u00042",
            TIME,
            51.8939123,
            4.523177,
            "synthetic",
            "nl",
            "Wat een sfeer!");
    assertThat(write(post))
        .isEqualTo(
            "{\"id\":\"p000000001\",\"author\":\"u00042\",\"time\":\"2026-04-19T12:03:44.120Z\","
                + "\"lat\":51.893912,\"lon\":4.523177,\"platform\":\"synthetic\",\"lang\":\"nl\","
                + "\"text\":\"Wat een sfeer!\"}\n");
  }

  @Test
  void keepsSixDecimalsAndMillisEvenWhenZero() throws IOException {
    long wholeSecond = Instant.parse("2026-01-01T00:00:00Z").toEpochMilli();
    Post post = new Post("p1", "u1", wholeSecond, -33.9, -0.0000004, "synthetic", "en", "x");
    assertThat(write(post))
        .contains("\"time\":\"2026-01-01T00:00:00.000Z\"")
        .contains("\"lat\":-33.900000,\"lon\":0.000000");
  }

  @Test
  void escapesTextAndWritesMissingValuesAsNull() throws IOException {
    Post post = new Post("p1", "", TIME, 37.97, 23.72, null, "el", "Τι γκολ! \"quote\"\nline");
    String line = write(post);
    assertThat(line.split("\n")).hasSize(1);
    JsonNode json = new ObjectMapper().readTree(line);
    assertThat(json.get("text").asText()).isEqualTo("Τι γκολ! \"quote\"\nline");
    assertThat(json.get("platform").isNull()).isTrue();
    assertThat(json.get("author").asText()).isEmpty();
  }

  @Test
  void gzipFilesAreCompressedAndOneLinePerPost(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("posts.jsonl.gz");
    Post a = new Post("p1", "u1", TIME, 51.9, 4.5, "synthetic", "nl", "a");
    Post b = new Post("p2", "u2", TIME + 1, 51.9, 4.5, "synthetic", "en", "b");
    try (PostJsonLines lines = PostJsonLines.open(file)) {
      lines.accept(a);
      lines.accept(b);
      assertThat(lines.written()).isEqualTo(2);
    }
    try (GZIPInputStream in = new GZIPInputStream(Files.newInputStream(file))) {
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      assertThat(text.lines().toList()).hasSize(2);
      assertThat(text).isEqualTo(write(a, b));
    }
    Path plain = dir.resolve("posts.jsonl");
    try (PostJsonLines lines = PostJsonLines.open(plain)) {
      lines.accept(a);
    }
    assertThat(Files.readAllLines(plain)).isEqualTo(List.of(write(a).strip()));
  }
}
