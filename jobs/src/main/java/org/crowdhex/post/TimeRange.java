package org.crowdhex.post;

import java.io.Serializable;
import java.time.Instant;

/**
 * The span of event time a plan accepts posts from; either end may be open.
 *
 * @param startMillis inclusive start, epoch ms, or {@link Long#MIN_VALUE} when open
 * @param endMillis exclusive end, epoch ms, or {@link Long#MAX_VALUE} when open
 */
public record TimeRange(long startMillis, long endMillis) implements Serializable {
  public static final TimeRange ALWAYS = new TimeRange(Long.MIN_VALUE, Long.MAX_VALUE);

  public TimeRange {
    if (startMillis >= endMillis) {
      throw new IllegalArgumentException(
          "time_range.end is "
              + Instant.ofEpochMilli(endMillis)
              + "; accepted: a time after time_range.start ("
              + Instant.ofEpochMilli(startMillis)
              + ")");
    }
  }

  public boolean contains(long millis) {
    return millis >= startMillis && millis < endMillis;
  }

  public boolean isOpen() {
    return startMillis == Long.MIN_VALUE && endMillis == Long.MAX_VALUE;
  }

  public String describe() {
    return "a time from "
        + (startMillis == Long.MIN_VALUE ? "any time" : Instant.ofEpochMilli(startMillis))
        + " until before "
        + (endMillis == Long.MAX_VALUE ? "any time" : Instant.ofEpochMilli(endMillis));
  }
}
