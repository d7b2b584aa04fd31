package org.crowdhex.job;

import java.time.Duration;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkOutput;

/**
 * Watermarks that follow the data, not the wall clock: after each post the watermark is the newest
 * event time minus the plan's out-of-orderness, rounded down to a whole second. Flink's usual
 * periodic watermarks depend on how fast the machine runs, so a replay would drop different posts
 * as late on a busy laptop than on an idle one; these make a replay of one recording give the same
 * windows every time. Rounding to seconds keeps the number of watermarks sent downstream small.
 *
 * <p>Only the event time is read, so the same generator serves decoded posts (files) and raw lines
 * whose time a source extracted itself (one generator per Kafka partition).
 */
public final class EventTimeWatermarks<T> implements WatermarkGenerator<T> {
  static final long STEP_MILLIS = 1000;

  private final long outOfOrdernessMillis;
  private long maxTime = Long.MIN_VALUE;
  private long emitted = Long.MIN_VALUE;

  /**
   * @param outOfOrderness how far behind the newest event time an event may be and still count
   */
  public EventTimeWatermarks(Duration outOfOrderness) {
    this.outOfOrdernessMillis = outOfOrderness.toMillis();
  }

  @Override
  public void onEvent(T event, long timestamp, WatermarkOutput output) {
    if (timestamp <= maxTime) return;
    maxTime = timestamp;
    long wm = Math.floorDiv(maxTime - outOfOrdernessMillis, STEP_MILLIS) * STEP_MILLIS - 1;
    if (wm > emitted) {
      emitted = wm;
      output.emitWatermark(new Watermark(wm));
    }
  }

  @Override
  public void onPeriodicEmit(WatermarkOutput output) {
    // nothing: watermarks come with the data
  }
}
