package org.crowdhex.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** Runs the demo as a user does ({@code crowdhex demo --no-serve}), in this JVM. */
final class DemoRun {
  private DemoRun() {}

  /**
   * Runs the demo into {@code dir} ({@code input/} and {@code output/}), fails unless it ends with
   * exit code 0, and returns what it printed.
   */
  static String into(Path dir) {
    PrintStream stdout = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    int code;
    try {
      System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
      code =
          Crowdhex.commandLine()
              .execute("demo", "--no-serve", "--port", "0", "--out", dir.toString());
    } finally {
      System.setOut(stdout);
    }
    String printed = captured.toString(StandardCharsets.UTF_8);
    assertThat(code).as(printed).isZero();
    return printed;
  }
}
