package org.crowdhex.replay;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * What a replay did.
 *
 * @param files files read
 * @param published records sent
 * @param untimed records whose time could not be read (sent where they stood in their file)
 * @param firstMillis the earliest event time sent, or {@link Long#MIN_VALUE} when none
 * @param lastMillis the latest event time sent, or {@link Long#MIN_VALUE} when none
 * @param elapsedNanos wall-clock time of the replay, the final flush included
 * @param speed the speed-up it ran at
 */
public record ReplaySummary(
    int files,
    long published,
    long untimed,
    long firstMillis,
    long lastMillis,
    long elapsedNanos,
    Speed speed) {
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

  /** Records per second of wall-clock time. */
  public double recordsPerSecond() {
    return elapsedNanos == 0 ? 0 : published * 1e9 / elapsedNanos;
  }

  /**
   * Two or three sentences for the end of a run, times in the given zone, e.g. {@code published
   * 4,000 records from 2 files in 2.1 s (1,905 records/s) ...}.
   */
  public String describe(String target, ZoneId zone) {
    StringBuilder s = new StringBuilder();
    s.append(
        String.format(
            Locale.ROOT,
            "published %,d records from %d file%s to %s in %.1f s (%,.0f records/s)",
            published,
            files,
            files == 1 ? "" : "s",
            target,
            elapsedNanos / 1e9,
            recordsPerSecond()));
    if (firstMillis != Long.MIN_VALUE) {
      s.append(
          String.format(
              Locale.ROOT,
              "%nevent time %s to %s (%s), replayed at %s",
              TIME.format(Instant.ofEpochMilli(firstMillis).atZone(zone)),
              TIME.format(Instant.ofEpochMilli(lastMillis).atZone(zone)),
              zone,
              speed.unpaced() ? "full speed" : speed.toString()));
    }
    if (untimed > 0) {
      s.append(
          String.format(
              Locale.ROOT,
              "%n%,d record%s without a readable time or not a valid post, sent where %s stood"
                  + " (the job will reject %s)",
              untimed,
              untimed == 1 ? "" : "s",
              untimed == 1 ? "it" : "they",
              untimed == 1 ? "it" : "them"));
    }
    return s.toString();
  }
}
