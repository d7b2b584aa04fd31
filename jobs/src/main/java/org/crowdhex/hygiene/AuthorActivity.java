package org.crowdhex.hygiene;

import java.util.Arrays;

/**
 * The recent counted posts of one author (pseudonym): their cells and times, in time order. The
 * state a keyed operator holds per author to apply the {@link HygieneRules}; a public mutable POJO
 * (public no-argument constructor and fields) so Flink keeps it with its POJO serializer.
 *
 * <p>Bounded: posts older than the author's newest by more than {@link HygieneRules#memoryMillis()}
 * are forgotten, and the cap admits at most {@code postCap} posts per window length, so the arrays
 * hold a few times {@code postCap} entries at most. Once event time passes {@link
 * #expiresAt(HygieneRules)} the whole state can be dropped.
 */
public class AuthorActivity {
  /** Times of the remembered counted posts, epoch ms, ascending. Null until the first post. */
  public long[] times;

  /** Cells of the remembered counted posts, parallel to {@link #times}. */
  public long[] cells;

  /** How many posts are remembered. */
  public int size;

  /** The newest time seen of this author (counted or not), epoch ms. */
  public long newest = Long.MIN_VALUE;

  public AuthorActivity() {}

  /**
   * Judges a post of this author and, when it counts, remembers it.
   *
   * @param cell the post's H3 cell
   * @param timeMillis the post's event time, epoch ms
   */
  public PostVerdict admit(long cell, long timeMillis, HygieneRules rules) {
    if (timeMillis > newest) newest = timeMillis;
    forgetBefore(newest - rules.memoryMillis());
    long duplicate = rules.duplicateWindow().toMillis();
    long window = rules.capWindow().toMillis();
    int near = 0;
    for (int i = 0; i < size; i++) {
      long dt = Math.abs(times[i] - timeMillis);
      if (cells[i] == cell && (dt < duplicate || dt == 0)) return PostVerdict.DUPLICATE;
      if (dt < window) near++;
    }
    // Every window of one length that holds this post lies within (t - window, t + window).
    if (near >= rules.postCap()) return PostVerdict.OVER_CAP;
    remember(cell, timeMillis);
    return PostVerdict.COUNTED;
  }

  /**
   * The event time after which nothing of this state matters any more, epoch ms: a keyed operator
   * registers a timer there and clears the state if no newer post came meanwhile.
   */
  public long expiresAt(HygieneRules rules) {
    return newest == Long.MIN_VALUE ? Long.MIN_VALUE : newest + rules.memoryMillis();
  }

  /** Whether nothing is remembered. */
  public boolean isEmpty() {
    return size == 0;
  }

  private void remember(long cell, long timeMillis) {
    if (times == null) {
      times = new long[4];
      cells = new long[4];
    } else if (size == times.length) {
      times = Arrays.copyOf(times, size * 2);
      cells = Arrays.copyOf(cells, size * 2);
    }
    int at = size;
    while (at > 0 && times[at - 1] > timeMillis) at--; // late posts are rare and go near the end
    System.arraycopy(times, at, times, at + 1, size - at);
    System.arraycopy(cells, at, cells, at + 1, size - at);
    times[at] = timeMillis;
    cells[at] = cell;
    size++;
  }

  private void forgetBefore(long horizon) {
    int drop = 0;
    while (drop < size && times[drop] < horizon) drop++;
    if (drop == 0) return;
    System.arraycopy(times, drop, times, 0, size - drop);
    System.arraycopy(cells, drop, cells, 0, size - drop);
    size -= drop;
  }

  @Override
  public String toString() {
    return "AuthorActivity[" + size + " recent posts, newest " + newest + "]";
  }
}
