package org.crowdhex.cli;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.crowdhex.cluster.ClusterException;
import org.crowdhex.cluster.FlinkRest;
import picocli.CommandLine.Option;

/** The {@code --cluster URL} of the commands that talk to a Flink cluster, and what they share. */
final class ClusterOption {
  @Option(
      names = "--cluster",
      paramLabel = "URL",
      defaultValue = "${env:CROWDHEX_CLUSTER:-http://127.0.0.1:8081}",
      description =
          "The Flink cluster's REST address (the JobManager's web port). The environment"
              + " variable CROWDHEX_CLUSTER sets the default; the local stack"
              + " (docker/local/stack start) listens on http://127.0.0.1:8081.")
  String cluster;

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

  FlinkRest rest() {
    return FlinkRest.of(cluster);
  }

  /** A job id as given, checked. */
  static String jobId(String text) {
    String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
    if (!FlinkRest.isJobId(t)) {
      throw new UserErrors.UserError(
          "JOB is \""
              + text
              + "\"; accepted: a Flink job id of 32 hexadecimal digits, as crowdhex submit and"
              + " crowdhex status print it");
    }
    return t;
  }

  /** A job the cluster does not know becomes a sentence; every other failure passes. */
  static ClusterException noSuchJob(ClusterException e, String jobId, FlinkRest rest) {
    if (e.status() == 404) {
      return new ClusterException(
          "the cluster at "
              + rest.address()
              + " has no job "
              + jobId
              + "; accepted: a job id that crowdhex status lists");
    }
    return e;
  }

  /**
   * The job jar a command uploads: the one named, else the {@code crowdhex-job.jar} built beside
   * the jar this command runs from (both are written by {@code ./mvnw package}), else the one in
   * {@code jobs/target/} under the working folder.
   */
  static Path jobJar(Path named) {
    Path jar = named;
    if (jar == null) {
      jar = Path.of("jobs", "target", "crowdhex-job.jar");
      try {
        Path self =
            Path.of(
                ClusterOption.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        if (Files.isRegularFile(self)) jar = self.resolveSibling("crowdhex-job.jar");
      } catch (URISyntaxException | SecurityException | IllegalArgumentException e) {
        // not run from a jar file: the build folder under the working folder
      }
    }
    if (!Files.isRegularFile(jar)) {
      throw new UserErrors.UserError(
          "no job jar at "
              + jar.toAbsolutePath()
              + "; build it with ./mvnw -q -DskipTests package (it writes"
              + " jobs/target/crowdhex-job.jar), or name one with --jar");
    }
    return jar;
  }

  /** An absolute local path, or a file system URI as given (for folders every node reaches). */
  static String location(String pathOrUri) {
    if (pathOrUri.matches("[a-zA-Z][a-zA-Z0-9+.-]+:/.*")) return pathOrUri; // file:/..., s3://...
    try {
      return Path.of(pathOrUri).toAbsolutePath().normalize().toString();
    } catch (java.nio.file.InvalidPathException e) {
      throw new UserErrors.UserError(
          "\"" + pathOrUri + "\" is not a path; accepted: a folder path or a URI such as s3://b/p");
    }
  }

  static String time(long epochMillis) {
    return epochMillis <= 0 ? "-" : TIME.format(Instant.ofEpochMilli(epochMillis));
  }

  static String duration(long millis) {
    if (millis < 0) return "-";
    Duration d = Duration.ofMillis(millis);
    if (d.toMinutes() == 0) return d.toSeconds() + " s";
    if (d.toHours() == 0) return d.toMinutes() + " min " + d.toSecondsPart() + " s";
    if (d.toDays() == 0) return d.toHours() + " h " + d.toMinutesPart() + " min";
    return d.toDays() + " d " + d.toHoursPart() + " h";
  }
}
