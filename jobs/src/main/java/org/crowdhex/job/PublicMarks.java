package org.crowdhex.job;

import org.apache.flink.api.common.functions.MapFunction;
import org.crowdhex.alert.OpenAlert;
import org.crowdhex.disclosure.MinimumCrowd;
import org.crowdhex.tileset.VenueMarks;

/**
 * The public form of the detector's marks, by the rule of {@link PublicAlerts}: an open alert is
 * shown on the map only when both its figures and its peak figures stand for at least the minimum
 * crowd of distinct authors; otherwise its cells keep their scores but lose the alert. An alert
 * shown says how many are present only when that, too, reaches the minimum crowd. Scores are drawn
 * only on published cells, which pass the minimum crowd themselves.
 */
final class PublicMarks implements MapFunction<VenueMarks, VenueMarks> {
  private final MinimumCrowd crowd;

  PublicMarks(MinimumCrowd crowd) {
    this.crowd = crowd;
  }

  @Override
  public VenueMarks map(VenueMarks m) {
    OpenAlert a = m.openAlert();
    if (a == null) return m;
    if (a.observed() >= crowd.k() && a.peakObserved() >= crowd.k()) {
      return m.withAlert(a.withPresentOfAtLeast(crowd.k()));
    }
    return m.withoutAlert();
  }
}
