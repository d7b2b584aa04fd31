package org.crowdhex.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.crowdhex.cluster.ClusterException;
import org.crowdhex.cluster.FlinkRest;
import org.crowdhex.job.MonitorJob;
import org.crowdhex.job.kafka.KafkaSettings;
import org.crowdhex.plan.EventPlan;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Uploads the job jar to a Flink cluster and runs the monitor job with a plan. */
@Command(
    name = "submit",
    mixinStandardHelpOptions = true,
    showDefaultValues = true,
    description = {
      "Run the monitor job on a Flink cluster: upload the job jar over the cluster's REST API and"
          + " run it with the plan. Prints the job id and where the web UI shows it.",
      "Live (the default): posts from Kafka, density, venue totals, alerts and rejects to Kafka"
          + " exactly once, as the plan's kafka: and checkpoints: sections say; --out also writes"
          + " the tiles. With --input: a replay of files into --out.",
      "The job's main method runs in the JobManager: the plan, its venues and baseline files, the"
          + " input files and the output folder must be at the same paths there (a shared"
          + " folder; or name the plan's path on the cluster with --cluster-plan). The pseudonym"
          + " key must be set where the JobManager and TaskManagers run (privacy.key_env or"
          + " key_file of the plan); without it the cluster refuses the job."
    })
final class SubmitCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "PLAN", description = "The event plan (YAML).")
  Path planFile;

  @Mixin ClusterOption cluster;

  @Option(
      names = "--bootstrap",
      paramLabel = "HOST:PORT",
      description =
          "Kafka brokers as the cluster reaches them (overrides the plan's"
              + " kafka.bootstrap_servers).")
  String bootstrap;

  @Option(
      names = "--kafka",
      paramLabel = "NAME=VALUE",
      description =
          "Any other Kafka setting of the plan's kafka: section, e.g. --kafka"
              + " input_topic=match.posts; repeat for more.")
  Map<String, String> kafka;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description =
          "Output folder on the cluster (a path every TaskManager reaches, or a URI such as"
              + " s3://bucket/run): the tiles of a live run; every output of a file replay.")
  String out;

  @Option(
      names = "--input",
      arity = "1..*",
      paramLabel = "FILE",
      description = "Replay these files or folders of posts instead of reading Kafka.")
  List<String> inputs;

  @Option(
      names = "--from-savepoint",
      paramLabel = "PATH",
      description =
          "Resume from this savepoint (crowdhex savepoint prints it) or retained checkpoint.")
  String fromSavepoint;

  @Option(
      names = "--allow-non-restored-state",
      description = "With --from-savepoint: skip state that no operator of this job claims.")
  boolean allowNonRestoredState;

  @Option(
      names = "--parallelism",
      paramLabel = "N",
      description = "The job's parallelism (default: the plan's run.parallelism).")
  Integer parallelism;

  @Option(
      names = "--jar",
      paramLabel = "JAR",
      description =
          "The job jar (default: crowdhex-job.jar beside the jar this command runs from, as"
              + " ./mvnw package builds it).")
  Path jar;

  @Option(
      names = "--cluster-plan",
      paramLabel = "PATH",
      description =
          "Where the JobManager finds the plan, when not at this plan's absolute path (e.g."
              + " /opt/crowdhex/geo-data/plans/rotterdam-match.yaml in the job image).")
  String clusterPlan;

  @Option(
      names = "--wait",
      paramLabel = "SECONDS",
      defaultValue = "120",
      description = "How long to wait for the job to run (0: return once submitted).")
  int waitSeconds;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    EventPlan plan = PlanOption.load(planFile);
    boolean live = inputs == null || inputs.isEmpty();
    Map<String, String> overrides = kafka == null ? new TreeMap<>() : new TreeMap<>(kafka);
    if (bootstrap != null) overrides.put("bootstrap_servers", bootstrap);
    if (live) {
      Map<String, String> settings = new TreeMap<>(plan.live().kafka());
      settings.putAll(overrides);
      if (!settings.containsKey("bootstrap_servers")) {
        throw new UserErrors.UserError(
            "kafka.bootstrap_servers is missing; accepted: --bootstrap HOST:PORT, or"
                + " bootstrap_servers in the plan's kafka: section (or --input FILE to replay"
                + " files)");
      }
      KafkaSettings.fromMap(settings, plan.name()); // every mistake named here, not on the cluster
      MonitorJob.venueZones(plan); // the venues file reads
    } else if (!overrides.isEmpty()) {
      throw new UserErrors.UserError(
          "--bootstrap and --kafka go with a live run; accepted: either --input FILE... or Kafka"
              + " settings");
    }
    if (fromSavepoint == null && allowNonRestoredState) {
      throw new UserErrors.UserError(
          "--allow-non-restored-state goes with --from-savepoint; accepted: both or neither");
    }
    Path jobJar = ClusterOption.jobJar(jar);

    List<String> args = new ArrayList<>();
    args.add("--plan");
    args.add(clusterPlan != null ? clusterPlan : planFile.toAbsolutePath().normalize().toString());
    for (Map.Entry<String, String> e : overrides.entrySet()) {
      args.add("--kafka." + e.getKey());
      args.add(e.getValue());
    }
    if (!live) {
      args.add("--input");
      args.add(String.join(",", inputs.stream().map(ClusterOption::location).toList()));
    }
    if (out != null) {
      args.add("--out");
      args.add(ClusterOption.location(out));
    }

    PrintWriter o = spec.commandLine().getOut();
    FlinkRest rest = cluster.rest();
    rest.overview(); // reachable, before a jar of megabytes goes out
    String jarId = rest.upload(jobJar);
    String jobId;
    try {
      jobId =
          rest.run(
              jarId,
              new FlinkRest.RunRequest(
                  MonitorJob.class.getName(),
                  args,
                  parallelism != null ? parallelism : plan.parallelism(),
                  fromSavepoint == null ? null : ClusterOption.location(fromSavepoint),
                  allowNonRestoredState));
    } catch (ClusterException e) {
      throw new ClusterException(
          "the cluster at " + rest.address() + " did not start the job: " + reasonOf(e));
    } finally {
      try {
        rest.deleteJar(jarId); // the job keeps its own copy; uploads would pile up otherwise
      } catch (ClusterException ignored) {
        // a jar left behind costs disk space only
      }
    }
    String name = rest.job(jobId).path("name").asText(live ? "crowdhex live" : "crowdhex monitor");
    o.printf("job %s submitted: %s%n", jobId, name);
    o.printf("web UI: %s%n", rest.webUi(jobId));
    o.flush();
    if (waitSeconds <= 0) return 0;
    String state = rest.awaitState(jobId, Set.of("RUNNING"), Duration.ofSeconds(waitSeconds));
    o.printf("job %s is %s%n", jobId, state);
    if (state.equals("FAILED")) {
      o.println("failure: " + rest.lastFailure(jobId).orElse("(the cluster gives no reason)"));
      o.flush();
      return Crowdhex.RUN_FAILED;
    }
    o.flush();
    return 0;
  }

  /** The cluster's reason, without the request it answered. */
  private static String reasonOf(ClusterException e) {
    String m = e.getMessage();
    int i = m.indexOf("/run: ");
    return i < 0 ? m : m.substring(i + "/run: ".length());
  }
}
