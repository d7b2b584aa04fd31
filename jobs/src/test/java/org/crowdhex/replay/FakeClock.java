package org.crowdhex.replay;

import java.util.ArrayList;
import java.util.List;

/** A clock that moves only when slept on, or when a test moves it; it notes every sleep. */
final class FakeClock implements ReplayClock {
  long now = 1_000_000_000L;
  final List<Long> sleeps = new ArrayList<>();

  @Override
  public long nanoTime() {
    return now;
  }

  @Override
  public void sleepNanos(long nanos) {
    if (nanos <= 0) throw new AssertionError("asked to sleep " + nanos + " ns");
    sleeps.add(nanos);
    now += nanos;
  }
}
