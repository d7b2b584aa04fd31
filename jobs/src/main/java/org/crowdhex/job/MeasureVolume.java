package org.crowdhex.job;

import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.crowdhex.baseline.Baseline;
import org.crowdhex.baseline.PlatformVolume;
import org.crowdhex.density.VenueCellCount;
import org.crowdhex.density.VolumeRatio;
import org.crowdhex.plan.Schedule;
import org.crowdhex.venue.VenueIndex;

/**
 * The platform's volume per window (keyed by window start): when the event time passes a window's
 * end it has every venue's counts of that window, sums them per venue, compares each sum with the
 * baseline's (times the schedule's multiple) and sends the median ratio ({@link PlatformVolume}) to
 * every venue's detector, before the watermark that makes the detectors scan the window.
 */
final class MeasureVolume extends KeyedProcessFunction<Long, VenueCellCount, VolumeRatio> {
  private final Baseline baseline;
  private final Schedule schedule;
  private final VenueIndex index;
  private final long size;
  private transient MapState<String, Long> observed;
  private transient List<String> venues;

  MeasureVolume(Baseline baseline, Schedule schedule, VenueIndex index, long size) {
    this.baseline = baseline;
    this.schedule = schedule;
    this.index = index;
    this.size = size;
  }

  @Override
  public void open(OpenContext context) {
    observed =
        getRuntimeContext()
            .getMapState(new MapStateDescriptor<>("venue-authors", String.class, Long.class));
    venues = List.copyOf(index.venueIds());
  }

  @Override
  public void processElement(VenueCellCount c, Context ctx, Collector<VolumeRatio> out)
      throws Exception {
    Long sum = observed.get(c.venue());
    observed.put(c.venue(), (sum == null ? 0 : sum) + c.authors());
    ctx.timerService().registerEventTimeTimer(c.windowEnd() - 1);
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<VolumeRatio> out)
      throws Exception {
    long windowEnd = timestamp + 1;
    long windowStart = windowEnd - size;
    double[] seen = new double[venues.size()];
    double[] expected = new double[venues.size()];
    for (int v = 0; v < venues.size(); v++) {
      String venue = venues.get(v);
      Long sum = observed.get(venue);
      seen[v] = sum == null ? 0 : sum;
      double multiplier = schedule.multiplier(venue, windowEnd);
      for (long cell : index.cellsOf(venue)) {
        expected[v] += baseline.expectedAt(cell, windowStart) * multiplier;
      }
    }
    observed.clear();
    double ratio = PlatformVolume.ratio(seen, expected);
    for (String venue : venues) out.collect(new VolumeRatio(venue, windowStart, ratio));
  }
}
