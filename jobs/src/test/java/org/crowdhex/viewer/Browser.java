package org.crowdhex.viewer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * What the browser tests share: the viewer's npm packages (installed from its lock file when
 * missing), Debian's chromium (its absence fails the test), the screenshot script run under Node,
 * and the screenshots kept beside the build's test reports.
 */
final class Browser {
  static final Path REPO = Files.exists(Path.of("viewer")) ? Path.of(".") : Path.of("..");
  private static final ObjectMapper JSON = new ObjectMapper();

  private Browser() {}

  /** Debian's chromium, after making sure the viewer's npm packages are installed. */
  static Path chromium() throws IOException, InterruptedException {
    if (!Files.isDirectory(REPO.resolve("viewer/node_modules/playwright-core"))) {
      // The pinned packages of the viewer (package-lock.json); needs npm on the PATH.
      Process npm =
          new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund")
              .directory(REPO.resolve("viewer").toFile())
              .redirectErrorStream(true)
              .start();
      String log = new String(npm.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(npm.waitFor()).as("npm ci in viewer/: %s", log).isZero();
    }
    Path chromium = Path.of(System.getenv().getOrDefault("CHROMIUM_PATH", "/usr/bin/chromium"));
    assertThat(chromium).as("Debian's chromium (apt-get install chromium)").isExecutable();
    return chromium;
  }

  /**
   * Runs viewer/test/screenshot.mjs on one window and returns the JSON it prints last.
   *
   * @param options further options of the script, e.g. {@code --layer heat}
   */
  static JsonNode screenshot(String url, String window, Path out, Path chromium, String... options)
      throws IOException, InterruptedException {
    JsonNode report = screenshotOnce(url, window, out, chromium, options);
    if (!report.path("ok").asBoolean() && report.path("timedOut").asBoolean()) {
      // A page that did not settle within the script's two minutes on a loaded shared machine is
      // tried once more; what made it time out is kept in the output, and a second time-out fails.
      System.err.println("screenshot timed out, trying once more: " + report.path("error"));
      report = screenshotOnce(url, window, out, chromium, options);
    }
    return report;
  }

  private static JsonNode screenshotOnce(
      String url, String window, Path out, Path chromium, String... options)
      throws IOException, InterruptedException {
    List<String> command =
        new ArrayList<>(
            List.of(
                "node",
                REPO.resolve("viewer/test/screenshot.mjs").toAbsolutePath().toString(),
                "--url",
                url,
                "--window",
                window));
    command.addAll(List.of(options));
    command.addAll(
        List.of(
            "--out", out.toString(), "--chromium", chromium.toString(), "--timeout-ms", "120000"));
    Process p = new ProcessBuilder(command).start();
    String stdout = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String stderr = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(180, TimeUnit.SECONDS)).isTrue();
    String last = stdout.strip();
    last = last.substring(last.lastIndexOf('\n') + 1);
    assertThat(last).as("screenshot script output; stderr: %s", stderr).startsWith("{");
    ObjectNode report = (ObjectNode) JSON.readTree(last);
    report.put("timedOut", p.exitValue() == 2);
    return report;
  }

  /** Copies a folder tree. */
  static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path f : files.toList()) {
        Path target = to.resolve(from.relativize(f).toString());
        if (Files.isDirectory(f)) Files.createDirectories(target);
        else Files.copy(f, target);
      }
    }
  }

  /** Keeps a screenshot beside the build's test reports, for people to look at. */
  static void keepArtefact(Path shot, String name) throws IOException {
    Path target = REPO.resolve("jobs/target/viewer");
    // No screenshot: the script failed before it, and the test's check of its report says why.
    if (!Files.isDirectory(REPO.resolve("jobs/target")) || !Files.exists(shot)) return;
    Files.createDirectories(target);
    Files.copy(shot, target.resolve(name), StandardCopyOption.REPLACE_EXISTING);
  }
}
