package org.crowdhex.privacy;

/**
 * A span of event time during which an author keeps one pseudonym. Pseudonyms of different periods
 * cannot be linked to each other, so flows and distinct counts never reach across a period's end.
 *
 * @param id names the period, e.g. {@code day:2026-04-19} or {@code event:Match day}; the period's
 *     key is derived from it
 * @param startMillis first instant of the period, epoch ms
 * @param endMillis first instant after the period, epoch ms (exclusive)
 */
public record KeyPeriod(String id, long startMillis, long endMillis) {
  public KeyPeriod {
    if (id == null || id.isBlank()) {
      throw new IllegalArgumentException("a key period needs an id");
    }
    if (endMillis <= startMillis) {
      throw new IllegalArgumentException(
          "key period " + id + " ends at " + endMillis + ", not after its start " + startMillis);
    }
  }

  /** Whether the instant (epoch ms) falls in the period. */
  public boolean contains(long timeMillis) {
    return timeMillis >= startMillis && timeMillis < endMillis;
  }
}
