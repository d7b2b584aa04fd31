package org.crowdhex.job;

import java.io.IOException;
import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.functions.AggregateFunction;
import org.apache.flink.api.common.functions.FlatMapFunction;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.streaming.api.functions.windowing.ProcessWindowFunction;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;
import org.apache.flink.util.Collector;
import org.crowdhex.disclosure.MinimumCrowd;
import org.crowdhex.flow.EdgeMove;
import org.crowdhex.flow.FlowEdge;
import org.crowdhex.flow.FlowTally;
import org.crowdhex.flow.FlowWindow;
import org.crowdhex.flow.FlowZones;
import org.crowdhex.flow.Move;
import org.crowdhex.flow.ZoneCrossing;
import org.crowdhex.flow.ZoneFlowWindow;
import org.crowdhex.flow.ZoneMove;
import org.crowdhex.flow.ZoneTally;

/**
 * The functions of the flows stage: moves fanned out to the flow edges and zones they count for,
 * incremental tallies of distinct authors per edge (or zone) and window, and the functions that
 * publish them with a revision number, as the density stage does ({@link CountWindows}), holding
 * back every figure of fewer distinct authors than the minimum crowd.
 */
final class CountFlows {
  private CountFlows() {}

  /** A move to each flow edge it counts for (none within one zone). */
  static final class ToEdges implements FlatMapFunction<Move, EdgeMove> {
    private final FlowZones zones;

    ToEdges(FlowZones zones) {
      this.zones = zones;
    }

    @Override
    public void flatMap(Move m, Collector<EdgeMove> out) {
      for (FlowEdge e : zones.edges(m)) {
        out.collect(new EdgeMove(e.origin(), e.destination(), m.author()));
      }
    }
  }

  /** A move to each zone it left or entered. */
  static final class ToZones implements FlatMapFunction<Move, ZoneMove> {
    private final FlowZones zones;

    ToZones(FlowZones zones) {
      this.zones = zones;
    }

    @Override
    public void flatMap(Move m, Collector<ZoneMove> out) {
      for (ZoneCrossing c : zones.crossings(m)) {
        out.collect(new ZoneMove(c.zone(), c.direction(), m.author()));
      }
    }
  }

  static final class EdgeTallies implements AggregateFunction<EdgeMove, FlowTally, FlowTally> {
    @Override
    public FlowTally createAccumulator() {
      return new FlowTally();
    }

    @Override
    public FlowTally add(EdgeMove m, FlowTally tally) {
      return tally.add(m.author());
    }

    @Override
    public FlowTally getResult(FlowTally tally) {
      return tally;
    }

    @Override
    public FlowTally merge(FlowTally a, FlowTally b) {
      return a.merge(b);
    }
  }

  static final class ZoneTallies implements AggregateFunction<ZoneMove, ZoneTally, ZoneTally> {
    @Override
    public ZoneTally createAccumulator() {
      return new ZoneTally();
    }

    @Override
    public ZoneTally add(ZoneMove m, ZoneTally tally) {
      return tally.add(m.direction(), m.author());
    }

    @Override
    public ZoneTally getResult(ZoneTally tally) {
      return tally;
    }

    @Override
    public ZoneTally merge(ZoneTally a, ZoneTally b) {
      return a.merge(b);
    }
  }

  /** Publishes an edge's window when at least the minimum crowd moved along it. */
  static final class PublishEdges
      extends ProcessWindowFunction<FlowTally, FlowWindow, FlowEdge, TimeWindow> {
    private final MinimumCrowd crowd;
    private transient LongCounter published;

    PublishEdges(MinimumCrowd crowd) {
      this.crowd = crowd;
    }

    @Override
    public void open(OpenContext context) {
      published = getRuntimeContext().getLongCounter(RunCounters.FLOW_WINDOWS);
    }

    @Override
    public void process(
        FlowEdge edge, Context ctx, Iterable<FlowTally> tallies, Collector<FlowWindow> out)
        throws IOException {
      FlowWindow w =
          tallies
              .iterator()
              .next()
              .toWindow(
                  edge,
                  ctx.window().getStart(),
                  ctx.window().getEnd(),
                  CountWindows.nextRevision(ctx));
      if (w.publishable(crowd.k())) {
        published.add(1L);
        out.collect(w);
      }
    }

    @Override
    public void clear(Context ctx) {
      ctx.windowState().getState(CountWindows.REVISION).clear();
    }
  }

  /** Publishes a zone's inflow and outflow, each figure only when it reaches the minimum crowd. */
  static final class PublishZones
      extends ProcessWindowFunction<ZoneTally, ZoneFlowWindow, String, TimeWindow> {
    private final MinimumCrowd crowd;

    PublishZones(MinimumCrowd crowd) {
      this.crowd = crowd;
    }

    @Override
    public void process(
        String zone, Context ctx, Iterable<ZoneTally> tallies, Collector<ZoneFlowWindow> out)
        throws IOException {
      ZoneFlowWindow w =
          tallies
              .iterator()
              .next()
              .toWindow(
                  zone,
                  ctx.window().getStart(),
                  ctx.window().getEnd(),
                  CountWindows.nextRevision(ctx))
              .disclosed(crowd.k());
      if (w != null) out.collect(w);
    }

    @Override
    public void clear(Context ctx) {
      ctx.windowState().getState(CountWindows.REVISION).clear();
    }
  }
}
