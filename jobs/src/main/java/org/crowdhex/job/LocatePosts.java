package org.crowdhex.job;

import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichFlatMapFunction;
import org.apache.flink.util.Collector;
import org.crowdhex.locate.LocatedPost;
import org.crowdhex.locate.Locator;
import org.crowdhex.privacy.PseudonymousPost;
import org.crowdhex.venue.VenueIndex;

/** Puts each post on its H3 cell; posts outside every venue zone are counted and dropped. */
final class LocatePosts extends RichFlatMapFunction<PseudonymousPost, LocatedPost> {
  private final int resolution;
  private final VenueIndex index;
  private transient Locator locator;
  private transient LongCounter outside;

  LocatePosts(int resolution, VenueIndex index) {
    this.resolution = resolution;
    this.index = index;
  }

  @Override
  public void open(OpenContext context) {
    locator = Locator.create(resolution, index); // one H3 facade per task
    outside = getRuntimeContext().getLongCounter(RunCounters.OUTSIDE_ZONES);
  }

  @Override
  public void flatMap(PseudonymousPost post, Collector<LocatedPost> out) {
    LocatedPost located = locator.locate(post);
    if (located == null) outside.add(1L);
    else out.collect(located);
  }
}
