package org.crowdhex.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The repository's deployment files, and the scripts of the local stack run as a user would. */
public final class Repo {
  private Repo() {}

  /** The repository root: the folder holding {@code docker/local/topics.env}. */
  public static Path root() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null) {
      if (Files.isRegularFile(dir.resolve("docker/local/topics.env"))) return dir;
      dir = dir.getParent();
    }
    return fail("no docker/local/topics.env above " + Path.of("").toAbsolutePath());
  }

  static Path file(String relative) {
    Path p = root().resolve(relative);
    assertThat(p).as(relative).isRegularFile();
    return p;
  }

  static String read(String relative) throws IOException {
    return Files.readString(file(relative), StandardCharsets.UTF_8);
  }

  /** KEY=value lines of an env file (comments and blank lines skipped), in file order. */
  static Map<String, String> envFile(String relative) throws IOException {
    Map<String, String> env = new LinkedHashMap<>();
    for (String line : read(relative).split("\n")) {
      String l = line.strip();
      if (l.isEmpty() || l.startsWith("#")) continue;
      int eq = l.indexOf('=');
      assertThat(eq).as("a KEY=value line in %s: %s", relative, l).isPositive();
      env.put(l.substring(0, eq), l.substring(eq + 1));
    }
    return env;
  }

  /** What a command printed and how it ended. */
  public record Result(int exitCode, String output) {}

  /**
   * Runs a command in the repository root with the given CROWDHEX_* environment variables (and no
   * others), standard output and error merged, and fails if it does not end within the timeout.
   */
  public static Result run(List<String> command, Map<String, String> env, long timeoutSeconds)
      throws IOException, InterruptedException {
    Path log = Files.createTempFile("crowdhex-deploy-", ".log");
    try {
      ProcessBuilder pb =
          new ProcessBuilder(command)
              .directory(root().toFile())
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
      // Only what the test sets: a developer's own CROWDHEX_* settings must not leak in.
      pb.environment().keySet().removeIf(k -> k.startsWith("CROWDHEX_"));
      pb.environment().putAll(env);
      Process p = pb.start();
      if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        fail(
            String.join(" ", command)
                + " did not end within "
                + timeoutSeconds
                + "s; output:\n"
                + Files.readString(log));
      }
      return new Result(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(log);
    }
  }

  /** Runs a command that must succeed, and returns its output. */
  public static String runOk(List<String> command, Map<String, String> env, long timeoutSeconds)
      throws IOException, InterruptedException {
    Result r = run(command, env, timeoutSeconds);
    assertThat(r.exitCode())
        .as("exit code of %s; output:\n%s", String.join(" ", command), r.output())
        .isZero();
    return r.output();
  }

  /** The first executable of that name on the PATH, or a failure that says how to install it. */
  public static Path executable(String name, String install) {
    List<String> tried = new ArrayList<>();
    for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
      if (dir.isEmpty()) continue;
      Path p = Path.of(dir, name);
      tried.add(dir);
      if (Files.isExecutable(p)) return p;
    }
    return fail(name + " is not on the PATH (" + tried + "); " + install);
  }
}
