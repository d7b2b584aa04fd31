package org.crowdhex.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import picocli.CommandLine;

/** Runs the command line as a user does, in this JVM. */
final class InProcess {
  private InProcess() {}

  /**
   * Runs {@code crowdhex ARGS...}, fails unless it ends with exit code 0, returns what it printed.
   */
  static String crowdhex(String... args) {
    StringWriter err = new StringWriter();
    CommandLine cl = Crowdhex.commandLine();
    cl.setErr(new PrintWriter(err, true));
    PrintStream stdout = System.out;
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    int code;
    try {
      System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
      code = cl.execute(args);
    } finally {
      System.setOut(stdout);
    }
    String out = printed.toString(StandardCharsets.UTF_8);
    assertThat(code).as("crowdhex %s%n%s%n%s", String.join(" ", args), out, err).isZero();
    return out;
  }

  /** Runs the demo into {@code dir} ({@code input/}, {@code output/}, {@code geo-data/}). */
  static String demo(Path dir) {
    return crowdhex("demo", "--no-serve", "--port", "0", "--out", dir.toString());
  }
}
