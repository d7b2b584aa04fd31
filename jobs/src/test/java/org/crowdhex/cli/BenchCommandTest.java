package org.crowdhex.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The bench command end to end at a tiny size: it generates, replays, measures and reports every
 * figure. Speeds are not asserted; a shared machine makes them meaningless in a test.
 */
class BenchCommandTest {
  @TempDir Path dir;

  private record Outcome(int exitCode, String out, String err) {}

  private static Outcome bench(String... args) {
    PrintStream stdout = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    StringWriter err = new StringWriter();
    int code;
    try {
      System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
      CommandLine cl = Crowdhex.commandLine();
      cl.setErr(new PrintWriter(err, true));
      String[] all = Stream.concat(Stream.of("bench"), Stream.of(args)).toArray(String[]::new);
      code = cl.execute(all);
    } finally {
      System.setOut(stdout);
    }
    String out = captured.toString(StandardCharsets.UTF_8);
    System.out.print(out);
    return new Outcome(code, out, err.toString());
  }

  @Test
  void measuresATinyEventAndWritesEveryFigureAsJson() throws Exception {
    Path work = dir.resolve("bench");
    Path json = dir.resolve("results.json");
    Outcome first =
        bench(
            "--posts", "20000",
            "--parallelism", "1",
            "--repeat", "1",
            "--work", work.toString(),
            "--json", json.toString());
    assertThat(first.exitCode()).as(first.err()).isZero();
    assertThat(first.out())
        .contains("generating about 20,000 posts")
        .contains("posts/s median")
        .contains("decode + locate beyond H3")
        .contains("reproduce with:")
        .contains("./crowdhex bench --posts 20000 --parallelism 1 --repeat 1 --work ");
    assertThat(work.resolve("posts-20000-seed42.jsonl.gz")).isRegularFile();
    assertThat(work.resolve("runs/p1-round1")).doesNotExist(); // outputs deleted by default

    JsonNode r = new ObjectMapper().readTree(json.toFile());
    assertThat(r.get("command").asText()).contains("bench --posts 20000");
    JsonNode machine = r.get("machine");
    assertThat(machine.get("available_processors").asInt()).isPositive();
    assertThat(machine.get("max_heap_mb").asLong()).isPositive();
    assertThat(machine.get("java_version").asText()).isNotBlank();
    assertThat(machine.has("load_average_start")).isTrue();

    long posts = r.get("input").get("posts").asLong();
    assertThat(posts).isBetween(15_000L, 25_000L);
    assertThat(r.get("input").get("seed").asLong()).isEqualTo(42);

    assertThat(r.get("results")).hasSize(1);
    JsonNode p1 = r.get("results").get(0);
    assertThat(p1.get("parallelism").asInt()).isEqualTo(1);
    assertThat(p1.get("runs").asInt()).isEqualTo(1);
    long median = p1.get("median_posts_per_second").asLong();
    assertThat(median).isPositive();
    assertThat(p1.get("min_posts_per_second").asLong()).isPositive().isLessThanOrEqualTo(median);
    assertThat(p1.get("max_posts_per_second").asLong()).isGreaterThanOrEqualTo(median);
    assertThat(p1.get("median_wall_seconds").asDouble()).isPositive();
    long peak = p1.get("peak_heap_mb").asLong();
    assertThat(peak).isPositive().isLessThanOrEqualTo(2 * machine.get("max_heap_mb").asLong());
    assertThat(p1.get("max_heap_after_gc_mb").asLong()).isPositive();

    JsonNode run = r.get("runs").get(0);
    assertThat(run.get("read").asLong()).isEqualTo(posts);
    assertThat(run.get("rejected").asLong()).isZero();
    assertThat(run.get("counted").asLong()).isPositive();
    assertThat(
            run.get("counted").asLong()
                + run.get("outside_zones").asLong()
                + run.get("duplicates").asLong()
                + run.get("over_cap").asLong()
                + run.get("late").asLong())
        .isEqualTo(posts);
    assertThat(run.get("wall_seconds").asDouble())
        .isGreaterThanOrEqualTo(run.get("job_seconds").asDouble());

    JsonNode micro = r.get("decode_locate");
    assertThat(micro.get("posts").asLong()).isEqualTo(posts); // fewer than the 1,000,000 cap
    assertThat(micro.get("rejected").asLong()).isZero();
    assertThat(micro.get("located").asLong()).isPositive().isLessThan(posts);
    assertThat(micro.get("timed_passes").asInt()).isEqualTo(1);
    for (String f :
        new String[] {"h3_ns_per_post", "decode_ns_per_post", "decode_locate_ns_per_post"}) {
      assertThat(micro.get(f).asDouble()).as(f).isPositive().isLessThan(1e6);
    }
    assertThat(micro.has("beyond_h3_ns_per_post")).isTrue();
    assertThat(micro.has("beyond_h3_cpu_ns_per_post")).isTrue();

    // A second bench finds the generated event and says it reuses it.
    Outcome second =
        bench(
            "--posts",
            "20000",
            "--parallelism",
            "1",
            "--repeat",
            "1",
            "--work",
            work.toString(),
            "--keep-outputs");
    assertThat(second.exitCode()).as(second.err()).isZero();
    assertThat(second.out()).contains("reusing").doesNotContain("generating about");
    assertThat(work.resolve("runs/p1-round1/summary.json")).isRegularFile();
  }

  @Test
  void withTilesTimesTheTileStageAndTheTileEncoders() throws Exception {
    Outcome run =
        bench(
            "--posts",
            "20000",
            "--parallelism",
            "1",
            "--repeat",
            "1",
            "--tiles",
            "--work",
            dir.resolve("bench").toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .contains("parallelism 1 with tiles")
        .contains("PNG heat tiles (render + encode)")
        .contains("MVT hex tiles (encode)")
        .contains("share of a replay's wall time spent on tiles at parallelism 1")
        .contains("--tiles");
  }

  @Test
  void refusesOptionsItCannotMeasureWithASentence() {
    Outcome zero = bench("--parallelism", "1,0", "--work", dir.toString());
    assertThat(zero.exitCode()).isEqualTo(Crowdhex.USER_ERROR);
    assertThat(zero.err()).contains("--parallelism has 0; accepted: whole numbers from 1 to 256");

    Outcome twice = bench("--parallelism", "2,2", "--work", dir.toString());
    assertThat(twice.err()).contains("--parallelism names 2 twice");

    Outcome repeat = bench("--repeat", "0", "--work", dir.toString());
    assertThat(repeat.err()).contains("--repeat is 0; accepted: a whole number from 1 to 100");

    Outcome few = bench("--posts", "100", "--work", dir.toString());
    assertThat(few.exitCode()).isEqualTo(Crowdhex.USER_ERROR);
    assertThat(few.err()).contains("--posts is 100; accepted: from ");
    assertThat(Files.exists(dir.resolve("posts-100-seed42.jsonl.gz"))).isFalse();
  }

  @Test
  void helpExplainsEveryOptionWithItsDefault() {
    StringWriter help = new StringWriter();
    CommandLine cl = Crowdhex.commandLine();
    cl.setOut(new PrintWriter(help, true));
    assertThat(cl.execute("bench", "--help")).isZero();
    assertThat(help.toString())
        .contains("--posts=N")
        .contains("Default: 5000000")
        .contains("Default: 1,2")
        .contains("Default: 3")
        .contains("Default: out/bench")
        .contains("--keep-outputs")
        .contains("--json=FILE")
        .contains("--plan=PLAN");
  }
}
