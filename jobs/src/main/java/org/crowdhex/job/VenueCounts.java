package org.crowdhex.job;

import org.apache.flink.api.common.functions.FlatMapFunction;
import org.apache.flink.util.Collector;
import org.crowdhex.density.CellWindow;
import org.crowdhex.density.VenueCellCount;

/** Sends each cell's first publication of a window to the detectors of its venues. */
final class VenueCounts implements FlatMapFunction<CellWindow, VenueCellCount> {
  @Override
  public void flatMap(CellWindow c, Collector<VenueCellCount> out) {
    if (c.revision() != 0) return; // the detector scans each window once
    for (String venue : c.venues()) {
      out.collect(new VenueCellCount(venue, c.cell(), c.windowStart(), c.windowEnd(), c.authors()));
    }
  }
}
