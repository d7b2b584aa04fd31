package org.crowdhex.baseline;

import java.io.Serializable;
import java.time.Instant;

/**
 * A span of event time, {@code [startMillis, endMillis)}: the history a baseline is learned from,
 * or a past event or incident whose windows are left out of it.
 *
 * @param startMillis inclusive start, epoch ms
 * @param endMillis exclusive end, epoch ms; after the start
 */
public record Interval(long startMillis, long endMillis) implements Serializable {
  private static final long serialVersionUID = 1L;

  public Interval {
    if (endMillis <= startMillis) {
      throw new IllegalArgumentException(
          "an interval's end is "
              + Instant.ofEpochMilli(endMillis)
              + "; accepted: a time after its start ("
              + Instant.ofEpochMilli(startMillis)
              + ")");
    }
  }

  /** The interval between two instants. */
  public static Interval of(Instant start, Instant end) {
    return new Interval(start.toEpochMilli(), end.toEpochMilli());
  }

  /** Whether the window {@code [windowStart, windowEnd)} shares any instant with this interval. */
  public boolean overlaps(long windowStart, long windowEnd) {
    return windowStart < endMillis && startMillis < windowEnd;
  }

  /** Whether the window {@code [windowStart, windowEnd)} lies wholly inside this interval. */
  public boolean holds(long windowStart, long windowEnd) {
    return windowStart >= startMillis && windowEnd <= endMillis;
  }

  public Instant start() {
    return Instant.ofEpochMilli(startMillis);
  }

  public Instant end() {
    return Instant.ofEpochMilli(endMillis);
  }

  @Override
  public String toString() {
    return "[" + start() + ", " + end() + ")";
  }
}
