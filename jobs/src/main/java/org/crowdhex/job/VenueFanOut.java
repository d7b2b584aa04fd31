package org.crowdhex.job;

import org.apache.flink.api.common.functions.FlatMapFunction;
import org.apache.flink.util.Collector;
import org.crowdhex.density.VenuePost;
import org.crowdhex.locate.LocatedPost;
import org.crowdhex.venue.VenueIndex;

/** Sends a located post to every venue whose zone holds its cell, for the venue totals. */
final class VenueFanOut implements FlatMapFunction<LocatedPost, VenuePost> {
  private final VenueIndex index;

  VenueFanOut(VenueIndex index) {
    this.index = index;
  }

  @Override
  public void flatMap(LocatedPost p, Collector<VenuePost> out) {
    for (String venue : index.venuesOf(p.cell())) {
      out.collect(new VenuePost(venue, p.cell(), p.authorKey(), p.timeMillis()));
    }
  }
}
