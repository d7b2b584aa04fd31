package org.crowdhex.replay;

/**
 * The clock a replay is paced by: the system's in a real replay, a fake one in tests, so pacing is
 * checked without waiting.
 */
public interface ReplayClock {
  /** A monotonic time in nanoseconds (only differences count). */
  long nanoTime();

  /** Waits the given number of nanoseconds (above 0). */
  void sleepNanos(long nanos) throws InterruptedException;

  /** The system's monotonic clock and {@link Thread#sleep}. */
  ReplayClock SYSTEM =
      new ReplayClock() {
        @Override
        public long nanoTime() {
          return System.nanoTime();
        }

        @Override
        public void sleepNanos(long nanos) throws InterruptedException {
          Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
        }
      };
}
