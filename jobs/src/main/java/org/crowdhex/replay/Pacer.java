package org.crowdhex.replay;

/**
 * Holds each record back until its moment: the first timed record goes at once, and a record whose
 * event time is {@code t} goes when the clock has advanced {@code (t - first) / speed} since then.
 * A record older than one already sent (recordings are in arrival order, so a post that reached the
 * platform late comes after newer ones) goes at once, where it stands: pacing never reorders.
 */
public final class Pacer {
  private final ReplayClock clock;
  private final Speed speed;
  private boolean started;
  private long firstEventMillis;
  private long startNanos;

  public Pacer(ReplayClock clock, Speed speed) {
    this.clock = clock;
    this.speed = speed;
  }

  /**
   * Waits until a record of this event time is due.
   *
   * @param eventMillis epoch milliseconds, or {@link Long#MIN_VALUE} for a record without a time
   *     (sent at once)
   */
  public void await(long eventMillis) throws InterruptedException {
    if (speed.unpaced() || eventMillis == Long.MIN_VALUE) return;
    if (!started) {
      started = true;
      firstEventMillis = eventMillis;
      startNanos = clock.nanoTime();
      return;
    }
    if (eventMillis <= firstEventMillis) return;
    long due = startNanos + speed.wallNanos(eventMillis - firstEventMillis);
    long wait = due - clock.nanoTime();
    if (wait > 0) clock.sleepNanos(wait);
  }
}
