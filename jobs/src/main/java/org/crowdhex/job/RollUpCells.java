package org.crowdhex.job;

import com.uber.h3core.AreaUnit;
import com.uber.h3core.H3Core;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.TreeSet;
import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.functions.AggregateFunction;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.streaming.api.functions.windowing.ProcessWindowFunction;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;
import org.apache.flink.util.Collector;
import org.crowdhex.density.CellWindow;
import org.crowdhex.disclosure.CellDisclosure;
import org.crowdhex.disclosure.FamilyTally;
import org.crowdhex.disclosure.MinimumCrowd;
import org.crowdhex.disclosure.PublishedCell;
import org.crowdhex.locate.LocatedPost;
import org.crowdhex.venue.VenueIndex;

/**
 * The published cells: windows keyed by H3 parent cell, whose children are published through the
 * minimum crowd ({@link MinimumCrowd#rollUpFamily}): a child with k or more distinct authors as it
 * is, the smaller ones merged into the parent when together they reach k, else held back. Each
 * firing of a family's window publishes all of the family's records with the window's next
 * revision.
 */
final class RollUpCells {
  private RollUpCells() {}

  /** The parent of a post's cell, one resolution up. */
  static final class ParentCell implements KeySelector<LocatedPost, Long> {
    private final int resolution;
    private transient H3Core h3;

    ParentCell(int resolution) {
      this.resolution = resolution;
    }

    @Override
    public Long getKey(LocatedPost p) {
      if (h3 == null) h3 = RollUpCells.h3();
      return h3.cellToParent(p.cell(), resolution - 1);
    }
  }

  static final class FamilyTallies
      implements AggregateFunction<LocatedPost, FamilyTally, FamilyTally> {
    @Override
    public FamilyTally createAccumulator() {
      return new FamilyTally();
    }

    @Override
    public FamilyTally add(LocatedPost post, FamilyTally tally) {
      return tally.add(post);
    }

    @Override
    public FamilyTally getResult(FamilyTally tally) {
      return tally;
    }

    @Override
    public FamilyTally merge(FamilyTally a, FamilyTally b) {
      return a.merge(b);
    }
  }

  static final class PublishFamilies
      extends ProcessWindowFunction<FamilyTally, CellWindow, Long, TimeWindow> {
    private final MinimumCrowd crowd;
    private final VenueIndex index;
    private transient H3Core h3;
    private transient LongCounter published;
    private transient LongCounter rolledUp;
    private transient LongCounter suppressed;

    PublishFamilies(MinimumCrowd crowd, VenueIndex index) {
      this.crowd = crowd;
      this.index = index;
    }

    @Override
    public void open(OpenContext context) {
      h3 = RollUpCells.h3();
      published = getRuntimeContext().getLongCounter(RunCounters.CELL_WINDOWS);
      rolledUp = getRuntimeContext().getLongCounter(RunCounters.CELLS_ROLLED_UP);
      suppressed = getRuntimeContext().getLongCounter(RunCounters.CELLS_SUPPRESSED);
    }

    @Override
    public void process(
        Long parent, Context ctx, Iterable<FamilyTally> tallies, Collector<CellWindow> out)
        throws IOException {
      CellDisclosure d = crowd.rollUpFamily(parent, tallies.iterator().next().children());
      int revision = CountWindows.nextRevision(ctx);
      rolledUp.add((long) d.rolledUp());
      suppressed.add((long) d.suppressed());
      for (PublishedCell c : d.published()) {
        TreeSet<String> venues = new TreeSet<>();
        for (long member : c.members()) venues.addAll(List.of(index.venuesOf(member)));
        published.add(1L);
        out.collect(
            new CellWindow(
                c.cell(),
                ctx.window().getStart(),
                ctx.window().getEnd(),
                c.posts(),
                c.authors(),
                c.authors() / h3.cellArea(c.cell(), AreaUnit.km2),
                c.rolledUp() ? List.copyOf(venues) : List.of(index.venuesOf(c.cell())),
                revision,
                c.rolledUp()));
      }
    }

    @Override
    public void clear(Context ctx) {
      ctx.windowState().getState(CountWindows.REVISION).clear();
    }
  }

  private static H3Core h3() {
    try {
      return H3Core.newInstance();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot load the H3 native library", e);
    }
  }
}
