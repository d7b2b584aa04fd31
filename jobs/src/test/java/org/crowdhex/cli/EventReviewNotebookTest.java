package org.crowdhex.cli;

import static org.assertj.core.api.Assertions.assertThat;

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
 * The analyst's notebook {@code notebooks/event-review.ipynb}, executed headless by Jupyter as a
 * user would run it, on the demo's outputs: every cell must run, and what it reports ({@code
 * review.json}) must be what the job's files say, read here independently. Needs Debian's
 * jupyter-nbconvert, python3-ipykernel, python3-pandas and python3-matplotlib, as {@code .ci/run}
 * installs them; without them the test fails, never skips.
 */
class EventReviewNotebookTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String NOTEBOOK = "notebooks/event-review.ipynb";

  @TempDir static Path dir;
  private static JsonNode review;

  @BeforeAll
  static void runTheDemoThenTheNotebook() throws Exception {
    InProcess.demo(dir.resolve("demo"));
    Repo.Result run = execute(dir.resolve("demo/output"), dir.resolve("report"));
    assertThat(run.exitCode()).as(run.output()).isZero();
    review = JSON.readTree(dir.resolve("report/review.json").toFile());
  }

  /** Runs every cell of the notebook, as {@code jupyter nbconvert --execute} does, on a folder. */
  private static Repo.Result execute(Path output, Path report) throws Exception {
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
            NOTEBOOK),
        Map.of(
            "CROWDHEX_OUTPUT", output.toString(),
            "CROWDHEX_TRUTH", dir.resolve("demo/input/truth.json").toString(),
            "CROWDHEX_TIME_ZONE", "Europe/Amsterdam",
            "CROWDHEX_REPORT", report.toString()),
        300);
  }

  @Test
  void itsCountsAreTheSummarys() throws IOException {
    JsonNode summary = JSON.readTree(output().resolve("summary.json").toFile());
    JsonNode read = review.get("read");
    for (String f : List.of("read", "counted", "rejected", "outside_zones", "duplicates", "late")) {
      assertThat(read.get(f).asLong()).as(f).isEqualTo(summary.get(f).asLong());
    }
    assertThat(review.get("late").asLong()).isEqualTo(lines("late/late.jsonl").size());
    assertThat(review.get("rejects_by_reason")).isEmpty(); // the demo's posts are all valid
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
  void theCommittedNotebookHoldsNoOutputs() throws IOException {
    JsonNode nb = JSON.readTree(Repo.root().resolve(NOTEBOOK).toFile());
    assertThat(nb.get("cells")).isNotEmpty();
    for (JsonNode cell : nb.get("cells")) {
      if (!cell.get("cell_type").asText().equals("code")) continue;
      assertThat(cell.get("outputs"))
          .as("outputs of a code cell: clear them before committing")
          .isEmpty();
    }
  }

  @Test
  void aFolderWithoutOutputsIsNamedInTheError() throws Exception {
    Path empty = Files.createDirectories(dir.resolve("not-an-output"));
    Repo.Result run = execute(empty, dir.resolve("report-of-nothing"));

    assertThat(run.exitCode()).as(run.output()).isNotZero();
    assertThat(run.output())
        .contains("CROWDHEX_OUTPUT is " + empty)
        .contains("holds no summary.json; accepted: the output folder of a finished run");
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
