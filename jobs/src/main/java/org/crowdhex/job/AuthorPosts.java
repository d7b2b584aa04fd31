package org.crowdhex.job;

import com.uber.h3core.H3Core;
import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.crowdhex.flow.FlowSettings;
import org.crowdhex.flow.Move;
import org.crowdhex.flow.MoveRules;
import org.crowdhex.flow.MoveTracker;
import org.crowdhex.flow.Sighting;
import org.crowdhex.hygiene.AuthorActivity;
import org.crowdhex.hygiene.HygieneRules;
import org.crowdhex.hygiene.PostVerdict;
import org.crowdhex.locate.LocatedPost;

/**
 * The located posts of one author (keyed by pseudonym), in two steps:
 *
 * <ol>
 *   <li><b>hygiene</b> ({@link HygieneRules}): duplicates and posts over the per-author cap are
 *       counted and dropped; only counted posts go on to the windows;
 *   <li><b>moves</b> ({@link MoveTracker}): each counted post is judged against the author's
 *       previous one, and a move goes to the {@link #MOVES} side output, timestamped with its
 *       destination time.
 * </ol>
 *
 * <p>Both states expire: each has an event-time timer at the time after which it can no longer
 * matter (the hygiene memory past the author's newest post; {@code max_gap} plus the lateness past
 * the last sighting), moved forward as posts come and cleared when it fires, so state holds only
 * the authors of the recent past. The timers of a state that is replaced are deleted.
 */
final class AuthorPosts extends KeyedProcessFunction<Long, LocatedPost, LocatedPost> {
  static final OutputTag<Move> MOVES = new OutputTag<>("moves") {};

  private final HygieneRules hygiene;
  private final FlowSettings flows;
  private final long latenessMillis;
  private transient MoveTracker tracker;
  private transient ValueState<AuthorActivity> activity;
  private transient ValueState<Sighting> sighting;
  private transient LongCounter duplicates;
  private transient LongCounter overCap;
  private transient LongCounter moves;

  /**
   * @param lateness how far behind the newest post another may still arrive and count (the plan's
   *     out-of-orderness plus allowed lateness): how long past its time to live a sighting is kept
   */
  AuthorPosts(HygieneRules hygiene, FlowSettings flows, java.time.Duration lateness) {
    this.hygiene = hygiene;
    this.flows = flows;
    this.latenessMillis = lateness.toMillis();
  }

  @Override
  public void open(OpenContext context) throws Exception {
    tracker = new MoveTracker(new MoveRules(flows, H3Core.newInstance()));
    var rc = getRuntimeContext();
    activity =
        rc.getState(
            new ValueStateDescriptor<>("activity", TypeInformation.of(AuthorActivity.class)));
    sighting =
        rc.getState(new ValueStateDescriptor<>("sighting", TypeInformation.of(Sighting.class)));
    duplicates = rc.getLongCounter(RunCounters.DUPLICATES);
    overCap = rc.getLongCounter(RunCounters.OVER_CAP);
    moves = rc.getLongCounter(RunCounters.MOVES);
  }

  @Override
  public void processElement(LocatedPost post, Context ctx, Collector<LocatedPost> out)
      throws Exception {
    AuthorActivity a = activity.value();
    if (a == null) a = new AuthorActivity();
    long before = a.expiresAt(hygiene);
    PostVerdict verdict = a.admit(post.cell(), post.timeMillis(), hygiene);
    activity.update(a);
    Sighting last = sighting.value();
    reschedule(ctx, before, a.expiresAt(hygiene), expiresAt(last));
    if (verdict == PostVerdict.DUPLICATE) {
      duplicates.add(1L);
      return;
    }
    if (verdict == PostVerdict.OVER_CAP) {
      overCap.add(1L);
      return;
    }
    out.collect(post);

    MoveTracker.Step step = tracker.track(last, post.authorKey(), post.cell(), post.timeMillis());
    if (step.state() != last) {
      sighting.update(step.state());
      reschedule(ctx, expiresAt(last), expiresAt(step.state()), a.expiresAt(hygiene));
    }
    if (step.move() != null) {
      moves.add(1L);
      ctx.output(MOVES, step.move());
    }
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<LocatedPost> out)
      throws Exception {
    AuthorActivity a = activity.value();
    if (a != null && a.expiresAt(hygiene) <= timestamp) activity.clear();
    Sighting s = sighting.value();
    if (s != null && expiresAt(s) <= timestamp) sighting.clear();
  }

  /** When the sighting can start no move, even with a late post; MIN_VALUE for none. */
  private long expiresAt(Sighting s) {
    return s == null ? Long.MIN_VALUE : tracker.expiresAt(s) + latenessMillis;
  }

  /**
   * Moves one state's timer from {@code before} to {@code after}, leaving alone a timer the other
   * state shares ({@code other}).
   */
  private static void reschedule(Context ctx, long before, long after, long other) {
    if (before == after) return;
    if (before != Long.MIN_VALUE && before != other) {
      ctx.timerService().deleteEventTimeTimer(before);
    }
    if (after != Long.MIN_VALUE) ctx.timerService().registerEventTimeTimer(after);
  }
}
