package org.crowdhex.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code crowdhex} command line: validate a plan, generate a synthetic event, run the monitor
 * job on the embedded engine, or run the demo.
 */
@Command(
    name = "crowdhex",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = {
      "Crowd density around venues from geotagged posts, on Apache Flink and H3.",
      "",
      "Start with 'crowdhex demo'; 'crowdhex COMMAND --help' explains each command."
    },
    subcommands = {
      ValidateCommand.class,
      GenerateCommand.class,
      RunCommand.class,
      DemoCommand.class,
      BenchCommand.class,
      LiveBenchCommand.class,
      BaselineCommand.class,
      CalibrateCommand.class,
      EvalCommand.class,
      ServeCommand.class,
      ReplayCommand.class,
      SubmitCommand.class,
      StatusCommand.class,
      CancelCommand.class,
      SavepointCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Crowdhex implements Runnable {
  /** Exit code of a problem the user can fix: a bad plan, venues file or argument. */
  public static final int USER_ERROR = 1;

  /** Exit code of a run that failed for another reason. */
  public static final int RUN_FAILED = 3;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  /** The command line, set up as every entry point uses it. */
  public static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new Crowdhex());
    cl.setExecutionExceptionHandler(new UserErrors());
    cl.setUsageHelpAutoWidth(true);
    return cl;
  }

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }
}
