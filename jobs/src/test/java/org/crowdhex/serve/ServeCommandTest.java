package org.crowdhex.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.crowdhex.cli.Crowdhex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code crowdhex serve} refuses bad options with sentences, before it listens. */
class ServeCommandTest {
  @TempDir Path dir;

  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cl = Crowdhex.commandLine();
    cl.setOut(new PrintWriter(new StringWriter(), true));
    cl.setErr(new PrintWriter(err, true));
    return cl.execute(args);
  }

  @Test
  void aMissingFolderIsNamed() {
    String missing = dir.resolve("nowhere").toString();
    assertThat(run("serve", "--tiles", missing)).isEqualTo(Crowdhex.USER_ERROR);
    assertThat(err.toString())
        .contains(
            "--tiles "
                + missing
                + " does not exist; accepted: the tiles folder of a run, e.g."
                + " out/demo/output/tiles");
  }

  @Test
  void aFileIsNotAFolder() throws Exception {
    Path file = Files.writeString(dir.resolve("tiles.txt"), "x");
    assertThat(run("serve", "--tiles", file.toString())).isEqualTo(Crowdhex.USER_ERROR);
    assertThat(err.toString()).contains("is a file, not a folder");
  }

  @Test
  void aPortOutOfRangeIsNamed() {
    assertThat(run("serve", "--tiles", dir.toString(), "--port", "70000"))
        .isEqualTo(Crowdhex.USER_ERROR);
    assertThat(err.toString())
        .contains("--port is 70000; accepted: a whole number from 0 to 65535");
    assertThat(run("serve", "--tiles", dir.toString(), "--port", "-1"))
        .isEqualTo(Crowdhex.USER_ERROR);
  }

  @Test
  void tokenFilesMustHoldAToken() throws Exception {
    Path missing = dir.resolve("no-token");
    assertThat(run("serve", "--tiles", dir.toString(), "--token-file", missing.toString()))
        .isEqualTo(Crowdhex.USER_ERROR);
    assertThat(err.toString()).contains("--token-file " + missing + " cannot be read");

    Path empty = Files.writeString(dir.resolve("empty-token"), " \n");
    assertThat(run("serve", "--tiles", dir.toString(), "--token-file", empty.toString()))
        .isEqualTo(Crowdhex.USER_ERROR);
    assertThat(err.toString()).contains("--token-file " + empty + " is empty");

    Path spaced = Files.writeString(dir.resolve("spaced-token"), "two words\n");
    assertThat(run("serve", "--tiles", dir.toString(), "--token-file", spaced.toString()))
        .isEqualTo(Crowdhex.USER_ERROR);
    assertThat(err.toString()).contains("holds spaces").doesNotContain("two words");
  }

  @Test
  void listensOnLoopbackUnlessToldOtherwise() {
    CommandLine serve = Crowdhex.commandLine().getSubcommands().get("serve");
    assertThat(serve.getCommandSpec().findOption("--bind").defaultValue()).isEqualTo("127.0.0.1");
    assertThat(serve.getCommandSpec().findOption("--port").defaultValue()).isEqualTo("8080");
  }
}
