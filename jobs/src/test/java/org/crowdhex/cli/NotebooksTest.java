package org.crowdhex.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.imageio.ImageIO;
import org.crowdhex.deploy.Repo;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The analysts' notebooks in {@code notebooks/}, executed headless by Jupyter as a user would run
 * them: the event review on the demo's outputs, and the comparison of the demo with a replay of its
 * plan under higher thresholds. Every cell must run, and what each reports ({@code review.json},
 * {@code compare.json}) must be what the job's files say, read here independently. Needs Debian's
 * jupyter-nbconvert, python3-ipykernel, python3-pandas and python3-matplotlib, as {@code .ci/run}
 * installs them; without them the test fails, never skips.
 */
class NotebooksTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String EVENT_REVIEW = "notebooks/event-review.ipynb";
  private static final String COMPARE_RUNS = "notebooks/compare-runs.ipynb";

  @TempDir static Path dir;
  private static JsonNode review;
  private static JsonNode compare;

  @BeforeAll
  static void runTheDemoAStricterReplayThenTheNotebooks() throws Exception {
    InProcess.demo(dir.resolve("demo"));
    // The demo's plan with thresholds eight and twelve times higher, replayed as the README says.
    Path plan = dir.resolve("demo/geo-data/plans/rotterdam-match.yaml");
    Path strict = plan.resolveSibling("strict.yaml");
    String text = Files.readString(plan);
    assertThat(text).contains("  threshold: 25.0\n").contains("  critical: 80.0\n");
    Files.writeString(
        strict,
        text.replace("  threshold: 25.0\n", "  threshold: 200\n")
            .replace("  critical: 80.0\n", "  critical: 1000\n"));
    InProcess.crowdhex(
        "run",
        strict.toString(),
        "--input",
        dir.resolve("demo/input/posts.jsonl").toString(),
        "--throwaway-key",
        "--out",
        dir.resolve("demo/strict").toString());

    Repo.Result run = execute(EVENT_REVIEW, dir.resolve("report"), Map.of());
    assertThat(run.exitCode()).as(run.output()).isZero();
    review = JSON.readTree(dir.resolve("report/review.json").toFile());
    run = execute(COMPARE_RUNS, dir.resolve("compare"), Map.of());
    assertThat(run.exitCode()).as(run.output()).isZero();
    compare = JSON.readTree(dir.resolve("compare/compare.json").toFile());
  }

  /**
   * Runs every cell of a notebook, as {@code jupyter nbconvert --execute} does, on the demo's
   * folders (its output; for the comparison, that and the stricter replay's), with {@code settings}
   * over those.
   */
  private static Repo.Result execute(String notebook, Path report, Map<String, String> settings)
      throws Exception {
    Map<String, String> env = new HashMap<>();
    env.put("CROWDHEX_OUTPUT", output().toString());
    env.put("CROWDHEX_RUNS", output() + ":" + dir.resolve("demo/strict"));
    env.put("CROWDHEX_TRUTH", dir.resolve("demo/input/truth.json").toString());
    // No CROWDHEX_TIME_ZONE: local times come from the plan's zone, as summary.json records it.
    env.put("CROWDHEX_REPORT", report.toString());
    env.putAll(settings);
    Path jupyter =
        Repo.executable(
            "jupyter",
            "install Debian's jupyter-nbconvert, python3-ipykernel, python3-pandas and"
                + " python3-matplotlib, as .ci/run does");
    return Repo.run(
        List.of(
            jupyter.toString(),
            "nbconvert",
            "--to",
            "notebook",
            "--execute",
            "--output-dir",
            report.toString(),
            "--output",
            "executed",
            notebook),
        env,
        300);
  }

  // --- the event review ---

  @Test
  void itsCountsAreTheSummarys() throws IOException {
    JsonNode summary = JSON.readTree(output().resolve("summary.json").toFile());
    JsonNode read = review.get("read");
    for (String f : List.of("read", "counted", "rejected", "outside_zones", "duplicates", "late")) {
      assertThat(read.get(f).asLong()).as(f).isEqualTo(summary.get(f).asLong());
    }
    assertThat(review.get("late").asLong()).isEqualTo(lines("late/late.jsonl").size());
    assertThat(review.get("rejects_by_reason")).isEmpty(); // the demo's posts are all valid
    assertThat(review.at("/plan/name").asText()).isEqualTo(summary.at("/plan/name").asText());
    assertThat(review.at("/plan/detection/threshold").asDouble()).isEqualTo(25.0);
  }

  @Test
  void theBusiestWindowOfEachVenueIsTheJobs() throws IOException {
    // Each venue window's last revision, then the highest count per venue.
    Map<String, JsonNode> latest = new HashMap<>();
    for (JsonNode v : lines("density/venues.jsonl")) {
      latest.merge(
          v.get("venue").asText() + " " + v.get("window_start").asText(),
          v,
          (a, b) -> b.get("revision").asInt() > a.get("revision").asInt() ? b : a);
    }
    Map<String, Integer> peaks = new TreeMap<>();
    latest
        .values()
        .forEach(v -> peaks.merge(v.get("venue").asText(), v.get("authors").asInt(), Math::max));

    Map<String, Integer> reported = new TreeMap<>();
    review
        .get("venues")
        .fields()
        .forEachRemaining(e -> reported.put(e.getKey(), e.getValue().get("peak_authors").asInt()));
    assertThat(reported).isEqualTo(peaks);
    assertThat(reported.get("kuip")).isGreaterThan(1_000);
    assertThat(review.at("/venues/kuip/peak_window_start").asText())
        .as("in local time")
        .endsWith("+02:00");
  }

  @Test
  void itListsEachAlertAsItEndedWithHowManyWerePresent() throws IOException {
    Map<String, JsonNode> last = new HashMap<>();
    for (JsonNode a : lines("alerts/alerts.jsonl")) {
      last.merge(
          a.get("id").asText(),
          a,
          (x, y) -> y.get("revision").asInt() > x.get("revision").asInt() ? y : x);
    }
    assertThat(last).isNotEmpty();
    List<String> ids = new ArrayList<>();
    for (JsonNode a : review.get("alerts")) {
      String id = a.get("id").asText();
      ids.add(id);
      JsonNode record = last.get(id);
      assertThat(record).as(id).isNotNull();
      assertThat(a.get("state").asText()).isEqualTo(record.get("state").asText());
      assertThat(a.get("peak_present").asLong()).isEqualTo(record.get("peak_present").asLong());
      assertThat(a.get("peak_observed").asLong()).isEqualTo(record.get("peak_observed").asLong());
      assertThat(a.get("raised").asText()).as("raised, in local time").isNotEmpty();
    }
    assertThat(new TreeSet<>(ids)).isEqualTo(new TreeSet<>(last.keySet()));
    // Against the truth: every alert is the match's, as crowdhex eval scores it.
    assertThat(review.at("/truth/false_alerts")).isEmpty();
    assertThat(review.at("/truth/alerts_matched").asInt()).isEqualTo(last.size());
  }

  @Test
  void theScoresLeaveRoomOnBothSidesOfTheThresholds() throws IOException {
    double best = 0;
    for (JsonNode sc : lines("alerts/scores.jsonl")) {
      if (sc.get("venue").asText().equals("kuip"))
        best = Math.max(best, sc.get("score").asDouble());
    }
    JsonNode kuip = review.at("/scores/kuip");
    assertThat(Math.max(kuip.get("during").asDouble(), kuip.get("outside").asDouble()))
        .isEqualTo(best);
    // The demo's thresholds (25, critical 80): the match far above, the rest of the day below.
    assertThat(kuip.get("during").asDouble()).isGreaterThan(80);
    assertThat(kuip.get("outside").asDouble()).isLessThan(25);
    assertThat(review.get("figures")).extracting(JsonNode::asText).contains("scores-per-venue.png");
  }

  @Test
  void theStrongestFlowIsTheJobsBusiestFlowWindow() throws IOException {
    int busiest = 0;
    for (JsonNode f : lines("flows/flows.jsonl"))
      busiest = Math.max(busiest, f.get("authors").asInt());
    assertThat(review.get("flows")).isNotEmpty();
    assertThat(review.at("/flows/0/peak_authors").asInt()).isEqualTo(busiest);
  }

  @Test
  void itDrawsTheCrowdAtEachVenue() throws IOException {
    assertThat(review.get("figures")).extracting(JsonNode::asText).contains("crowd-per-venue.png");
    BufferedImage figure = ImageIO.read(dir.resolve("report/crowd-per-venue.png").toFile());
    assertThat(figure).isNotNull();
    assertThat(figure.getWidth()).isGreaterThanOrEqualTo(1_000);
    assertThat(figure.getHeight()).isGreaterThanOrEqualTo(400);
    assertThat(dir.resolve("report/executed.ipynb")).isNotEmptyFile();
  }

  @Test
  void aFolderWithoutOutputsIsNamedInTheError() throws Exception {
    Path empty = Files.createDirectories(dir.resolve("not-an-output"));
    Repo.Result run =
        execute(
            EVENT_REVIEW,
            dir.resolve("report-of-nothing"),
            Map.of("CROWDHEX_OUTPUT", empty.toString()));

    assertThat(run.exitCode()).as(run.output()).isNotZero();
    assertThat(run.output())
        .contains("CROWDHEX_OUTPUT is " + empty)
        .contains("holds no summary.json; accepted: the output folder of a finished run");
  }

  // --- the comparison of runs ---

  @Test
  void theComparisonCountsEachRunsAlertsOnce() throws IOException {
    assertThat(compare.get("runs"))
        .extracting(r -> r.get("label").asText())
        .containsExactly("demo", "strict");
    for (JsonNode r : compare.get("runs")) {
      Path folder = Path.of(r.get("folder").asText());
      TreeSet<String> ids = new TreeSet<>();
      for (String line : Files.readAllLines(folder.resolve("alerts/alerts.jsonl"))) {
        if (!line.isBlank()) ids.add(JSON.readTree(line).get("id").asText());
      }
      assertThat(r.get("alerts").asInt()).as("%s", r).isEqualTo(ids.size()).isPositive();
      assertThat(r.get("false_alerts")).as("%s", r).isEmpty();
      assertThat(r.get("matched").asInt()).isEqualTo(ids.size());
      assertThat(r.get("read").asLong()).isEqualTo(review.at("/read/read").asLong());
    }
    // What each ran with, from its summary.json.
    assertThat(compare.get("runs"))
        .extracting(
            r -> r.at("/detection/threshold").asDouble(),
            r -> r.at("/detection/critical").asDouble(),
            r -> r.at("/detection/baseline").asText())
        .containsExactly(
            tuple(25.0, 80.0, "baseline.json.gz"), tuple(200.0, 1000.0, "baseline.json.gz"));
  }

  @Test
  void higherThresholdsRaiseNoAlertSoonerAndTheArrivalsLater() {
    JsonNode demo = compare.at("/runs/0/first_minutes");
    JsonNode strict = compare.at("/runs/1/first_minutes");
    assertThat(demo.size()).as("arrival, match and egress").isEqualTo(3);
    demo.fields()
        .forEachRemaining(
            e -> {
              JsonNode later = strict.get(e.getKey());
              if (e.getValue().isNull() || later.isNull()) return;
              assertThat(later.asInt()).as(e.getKey()).isGreaterThanOrEqualTo(e.getValue().asInt());
            });
    assertThat(strict.get("match-1-kuip arrival").asInt())
        .isGreaterThan(demo.get("match-1-kuip arrival").asInt());
    assertThat(compare.get("figures"))
        .extracting(JsonNode::asText)
        .containsExactly("alerts-by-run.png");
    assertThat(dir.resolve("compare/alerts-by-run.png")).isNotEmptyFile();
  }

  @Test
  void aComparisonOfOneRunIsRefusedWithWhatIsAccepted() throws Exception {
    Repo.Result run =
        execute(
            COMPARE_RUNS, dir.resolve("compare-one"), Map.of("CROWDHEX_RUNS", output().toString()));

    assertThat(run.exitCode()).as(run.output()).isNotZero();
    assertThat(run.output())
        .contains("CROWDHEX_RUNS is '" + output() + "'; accepted: two or more output folders");
  }

  @Test
  void theCommittedNotebooksHoldNoOutputs() throws IOException {
    for (String notebook : List.of(EVENT_REVIEW, COMPARE_RUNS)) {
      JsonNode nb = JSON.readTree(Repo.root().resolve(notebook).toFile());
      assertThat(nb.get("cells")).as(notebook).isNotEmpty();
      for (JsonNode cell : nb.get("cells")) {
        if (!cell.get("cell_type").asText().equals("code")) continue;
        assertThat(cell.get("outputs"))
            .as("outputs of a code cell of %s: clear them before committing", notebook)
            .isEmpty();
      }
    }
  }

  private static Path output() {
    return dir.resolve("demo/output");
  }

  private static List<JsonNode> lines(String file) throws IOException {
    List<JsonNode> out = new ArrayList<>();
    for (String line : Files.readAllLines(output().resolve(file))) {
      if (!line.isBlank()) out.add(JSON.readTree(line));
    }
    return out;
  }
}
