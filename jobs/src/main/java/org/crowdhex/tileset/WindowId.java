package org.crowdhex.tileset;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The name of one published window of tiles: its UTC start, e.g. {@code 20260419T1415Z}, with
 * {@code -r1}, {@code -r2}... for the revisions late posts make. Names sort in time order and are
 * safe in paths and URLs; the tile server caches everything under such a name forever.
 */
public final class WindowId {
  private static final DateTimeFormatter MINUTES =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmm'Z'").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter SECONDS =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  private WindowId() {}

  /**
   * @param startMillis the window's start, epoch ms
   * @param revision 0 for the first publication
   */
  public static String of(long startMillis, int revision) {
    Instant start = Instant.ofEpochMilli(startMillis);
    String base = (startMillis % 60_000 == 0 ? MINUTES : SECONDS).format(start);
    return revision == 0 ? base : base + "-r" + revision;
  }
}
