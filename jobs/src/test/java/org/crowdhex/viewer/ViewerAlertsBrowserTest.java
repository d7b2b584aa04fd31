package org.crowdhex.viewer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.uber.h3core.H3Core;
import com.uber.h3core.util.LatLng;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.crowdhex.job.EmbeddedRun;
import org.crowdhex.job.FlatBaseline;
import org.crowdhex.job.MonitorJob;
import org.crowdhex.plan.EventPlan;
import org.crowdhex.plan.PlanReader;
import org.crowdhex.serve.ServeConfig;
import org.crowdhex.serve.TileServer;
import org.crowdhex.venue.VenueZone;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The viewer's open alerts as a person sees them: a crowd gathers at De Kuip against a flat
 * baseline, the detector opens an alert, and the viewer, on that window, lists the alert in its
 * panel and draws the alert's outline and its hexagons' outlines on the map. The same tiles with a
 * manifest that names no alerts documents (as tile sets made before alerts existed) show "No open
 * alerts" without an error. Needs what {@link ViewerBrowserTest} needs: Node, the viewer's npm
 * packages and Debian's chromium.
 */
class ViewerAlertsBrowserTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path REPO = Browser.REPO;
  private static final String ALERT = "kuip-20260419T1410Z";

  @TempDir Path dir;

  @Test
  void listsTheOpenAlertAndOutlinesItsCells() throws Exception {
    Path chromium = Browser.chromium();

    Path out = replayACrowdAtTheStadium();
    Path tiles = out.resolve("tiles");
    JsonNode manifest = JSON.readTree(tiles.resolve("manifest.json").toFile());
    assertThat(manifest.at("/windows/2/id").asText()).isEqualTo("20260419T1420Z");
    int open = manifest.at("/windows/2/open_alerts").asInt();
    assertThat(open).as("De Kuip's, and the station's if the crowd reaches its zone").isPositive();

    // As if the job had no baseline file yet: the viewer says so beside the alert's figures.
    Path doc = tiles.resolve("20260419T1420Z/alerts.geojson");
    ObjectNode alertsDoc = (ObjectNode) JSON.readTree(doc.toFile());
    alertsDoc
        .withArray("features")
        .forEach(
            f -> {
              ObjectNode p = (ObjectNode) f.get("properties");
              if (p.get("id").asText().equals(ALERT)) {
                p.put("baseline", "no baseline yet");
                p.put("present", 987);
              } else {
                p.putNull("present"); // held back by the minimum crowd
              }
            });
    JSON.writeValue(doc.toFile(), alertsDoc);
    try (TileServer server = new TileServer(ServeConfig.local(tiles, 0))) {
      server.start();
      Path shot = dir.resolve("alerts.png");
      JsonNode report =
          screenshot(server.url() + "?basemap=none", "20260419T1420Z", shot, chromium, true);
      Browser.keepArtefact(shot, "alerts.png");

      assertThat(report.get("ok").asBoolean()).as(report.toString()).isTrue();
      assertThat(report.get("pageErrors")).isEmpty();
      assertThat(report.get("consoleErrors")).as(report.toString()).isEmpty();
      JsonNode alerts = report.get("alerts");
      List<String> ids = new ArrayList<>();
      alerts.get("ids").forEach(id -> ids.add(id.asText()));
      assertThat(ids).hasSize(open).contains(ALERT);
      assertThat(alerts.get("items")).hasSize(open);
      String item = alerts.get("items").get(ids.indexOf(ALERT)).asText();
      assertThat(item)
          .as("venue, severity, since when, present, observed / expected and ratio")
          .contains("De Kuip", "since 16:10", "987 present", "observed", "expected", "×")
          .containsIgnoringCase("critical")
          .contains("no baseline yet");
      for (int i = 0; i < ids.size(); i++) {
        if (i == ids.indexOf(ALERT)) continue;
        // Alerts against the baseline file carry no such note.
        assertThat(alerts.get("items").get(i).asText()).doesNotContain("baseline");
        // A present crowd held back is not shown at all, never as 0.
        assertThat(alerts.get("items").get(i).asText()).doesNotContain("present");
      }
      assertThat(alerts.get("outline").asInt()).as("rendered alert outline").isPositive();
      assertThat(alerts.get("cellOutline").asInt()).as("outlined hexagons").isPositive();
    }

    // The same tiles as a tile set from before alerts: the manifest names no alerts document.
    Path old = dir.resolve("old-tiles");
    Browser.copyTree(tiles, old);
    ObjectNode stripped = (ObjectNode) JSON.readTree(old.resolve("manifest.json").toFile());
    stripped
        .withArray("windows")
        .forEach(w -> ((ObjectNode) w).remove(List.of("alerts", "open_alerts")));
    JSON.writeValue(old.resolve("manifest.json").toFile(), stripped);
    try (TileServer server = new TileServer(ServeConfig.local(old, 0))) {
      server.start();
      JsonNode report =
          screenshot(
              server.url() + "?basemap=none",
              "20260419T1420Z",
              dir.resolve("old.png"),
              chromium,
              false);
      assertThat(report.get("ok").asBoolean()).as(report.toString()).isTrue();
      assertThat(report.get("pageErrors")).isEmpty();
      assertThat(report.get("consoleErrors")).as(report.toString()).isEmpty();
      assertThat(report.at("/alerts/ids")).isEmpty();
      assertThat(report.at("/alerts/items"))
          .extracting(JsonNode::asText)
          .containsExactly("No open alerts");
      assertThat(report.at("/alerts/outline").asInt()).isZero();
    }
  }

  /**
   * The Rotterdam venues, a flat baseline of 2 authors per cell and window, a little of everyone at
   * every venue, and from 14:10 to 14:30 UTC a crowd around the centre of De Kuip.
   */
  private Path replayACrowdAtTheStadium() throws Exception {
    Files.copy(REPO.resolve("geo-data/venues/rotterdam.geojson"), dir.resolve("venues.geojson"));
    FlatBaseline.write(
        dir.resolve("baseline.json"), 10, Duration.ofMinutes(10), "Europe/Amsterdam", 2);
    Files.writeString(
        dir.resolve("plan.yaml"),
        """
        name: A crowd at De Kuip
        time_zone: Europe/Amsterdam
        venues: {file: venues.geojson}
        h3_resolution: 10
        window: {size: 10m, slide: 10m, out_of_orderness: 1m, allowed_lateness: 1m}
        tiles: {zoom: [12, 15], scale_max: 20000}
        detection: {baseline: baseline.json, threshold: 20, critical: 40, windows: 1, close_after: 1}
        privacy: {min_crowd: 1}
        run: {parallelism: 2}
        """);
    EventPlan plan = PlanReader.read(dir.resolve("plan.yaml"));
    List<VenueZone> zones = MonitorJob.venueZones(plan);
    H3Core h3 = H3Core.newInstance();

    List<String> lines = new ArrayList<>();
    int author = 0;
    for (int minute = 0; minute < 40; minute += 10) {
      // A few people at every venue, in every window.
      for (VenueZone z : zones) {
        long[] cells = z.cells();
        for (int i = 0; i < Math.min(6, cells.length); i++) {
          lines.add(post(h3, ++author, 14, minute + 1 + i % 8, cells[i * cells.length / 6]));
        }
      }
      if (minute == 10 || minute == 20) {
        VenueZone kuip =
            zones.stream().filter(z -> z.venue().id().equals("kuip")).findFirst().orElseThrow();
        var c = kuip.venue().geometry().getCentroid();
        long centre = h3.latLngToCell(c.getY(), c.getX(), 10);
        for (int ring = 0; ring <= 2; ring++) {
          int crowd = ring == 0 ? 40 : ring == 1 ? 20 : 8;
          for (long cell : ring == 0 ? List.of(centre) : h3.gridRing(centre, ring)) {
            for (int i = 0; i < crowd; i++) {
              lines.add(post(h3, ++author, 14, minute + 1 + i % 8, cell));
            }
          }
        }
      }
    }
    lines.add(post(h3, ++author, 15, 5, zones.get(0).cells()[0])); // closes the last window
    lines.sort(java.util.Comparator.comparing(l -> l.substring(l.indexOf("\"time\""))));
    Path input = dir.resolve("posts.jsonl");
    Files.write(input, lines);
    Path out = dir.resolve("out");
    EmbeddedRun.replay(plan, zones, List.of(input.toString()), out, p -> {});
    return out;
  }

  private static String post(H3Core h3, int author, int hour, int minute, long cell) {
    LatLng c = h3.cellToLatLng(cell);
    return String.format(
        Locale.ROOT,
        "{\"id\":\"p%d\",\"author\":\"u%d\",\"time\":\"2026-04-19T%02d:%02d:00Z\","
            + "\"lat\":%.7f,\"lon\":%.7f}",
        author,
        author,
        hour,
        minute,
        c.lat,
        c.lng);
  }

  /**
   * Runs the screenshot script on one window of the hex layer.
   *
   * @param clickAlert whether to click the first listed alert first (the map flies to it)
   */
  private static JsonNode screenshot(
      String url, String window, Path out, Path chromium, boolean clickAlert)
      throws IOException, InterruptedException {
    return clickAlert
        ? Browser.screenshot(url, window, out, chromium, "--layer", "hex", "--click-alert")
        : Browser.screenshot(url, window, out, chromium, "--layer", "hex");
  }
}
