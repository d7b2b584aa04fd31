package org.crowdhex.replay;

import java.util.Locale;

/**
 * How much faster than event time a replay runs: {@code 60} plays an hour of posts in a minute,
 * {@code 1} in real time, {@link #MAX} as fast as the target takes them.
 *
 * @param factor event-time milliseconds per wall-clock millisecond; infinite for no pacing
 */
public record Speed(double factor) {
  /** No pacing at all. */
  public static final Speed MAX = new Speed(Double.POSITIVE_INFINITY);

  /** Real time. */
  public static final Speed REAL_TIME = new Speed(1);

  public static final String ACCEPTED = "a number above 0 such as 1, 60 or 0.5, or max";

  public Speed {
    if (!(factor > 0) || Double.isNaN(factor)) {
      throw new IllegalArgumentException("a speed-up of " + factor + "; accepted: " + ACCEPTED);
    }
  }

  /**
   * Reads {@code max} or a positive number (a trailing {@code x}, as in {@code 60x}, is allowed).
   *
   * @throws IllegalArgumentException naming the text and what is accepted
   */
  public static Speed parse(String text) {
    String t = text.trim().toLowerCase(Locale.ROOT);
    if (t.equals("max")) return MAX;
    if (t.endsWith("x")) t = t.substring(0, t.length() - 1);
    double f;
    try {
      f = Double.parseDouble(t);
    } catch (NumberFormatException e) {
      f = Double.NaN;
    }
    if (!(f > 0) || Double.isInfinite(f)) {
      throw new IllegalArgumentException("--speed is \"" + text + "\"; accepted: " + ACCEPTED);
    }
    return new Speed(f);
  }

  /** Whether the replay runs unpaced. */
  public boolean unpaced() {
    return Double.isInfinite(factor);
  }

  /** Wall-clock nanoseconds for a span of event time. */
  long wallNanos(long eventMillis) {
    return unpaced() ? 0 : (long) (eventMillis * 1_000_000.0 / factor);
  }

  /** {@code max} or the factor as written, e.g. {@code 60x}. */
  @Override
  public String toString() {
    if (unpaced()) return "max";
    return (factor == Math.rint(factor) ? Long.toString((long) factor) : Double.toString(factor))
        + "x";
  }
}
