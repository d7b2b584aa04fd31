package org.crowdhex.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.crowdhex.plan.EventPlan;
import org.crowdhex.post.PostFormat;
import org.crowdhex.post.PostSchema;
import org.crowdhex.replay.KafkaPublisher;
import org.crowdhex.replay.Recording;
import org.crowdhex.replay.Replay;
import org.crowdhex.replay.ReplayClock;
import org.crowdhex.replay.ReplayProgress;
import org.crowdhex.replay.ReplaySummary;
import org.crowdhex.replay.Speed;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Publishes a recorded stream of posts to Kafka in event-time order, at a speed-up. */
@Command(
    name = "replay",
    mixinStandardHelpOptions = true,
    showDefaultValues = true,
    description = {
      "Publish recorded posts to Kafka as a live stream: files merged in event-time order (each"
          + " file's own order kept), paced at a speed-up of event time.",
      "A progress line goes to standard error, a summary to standard output. Records are keyed"
          + " by post id (never by author); each value is the line as recorded."
    })
final class ReplayCommand implements Callable<Integer> {
  /** Where a replay can go. */
  enum Target {
    kafka
  }

  @Parameters(
      arity = "1..*",
      paramLabel = "FILE",
      description =
          "Files or folders of JSON lines posts (.gz is read as gzip). Folders are read"
              + " recursively.")
  List<Path> inputs;

  @Option(
      names = "--to",
      paramLabel = "TARGET",
      defaultValue = "kafka",
      description = "Where to publish: ${COMPLETION-CANDIDATES}.")
  Target to;

  @Option(
      names = "--bootstrap",
      paramLabel = "HOST:PORT",
      description = "Kafka brokers, HOST:PORT[,HOST:PORT...] (required with --to kafka).")
  String bootstrap;

  @Option(
      names = "--topic",
      paramLabel = "TOPIC",
      defaultValue = "crowdhex.posts",
      description = "The topic of posts.")
  String topic;

  @Option(
      names = "--speed",
      paramLabel = "N|max",
      defaultValue = "1",
      description =
          "Speed-up of event time: 60 plays an hour of posts in a minute, 1 in real time, max as"
              + " fast as Kafka takes them.")
  String speed;

  @Option(
      names = "--plan",
      paramLabel = "PLAN",
      description =
          "An event plan whose input.fields and time_format say where each post's time is"
              + " (default: the Post contract's time field, ISO-8601 or epoch ms, in UTC).")
  Path planFile;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    Speed pace = Speed.parse(speed);
    PostSchema schema = PostSchema.DEFAULT;
    ZoneId zone = ZoneOffset.UTC;
    if (planFile != null) {
      EventPlan plan = PlanOption.load(planFile);
      if (plan.input().format() != PostFormat.JSONL) {
        throw new UserErrors.UserError(
            "the plan's input.format is csv; accepted by replay: jsonl (Kafka records hold one"
                + " JSON post each)");
      }
      schema = plan.input();
      zone = plan.timeZone();
    }
    if (bootstrap == null || bootstrap.isBlank()) {
      throw new UserErrors.UserError(
          "--bootstrap is missing; accepted: HOST:PORT of the Kafka brokers, e.g."
              + " localhost:9092");
    }
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Recording recording = Recording.of(inputs, schema);
    if (recording.files().isEmpty()) {
      throw new UserErrors.UserError(
          "FILE " + inputs + " holds no files; accepted: files or folders of JSON lines posts");
    }
    Recording.Extent extent = recording.scan();
    out.printf(
        Locale.ROOT,
        "replaying %,d records from %d file%s to %s at %s, %s%n",
        extent.records(),
        recording.files().size(),
        recording.files().size() == 1 ? "" : "s",
        topic,
        bootstrap,
        pace.unpaced() ? "at full speed" : "at " + pace + " event time");
    out.flush();
    ProgressLine progress = new ProgressLine(err, zone, System.console() != null);
    ReplaySummary summary;
    try (KafkaPublisher publisher = KafkaPublisher.open(bootstrap, topic)) {
      summary = new Replay(ReplayClock.SYSTEM, pace, progress).run(recording, extent, publisher);
    }
    progress.done();
    out.println(summary.describe(topic + " at " + bootstrap, zone));
    out.flush();
    return 0;
  }

  /**
   * The progress line of a replay: event time reached, records and their rate, time left. On a
   * terminal it rewrites one line; in a log it prints a line every few seconds.
   */
  static final class ProgressLine implements Consumer<ReplayProgress> {
    private static final DateTimeFormatter TIME =
        DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);
    private final PrintWriter err;
    private final ZoneId zone;
    private final boolean terminal;
    private long lastPrinted = Long.MIN_VALUE;

    ProgressLine(PrintWriter err, ZoneId zone, boolean terminal) {
      this.err = err;
      this.zone = zone;
      this.terminal = terminal;
    }

    @Override
    public void accept(ReplayProgress p) {
      long now = p.elapsedNanos() / 1_000_000;
      boolean last = p.published() >= p.total();
      if (!terminal && !last && lastPrinted != Long.MIN_VALUE && now - lastPrinted < 5000) return;
      lastPrinted = now;
      String line = line(p);
      if (terminal) err.print("\r" + line + "   ");
      else err.println(line);
      err.flush();
    }

    String line(ReplayProgress p) {
      String eventTime =
          p.eventTimeMillis() == Long.MIN_VALUE
              ? "-"
              : TIME.format(Instant.ofEpochMilli(p.eventTimeMillis()).atZone(zone));
      return String.format(
          Locale.ROOT,
          "event time %s | %,d of %,d records | %,.0f records/s | %s left",
          eventTime,
          p.published(),
          p.total(),
          p.recordsPerSecond(),
          left(p.remainingNanos()));
    }

    static String left(long nanos) {
      if (nanos < 0) return "?";
      long s = (nanos + 999_999_999L) / 1_000_000_000L;
      if (s < 60) return s + " s";
      if (s < 3600) return String.format(Locale.ROOT, "%d min %02d s", s / 60, s % 60);
      return String.format(Locale.ROOT, "%d h %02d min", s / 3600, s % 3600 / 60);
    }

    /** Ends the progress line before the summary. */
    void done() {
      if (terminal) {
        err.println();
        err.flush();
      }
    }
  }
}
