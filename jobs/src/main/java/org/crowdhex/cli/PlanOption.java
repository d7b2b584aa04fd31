package org.crowdhex.cli;

import java.nio.file.Path;
import org.crowdhex.plan.EventPlan;
import org.crowdhex.plan.PlanReader;
import org.crowdhex.venue.VenueIndex;

/** Loading a plan and its venues, the first step of most commands. */
final class PlanOption {
  private PlanOption() {}

  static EventPlan load(Path file) {
    return PlanReader.read(file);
  }

  static VenueIndex venues(EventPlan plan) {
    return org.crowdhex.job.MonitorJob.venueIndex(plan);
  }
}
