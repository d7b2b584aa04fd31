package org.crowdhex.job;

import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.crowdhex.density.LatePost;
import org.crowdhex.locate.LocatedPost;

/** Counts posts that came too late for every window and keeps them for the late output. */
final class LateArrivals extends ProcessFunction<LocatedPost, LatePost> {
  private transient LongCounter late;

  @Override
  public void open(OpenContext context) {
    late = getRuntimeContext().getLongCounter(RunCounters.LATE);
  }

  @Override
  public void processElement(LocatedPost post, Context ctx, Collector<LatePost> out) {
    late.add(1L);
    out.collect(
        new LatePost(post.cell(), post.timeMillis(), ctx.timerService().currentWatermark()));
  }
}
