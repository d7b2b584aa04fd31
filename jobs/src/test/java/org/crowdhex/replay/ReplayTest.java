package org.crowdhex.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.crowdhex.post.FieldMapping;
import org.crowdhex.post.PostSchema;
import org.crowdhex.post.TimeFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The replay core over real files, a fake clock and a publisher that notes what it is sent. */
class ReplayTest {
  @TempDir Path dir;

  /** Notes every record with the fake clock's time when it was sent. */
  static final class Noted implements Publisher {
    final FakeClock clock;
    final List<String> keys = new ArrayList<>();
    final List<String> values = new ArrayList<>();
    final List<Long> sentAt = new ArrayList<>();
    boolean closed;

    Noted(FakeClock clock) {
      this.clock = clock;
    }

    @Override
    public void publish(String key, String value) {
      if (closed) throw new AssertionError("published after close");
      keys.add(key);
      values.add(value);
      sentAt.add(clock.now);
    }

    @Override
    public void close() {
      closed = true;
    }
  }

  static String post(String id, String author, String isoTime) {
    return "{\"id\":\"%s\",\"author\":\"%s\",\"time\":\"%s\",\"lat\":51.89,\"lon\":4.52}"
        .formatted(id, author, isoTime);
  }

  private Path write(String name, String... lines) throws IOException {
    Path f = dir.resolve(name);
    Files.createDirectories(f.getParent());
    byte[] bytes = (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
    if (name.endsWith(".gz")) {
      try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(f))) {
        out.write(bytes);
      }
    } else {
      Files.write(f, bytes);
    }
    return f;
  }

  private static long millis(String iso) {
    return Instant.parse(iso).toEpochMilli();
  }

  @Test
  void mergesFilesByEventTimeKeepsEachFilesOwnOrderAndSendsEveryRecord() throws Exception {
    write(
        "a/day1.jsonl",
        post("a1", "u1", "2026-04-19T12:00:00Z"),
        post("a2", "u2", "2026-04-19T12:02:00Z"),
        post("a3", "u1", "2026-04-19T12:01:30Z"), // arrived late: stays after a2
        "",
        "not json at all", // no time: keeps its place after a3
        post("a4", "u3", "2026-04-19T12:05:00Z"));
    write(
        "b.jsonl.gz",
        post("b1", "u4", "2026-04-19T12:01:00Z"),
        post("b2", "u5", "2026-04-19T12:03:00Z"));
    write("a/.hidden.jsonl", post("h1", "u9", "2026-04-19T12:00:30Z"));
    write("a/_SUCCESS", "");

    Recording r =
        Recording.of(List.of(dir.resolve("a"), dir.resolve("b.jsonl.gz")), PostSchema.DEFAULT);
    assertThat(r.files())
        .extracting(p -> p.getFileName().toString())
        .containsExactly("day1.jsonl", "b.jsonl.gz");
    Recording.Extent extent = r.scan();
    assertThat(extent.records()).isEqualTo(7);
    assertThat(extent.firstMillis()).isEqualTo(millis("2026-04-19T12:00:00Z"));
    assertThat(extent.lastMillis()).isEqualTo(millis("2026-04-19T12:05:00Z"));

    FakeClock clock = new FakeClock();
    Noted target = new Noted(clock);
    List<ReplayProgress> reports = new ArrayList<>();
    ReplaySummary summary = new Replay(clock, Speed.MAX, reports::add).run(r, extent, target);

    assertThat(target.values)
        .extracting(v -> v.startsWith("{") ? v.substring(7, 9) : v)
        .containsExactly("a1", "b1", "a2", "a3", "not json at all", "b2", "a4");
    assertThat(target.keys).containsExactly("a1", "b1", "a2", "a3", null, "b2", "a4");
    assertThat(target.closed).isTrue();
    assertThat(clock.sleeps).isEmpty();
    assertThat(summary.published()).isEqualTo(7);
    assertThat(summary.untimed()).isEqualTo(1);
    assertThat(summary.firstMillis()).isEqualTo(millis("2026-04-19T12:00:00Z"));
    assertThat(summary.lastMillis()).isEqualTo(millis("2026-04-19T12:05:00Z"));
    ReplayProgress last = reports.get(reports.size() - 1);
    assertThat(last.published()).isEqualTo(7);
    assertThat(last.remainingNanos()).isZero();
  }

  @Test
  void pacesAtTheSpeedUpAndReportsTimeLeft() throws Exception {
    List<String> lines = new ArrayList<>();
    // 20 posts a minute apart: 19 minutes of event time, 19 seconds at 60x.
    for (int i = 0; i < 20; i++) {
      lines.add(post("p" + i, "u" + i, "2026-04-19T12:%02d:00Z".formatted(i)));
    }
    write("posts.jsonl", lines.toArray(String[]::new));
    Recording r = Recording.of(List.of(dir.resolve("posts.jsonl")), PostSchema.DEFAULT);

    FakeClock clock = new FakeClock();
    long start = clock.now;
    Noted target = new Noted(clock);
    List<ReplayProgress> reports = new ArrayList<>();
    ReplaySummary summary =
        new Replay(clock, Speed.parse("60"), reports::add).run(r, r.scan(), target);

    for (int i = 0; i < 20; i++) {
      assertThat(target.sentAt.get(i) - start).as("post %d", i).isEqualTo(i * 1_000_000_000L);
    }
    assertThat(summary.elapsedNanos()).isEqualTo(19_000_000_000L);
    assertThat(summary.recordsPerSecond())
        .isCloseTo(20 / 19.0, org.assertj.core.data.Offset.offset(1e-9));
    // A report a second: after post i, 19 - i minutes of event time are left, 19 - i seconds.
    ReplayProgress fifth = reports.get(4);
    assertThat(fifth.published()).isEqualTo(6);
    assertThat(fifth.eventTimeMillis()).isEqualTo(millis("2026-04-19T12:05:00Z"));
    assertThat(fifth.remainingNanos()).isEqualTo(14_000_000_000L);
    assertThat(fifth.recordsPerSecond()).isEqualTo(1.0);
  }

  @Test
  void readsTheTimeThroughThePlansFieldMappingAndKeysOnlyByPostId() throws Exception {
    write(
        "export.jsonl",
        "{\"ts\":1776600120,\"y\":51.89,\"x\":4.52,\"user\":\"alice\"}",
        "{\"ts\":1776600060,\"y\":51.89,\"x\":4.52,\"user\":\"bob\"}");
    write("other.jsonl", "{\"ts\":1776600090,\"y\":51.89,\"x\":4.52,\"user\":\"carol\"}");
    PostSchema schema =
        new PostSchema(
            PostSchema.DEFAULT.format(),
            new FieldMapping(null, "user", "ts", "y", "x", null, null, null),
            TimeFormat.of("epoch_s"),
            PostSchema.DEFAULT.zone(),
            ',',
            PostSchema.DEFAULT.timeRange());
    Recording r =
        Recording.of(List.of(dir.resolve("export.jsonl"), dir.resolve("other.jsonl")), schema);
    FakeClock clock = new FakeClock();
    Noted target = new Noted(clock);
    new Replay(clock, Speed.MAX, p -> {}).run(r, r.scan(), target);
    // other.jsonl's 90 goes before export.jsonl's 120; export's 60, which arrived after its 120,
    // stays there.
    assertThat(target.values)
        .extracting(v -> v.substring(v.indexOf("user") + 7, v.length() - 2))
        .containsExactly("carol", "alice", "bob");
    assertThat(target.keys).containsOnlyNulls(); // no id in the source, and never the author
  }
}
