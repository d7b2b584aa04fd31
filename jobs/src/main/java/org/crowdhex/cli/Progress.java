package org.crowdhex.cli;

import java.io.PrintStream;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.function.Consumer;
import org.crowdhex.job.EmbeddedRun;
import org.crowdhex.job.RunCounters;

/**
 * The progress line of a run: event time reached, lines read and their rate, rejects so far. On a
 * terminal it rewrites one line; in a log it prints a line every few seconds.
 */
final class Progress implements Consumer<EmbeddedRun.Progress> {
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
  private final PrintStream out;
  private final ZoneId zone;
  private final boolean terminal = System.console() != null;
  private long lastPrinted;
  private long lastRead;
  private long lastMillis;

  Progress(PrintStream out, ZoneId zone) {
    this.out = out;
    this.zone = zone;
  }

  @Override
  public void accept(EmbeddedRun.Progress p) {
    long read = p.count(RunCounters.LINES_READ);
    long now = p.elapsedMillis();
    double rate = now > lastMillis ? (read - lastRead) * 1000.0 / (now - lastMillis) : 0;
    lastRead = read;
    lastMillis = now;
    if (!terminal && now - lastPrinted < 5000) return;
    lastPrinted = now;
    String eventTime =
        p.eventTime() == Long.MIN_VALUE
            ? "-"
            : TIME.format(Instant.ofEpochMilli(p.eventTime()).atZone(zone));
    String line =
        String.format(
            "event time %s | %,d lines | %,.0f lines/s | %,d rejected | %,d outside zones | %.0f s",
            eventTime,
            read,
            rate,
            p.count(RunCounters.REJECTED),
            p.count(RunCounters.OUTSIDE_ZONES),
            now / 1000.0);
    if (terminal) out.print("\r" + line + "   ");
    else out.println(line);
    out.flush();
  }

  /** Ends the progress line before the summary. */
  void done() {
    if (terminal) out.println();
  }
}
