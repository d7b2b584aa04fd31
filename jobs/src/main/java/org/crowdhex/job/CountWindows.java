package org.crowdhex.job;

import com.uber.h3core.AreaUnit;
import com.uber.h3core.H3Core;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.functions.AggregateFunction;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.streaming.api.functions.windowing.ProcessWindowFunction;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;
import org.apache.flink.util.Collector;
import org.crowdhex.density.CellWindow;
import org.crowdhex.density.Tally;
import org.crowdhex.density.VenuePost;
import org.crowdhex.density.VenueTally;
import org.crowdhex.density.VenueWindow;
import org.crowdhex.disclosure.MinimumCrowd;
import org.crowdhex.locate.LocatedPost;
import org.crowdhex.venue.VenueIndex;

/**
 * The window functions of the density stage: incremental tallies (one small state per key and
 * window, never the posts themselves) and the functions that publish them with a revision number. A
 * window's first firing is revision 0; each firing caused by a late post within the allowed
 * lateness publishes the window again with the next revision.
 */
final class CountWindows {
  private CountWindows() {}

  static final class CellTallies implements AggregateFunction<LocatedPost, Tally, Tally> {
    @Override
    public Tally createAccumulator() {
      return new Tally();
    }

    @Override
    public Tally add(LocatedPost post, Tally tally) {
      return tally.add(post);
    }

    @Override
    public Tally getResult(Tally tally) {
      return tally;
    }

    @Override
    public Tally merge(Tally a, Tally b) {
      return a.merge(b);
    }
  }

  static final class VenueTallies implements AggregateFunction<VenuePost, VenueTally, VenueTally> {
    @Override
    public VenueTally createAccumulator() {
      return new VenueTally();
    }

    @Override
    public VenueTally add(VenuePost post, VenueTally tally) {
      return tally.add(post);
    }

    @Override
    public VenueTally getResult(VenueTally tally) {
      return tally;
    }

    @Override
    public VenueTally merge(VenueTally a, VenueTally b) {
      return a.merge(b);
    }
  }

  static final ValueStateDescriptor<Integer> REVISION =
      new ValueStateDescriptor<>("revision", Integer.class);

  /** The next revision of this window, remembered in per-window state. */
  static int nextRevision(ProcessWindowFunction<?, ?, ?, ?>.Context ctx) throws IOException {
    ValueState<Integer> state = ctx.windowState().getState(REVISION);
    Integer previous = state.value();
    int revision = previous == null ? 0 : previous + 1;
    state.update(revision);
    return revision;
  }

  static final class PublishCells
      extends ProcessWindowFunction<Tally, CellWindow, Long, TimeWindow> {
    private final VenueIndex index;
    private final boolean published;
    private transient H3Core h3;
    private transient LongCounter counter;

    /**
     * @param published whether these records are the published ones (counted in the summary), or
     *     the raw counts that only detection sees
     */
    PublishCells(VenueIndex index, boolean published) {
      this.index = index;
      this.published = published;
    }

    @Override
    public void open(OpenContext context) {
      try {
        h3 = H3Core.newInstance();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot load the H3 native library", e);
      }
      counter = new LongCounter();
      if (published) counter = getRuntimeContext().getLongCounter(RunCounters.CELL_WINDOWS);
    }

    @Override
    public void process(Long cell, Context ctx, Iterable<Tally> tallies, Collector<CellWindow> out)
        throws IOException {
      Tally t = tallies.iterator().next();
      int authors = t.distinctAuthors();
      double area = h3.cellArea(cell, AreaUnit.km2);
      counter.add(1L);
      out.collect(
          new CellWindow(
              cell,
              ctx.window().getStart(),
              ctx.window().getEnd(),
              t.posts,
              authors,
              authors / area,
              List.of(index.venuesOf(cell)),
              nextRevision(ctx)));
    }

    @Override
    public void clear(Context ctx) {
      ctx.windowState().getState(REVISION).clear();
    }
  }

  /** Publishes a venue's window when at least the minimum crowd was in its zone. */
  static final class PublishVenues
      extends ProcessWindowFunction<VenueTally, VenueWindow, String, TimeWindow> {
    private final VenueIndex index;
    private final MinimumCrowd crowd;
    private transient LongCounter published;

    PublishVenues(VenueIndex index, MinimumCrowd crowd) {
      this.index = index;
      this.crowd = crowd;
    }

    @Override
    public void open(OpenContext context) {
      published = getRuntimeContext().getLongCounter(RunCounters.VENUE_WINDOWS);
    }

    @Override
    public void process(
        String venue, Context ctx, Iterable<VenueTally> tallies, Collector<VenueWindow> out)
        throws IOException {
      VenueTally t = tallies.iterator().next();
      double area = index.areaKm2(venue);
      int revision = nextRevision(ctx);
      if (!crowd.publishable(t.authors.size())) return;
      published.add(1L);
      out.collect(
          new VenueWindow(
              venue,
              ctx.window().getStart(),
              ctx.window().getEnd(),
              t.posts,
              t.authors.size(),
              t.cells.size(),
              area,
              t.authors.size() / area,
              revision));
    }

    @Override
    public void clear(Context ctx) {
      ctx.windowState().getState(REVISION).clear();
    }
  }
}
