package org.crowdhex.job;

import org.apache.flink.api.common.functions.FlatMapFunction;
import org.apache.flink.util.Collector;
import org.crowdhex.alert.AlertRecord;
import org.crowdhex.disclosure.MinimumCrowd;

/**
 * The public form of alerts: a record of an alert is published only when both its figures and its
 * peak figures stand for at least the minimum crowd of distinct authors. The detector scans every
 * count, however small, but an alert around fewer than k authors never leaves the job, and neither
 * does a record whose own window has shrunk below k (so the record closing such an alert is held
 * back too: it repeats the figures of the last window in which the alert held). A published record
 * says how many are present ({@code present}, {@code peak_present}) only where that, too, reaches
 * k; else the figure is null.
 */
public final class PublicAlerts implements FlatMapFunction<AlertRecord, AlertRecord> {
  private final MinimumCrowd crowd;

  public PublicAlerts(MinimumCrowd crowd) {
    this.crowd = crowd;
  }

  /** Whether the record may be published at all. */
  public boolean publishes(AlertRecord a) {
    return a.observed() >= crowd.k() && a.peakObserved() >= crowd.k();
  }

  @Override
  public void flatMap(AlertRecord a, Collector<AlertRecord> out) {
    if (publishes(a)) out.collect(a.withPresentOfAtLeast(crowd.k()));
  }
}
