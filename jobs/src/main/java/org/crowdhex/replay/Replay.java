package org.crowdhex.replay;

import java.io.IOException;
import java.util.function.Consumer;

/**
 * Publishes a recording in event-time order, paced at a speed-up of event time: the core of {@code
 * crowdhex replay}, plain Java, driven by a {@link ReplayClock} so that tests pace without waiting.
 */
public final class Replay {
  /** How often progress is reported, in clock time. */
  static final long REPORT_EVERY_NANOS = 1_000_000_000L;

  private final ReplayClock clock;
  private final Speed speed;
  private final Consumer<ReplayProgress> progress;

  /**
   * @param progress told where the replay stands about once a second of clock time, and at the end
   */
  public Replay(ReplayClock clock, Speed speed, Consumer<ReplayProgress> progress) {
    this.clock = clock;
    this.speed = speed;
    this.progress = progress;
  }

  /**
   * Sends every record of the recording to the target, in order, then closes the target (which
   * waits until every record is stored).
   *
   * @param extent the recording's {@link Recording#scan}, for the estimate of time left
   */
  public ReplaySummary run(Recording recording, Recording.Extent extent, Publisher target)
      throws IOException, InterruptedException {
    Pacer pacer = new Pacer(clock, speed);
    long start = clock.nanoTime();
    long published = 0, untimed = 0;
    long first = Long.MIN_VALUE, reached = Long.MIN_VALUE;
    long lastReport = start, lastReported = 0;
    try (target;
        Recording.Merge lines = recording.open()) {
      TimedLine line;
      while ((line = lines.next()) != null) {
        if (line.timed()) {
          pacer.await(line.timeMillis());
          if (first == Long.MIN_VALUE || line.timeMillis() < first) first = line.timeMillis();
          reached = Math.max(reached, line.timeMillis());
        } else {
          untimed++;
        }
        target.publish(line.key(), line.text());
        published++;
        long now = clock.nanoTime();
        if (now - lastReport >= REPORT_EVERY_NANOS) {
          progress.accept(
              report(
                  extent,
                  published,
                  reached,
                  now - start,
                  published - lastReported,
                  now - lastReport));
          lastReport = now;
          lastReported = published;
        }
      }
    }
    long now = clock.nanoTime();
    progress.accept(
        report(
            extent, published, reached, now - start, published - lastReported, now - lastReport));
    return new ReplaySummary(
        recording.files().size(), published, untimed, first, reached, now - start, speed);
  }

  private ReplayProgress report(
      Recording.Extent extent,
      long published,
      long reached,
      long elapsed,
      long sinceLast,
      long nanosSinceLast) {
    double rate = nanosSinceLast > 0 ? sinceLast * 1e9 / nanosSinceLast : 0;
    long remaining = -1;
    if (published >= extent.records()) {
      remaining = 0;
    } else if (!speed.unpaced()
        && reached != Long.MIN_VALUE
        && extent.lastMillis() != Long.MIN_VALUE) {
      remaining = speed.wallNanos(Math.max(0, extent.lastMillis() - reached));
    } else if (published > 0 && elapsed > 0) {
      remaining = (long) ((extent.records() - published) * (double) elapsed / published);
    }
    return new ReplayProgress(published, extent.records(), reached, elapsed, rate, remaining);
  }
}
