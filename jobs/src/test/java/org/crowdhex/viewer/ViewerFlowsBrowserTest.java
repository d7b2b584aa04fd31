package org.crowdhex.viewer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.crowdhex.cli.Crowdhex;
import org.crowdhex.job.EmbeddedRun;
import org.crowdhex.job.MonitorJob;
import org.crowdhex.plan.EventPlan;
import org.crowdhex.plan.PlanReader;
import org.crowdhex.serve.ServeConfig;
import org.crowdhex.serve.TileServer;
import org.crowdhex.tileset.WindowId;
import org.crowdhex.venue.VenueZone;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The viewer's flows as a person sees them: the demo's match day (kick-off 14:30 local) is replayed
 * through the job, and on a window of the arrival, before kick-off, the map draws arrows toward De
 * Kuip and the panel lists the stadium's inflow. The same tiles with a manifest that names no flows
 * documents (as tile sets made before flows) show "No flows" without an error. Needs what {@link
 * ViewerBrowserTest} needs: Node, the viewer's npm packages and Debian's chromium.
 */
class ViewerFlowsBrowserTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path REPO = Browser.REPO;
  private static final Instant KICK_OFF = Instant.parse("2026-04-19T12:30:00Z"); // 14:30 local

  @TempDir Path dir;

  @Test
  void drawsArrowsTowardTheStadiumBeforeKickOff() throws Exception {
    Path chromium = Browser.chromium();

    Path planFile = REPO.resolve("geo-data/plans/rotterdam-match.yaml");
    Path input = dir.resolve("input");
    int code =
        Crowdhex.commandLine()
            .execute(
                "generate",
                "--plan",
                planFile.toString(),
                "--kick-off",
                "2026-04-19T14:30",
                "--seed",
                "42",
                "--population",
                "3000",
                "--attendance",
                "3000",
                "--out",
                input.toString());
    assertThat(code).isZero();
    EventPlan read = PlanReader.read(planFile).withParallelism(2);
    EventPlan plan = read.withTiles(read.tiles().withZooms(12, 15).withPmtiles(false));
    int minCrowd = plan.privacy().minCrowd();
    List<VenueZone> zones = MonitorJob.venueZones(plan);
    Path out = dir.resolve("out");
    EmbeddedRun.replay(plan, zones, List.of(input.resolve("posts.jsonl").toString()), out, p -> {});

    // The arrival window with the most authors moving into De Kuip, ending before kick-off.
    Map<Long, Integer> intoKuip = new HashMap<>();
    for (String line : Files.readAllLines(out.resolve("flows/flows.jsonl"))) {
      JsonNode f = JSON.readTree(line);
      Instant end = Instant.parse(f.get("window_end").asText());
      if (!f.get("destination").asText().equals("kuip") || end.isAfter(KICK_OFF)) continue;
      long start = Instant.parse(f.get("window_start").asText()).toEpochMilli();
      intoKuip.merge(start, f.get("authors").asInt(), Integer::sum);
    }
    assertThat(intoKuip).as("flows into De Kuip before kick-off").isNotEmpty();
    long start =
        intoKuip.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
    String window = WindowId.of(start, 0);

    Path tiles = out.resolve("tiles");
    JsonNode manifest = JSON.readTree(tiles.resolve("manifest.json").toFile());
    JsonNode entry = null;
    for (JsonNode w : manifest.get("windows")) {
      assertThat(w.get("flows").asText()).isEqualTo(w.get("id").asText() + "/flows.geojson");
      if (w.get("id").asText().equals(window)) entry = w;
    }
    assertThat(entry).as("window %s in the manifest", window).isNotNull();
    JsonNode doc = JSON.readTree(tiles.resolve(entry.get("flows").asText()).toFile());
    assertThat(doc.get("features")).isNotEmpty();
    doc.get("features")
        .forEach(
            f ->
                assertThat(f.at("/properties/authors").asInt())
                    .as("only flows of at least the minimum crowd")
                    .isGreaterThanOrEqualTo(minCrowd));

    try (TileServer server = new TileServer(ServeConfig.local(tiles, 0))) {
      server.start();
      Path shot = dir.resolve("flows.png");
      JsonNode report = screenshot(server.url() + "?basemap=none", window, shot, chromium);
      Browser.keepArtefact(shot, "flows.png");

      assertThat(report.get("ok").asBoolean()).as(report.toString()).isTrue();
      assertThat(report.get("current").asText()).isEqualTo(window);
      assertThat(report.get("pageErrors")).isEmpty();
      assertThat(report.get("consoleErrors")).as(report.toString()).isEmpty();
      JsonNode flows = report.get("flows");
      assertThat(flows.get("window").asText()).isEqualTo(window);
      List<String> destinations = new ArrayList<>();
      flows.get("lines").forEach(l -> destinations.add(l.get("destination").asText()));
      assertThat(destinations).as("rendered flow lines: %s", flows).contains("kuip");
      assertThat(flows.get("heads").asInt()).as("rendered arrow heads").isPositive();
      int inflow = -1;
      for (JsonNode z : flows.get("zones")) {
        if (z.get("zone").asText().equals("kuip")) inflow = z.get("inflow").asInt(-1);
      }
      assertThat(inflow).as("De Kuip's inflow: %s", flows).isGreaterThanOrEqualTo(minCrowd);
      String kuipIn = "in " + inflow;
      List<String> items = new ArrayList<>();
      flows.get("items").forEach(i -> items.add(i.asText()));
      assertThat(items)
          .as("the panel's inflow and outflow per venue")
          .anyMatch(i -> i.contains("De Kuip") && i.replace(",", "").contains(kuipIn));
      assertThat(flows.get("legend").asText()).contains("distinct authors");
    }

    // The same tiles as a tile set from before flows: the manifest names no flows document.
    Path old = dir.resolve("old-tiles");
    Browser.copyTree(tiles, old);
    ObjectNode stripped = (ObjectNode) JSON.readTree(old.resolve("manifest.json").toFile());
    stripped.withArray("windows").forEach(w -> ((ObjectNode) w).remove("flows"));
    JSON.writeValue(old.resolve("manifest.json").toFile(), stripped);
    try (TileServer server = new TileServer(ServeConfig.local(old, 0))) {
      server.start();
      JsonNode report =
          screenshot(server.url() + "?basemap=none", window, dir.resolve("old.png"), chromium);
      assertThat(report.get("ok").asBoolean()).as(report.toString()).isTrue();
      assertThat(report.get("pageErrors")).isEmpty();
      assertThat(report.get("consoleErrors")).as(report.toString()).isEmpty();
      assertThat(report.at("/flows/lines")).isEmpty();
      assertThat(report.at("/flows/items"))
          .extracting(JsonNode::asText)
          .containsExactly("No flows");
    }
  }

  private static JsonNode screenshot(String url, String window, Path out, Path chromium)
      throws IOException, InterruptedException {
    return Browser.screenshot(url, window, out, chromium, "--layer", "heat");
  }
}
