package org.crowdhex.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * A run and its pseudonym key, as a user meets them: no key, no run (a sentence, exit 1); a key
 * file named in the plan; and a key that never shows, only its fingerprint.
 */
class PseudonymKeyCommandTest {
  private static final String SECRET = "correct-horse-battery-staple-0123456789-abcdef";

  @TempDir Path dir;
  private Path input;
  private final StringWriter err = new StringWriter();
  private String out = "";

  @BeforeEach
  void files() throws Exception {
    Files.copy(
        CommandLineTest.repoFile("geo-data/venues/rotterdam.geojson"),
        dir.resolve("venues.geojson"));
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      lines.add(
          String.format(
              Locale.ROOT,
              "{\"id\":\"p%d\",\"author\":\"someone-%d\",\"time\":\"2026-04-19T12:%02d:00Z\","
                  + "\"lat\":%.6f,\"lon\":4.523200,\"text\":\"hello\"}",
              i,
              i % 12,
              i,
              51.8935 + 0.00002 * i));
    }
    input = dir.resolve("posts.jsonl");
    Files.write(input, lines);
  }

  private Path plan(String privacy) throws Exception {
    Path plan = dir.resolve("plan.yaml");
    Files.writeString(
        plan,
        "name: key test\n"
            + "venues: {file: venues.geojson, include: [kuip]}\n"
            + "tiles: {enabled: false}\n"
            + "privacy: "
            + privacy
            + "\n"
            + "run: {parallelism: 1}\n");
    return plan;
  }

  private int run(String... args) {
    CommandLine cl = Crowdhex.commandLine();
    cl.setErr(new PrintWriter(err, true));
    PrintStream stdout = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
      return cl.execute(args);
    } finally {
      System.setOut(stdout);
      out = captured.toString(StandardCharsets.UTF_8);
    }
  }

  @Test
  void aRunWithoutItsKeyDoesNotStart() throws Exception {
    Path plan = plan("{key_env: CROWDHEX_TEST_KEY_THAT_IS_NOT_SET}");

    int code = run("run", plan.toString(), "--input", input.toString(), "--out", "" + dir);

    assertThat(code).isEqualTo(Crowdhex.USER_ERROR);
    assertThat(err.toString())
        .contains(
            "privacy.key_env is \"CROWDHEX_TEST_KEY_THAT_IS_NOT_SET\", a variable that is not set;"
                + " accepted: an environment variable holding a secret of at least 32 bytes")
        .doesNotContain("\tat ");
    assertThat(dir.resolve("summary.json")).doesNotExist();
  }

  @Test
  void aShortKeyIsRefusedWithoutShowingIt() throws Exception {
    Files.writeString(dir.resolve("short.key"), "too-short-a-secret\n");
    Path plan = plan("{key_file: short.key}");

    int code = run("run", plan.toString(), "--input", input.toString());

    assertThat(code).isEqualTo(Crowdhex.USER_ERROR);
    assertThat(err.toString())
        .contains("privacy.key_file is \"" + dir.resolve("short.key") + "\"")
        .contains("18 bytes long")
        .doesNotContain("too-short-a-secret");
  }

  @Test
  void runsWithTheKeyFileThePlanNamesAndShowsOnlyItsFingerprint() throws Exception {
    Files.writeString(dir.resolve("pseudonym.key"), SECRET + "\n");
    Path plan = plan("{key_file: pseudonym.key, rotation: event, min_crowd: 1}");
    Path output = dir.resolve("out");

    int code = run("run", plan.toString(), "--input", input.toString(), "--out", "" + output);

    assertThat(code).as(err.toString()).isZero();
    assertThat(out)
        .containsPattern(
            "HMAC-SHA-256 with key file .*pseudonym\\.key \\(fingerprint [0-9a-f]{8}\\)")
        .contains("one key for the event \"key test\"")
        .doesNotContain(SECRET);
    assertThat(Files.readString(output.resolve("density/venues.jsonl")))
        .contains("\"authors\":12")
        .doesNotContain("someone");
  }

  @Test
  void aThrowawayKeyNeedsNoVariable() throws Exception {
    Path plan = plan("{key_env: CROWDHEX_TEST_KEY_THAT_IS_NOT_SET, min_crowd: 1}");

    int code =
        run(
            "run",
            plan.toString(),
            "--input",
            input.toString(),
            "--out",
            dir.resolve("out").toString(),
            "--throwaway-key");

    assertThat(code).as(err.toString()).isZero();
    assertThat(out).contains("a throwaway key made for this run");
  }
}
