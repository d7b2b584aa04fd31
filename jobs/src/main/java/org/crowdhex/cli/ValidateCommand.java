package org.crowdhex.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.crowdhex.plan.Durations;
import org.crowdhex.plan.EventPlan;
import org.crowdhex.venue.VenueIndex;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Checks a plan and its venues file and says what the job would watch. */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description = {
      "Check an event plan and its venues file.",
      "Prints every problem at once (field, value, what is accepted) and exits 1,",
      "or prints what the plan watches and exits 0."
    })
final class ValidateCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "PLAN", description = "The event plan (YAML).")
  Path planFile;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    EventPlan plan = PlanOption.load(planFile);
    VenueIndex index = PlanOption.venues(plan);
    PrintWriter out = spec.commandLine().getOut();
    out.printf("%s: valid%n", planFile);
    out.printf("  event        %s (%s)%n", plan.name(), plan.timeZone());
    out.printf(
        "  windows      %s sliding every %s; out of order up to %s; late up to %s%n",
        Durations.format(plan.window().size()),
        Durations.format(plan.window().slide()),
        Durations.format(plan.window().outOfOrderness()),
        Durations.format(plan.window().allowedLateness()));
    out.printf(
        "  input        %s, time %s%n",
        plan.input().format().code(), plan.input().timeFormat().code());
    out.printf(
        "  H3           resolution %d, %,d cells in venue zones%n",
        plan.h3Resolution(), index.cellCount());
    for (String id : index.venueIds()) {
      out.printf(
          "  venue        %-14s %4d cells  %7.3f km²%n",
          id, index.cellsOf(id).length, index.areaKm2(id));
    }
    out.printf("  privacy      %s%n", plan.privacy().describe());
    out.printf(
        "  flows        %s, moves %s to %s apart at up to %s km/h%n",
        plan.flows().venueZones()
            ? "between venue zones"
            : "between H3 cells at resolution " + plan.flows().zoneResolution(),
        Durations.format(plan.flows().minGap()),
        Durations.format(plan.flows().maxGap()),
        plan.flows().maxSpeedKmh() % 1 == 0
            ? String.valueOf((long) plan.flows().maxSpeedKmh())
            : String.valueOf(plan.flows().maxSpeedKmh()));
    out.printf("  detection    %s%n", plan.detection().describe());
    out.printf("  output       %s%n", plan.output().dir());
    out.flush();
    return 0;
  }
}
