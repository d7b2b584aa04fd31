package org.crowdhex.flow;

import java.util.Objects;

/**
 * Finds the moves in the posts of one author, one post at a time: the logic of the keyed operator
 * that holds each pseudonym's last {@link Sighting}. It holds no state itself; each {@link #track}
 * takes the state and returns the next, so the operator keeps the state in a {@code ValueState}.
 *
 * <p>The state is the author's latest post: after a move, after a rule is broken, or after a first
 * post alike, so moves join consecutive posts. A post older than the state (it arrived out of
 * order) is judged {@link MoveVerdict#OUT_OF_ORDER} and leaves the state alone.
 *
 * <p><b>Time to live.</b> Nothing older than {@code max_gap} can start a move, so the state of an
 * author expires at {@link #expiresAt(Sighting)}: the operator registers an event-time timer there
 * (plus the allowed lateness, so late posts still find it) and clears the state when it fires and
 * no newer post replaced it. State thus holds only the authors seen in the last {@code max_gap}.
 */
public final class MoveTracker {
  private final MoveRules rules;
  private final long ttl;

  public MoveTracker(MoveRules rules) {
    this.rules = Objects.requireNonNull(rules, "rules");
    this.ttl = rules.settings().maxGap().toMillis();
  }

  /**
   * The outcome of one post: the state to keep, the verdict, and the move when there is one.
   *
   * @param state the author's sighting to keep from now on
   * @param verdict the move or the broken rule
   * @param move the move, or null unless the verdict is {@link MoveVerdict#MOVE}
   */
  public record Step(Sighting state, MoveVerdict verdict, Move move) {}

  /**
   * Judges one post of an author against the author's state.
   *
   * @param last the author's state, or null for none (never seen, or expired and cleared)
   * @param author the author's pseudonym
   * @param cell the post's H3 cell
   * @param timeMillis the post's event time, epoch ms
   */
  public Step track(Sighting last, long author, long cell, long timeMillis) {
    Sighting now = new Sighting(cell, timeMillis);
    if (last == null) return new Step(now, MoveVerdict.FIRST, null);
    MoveVerdict verdict = rules.judge(last, now);
    if (verdict == MoveVerdict.OUT_OF_ORDER) return new Step(last, verdict, null);
    if (verdict != MoveVerdict.MOVE) return new Step(now, verdict, null);
    Move move = new Move(author, last.cell(), cell, last.timeMillis(), timeMillis);
    return new Step(now, verdict, move);
  }

  /** The event time after which the sighting can start no move, epoch ms. */
  public long expiresAt(Sighting s) {
    return s.timeMillis() + ttl;
  }

  /** Whether the sighting has expired once event time reaches {@code nowMillis}. */
  public boolean isExpired(Sighting s, long nowMillis) {
    return nowMillis > expiresAt(s);
  }
}
