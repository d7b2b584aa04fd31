package org.crowdhex.viewer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.crowdhex.cli.Crowdhex;
import org.crowdhex.geo.Geodesic;
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
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;

/**
 * The viewer as a person sees it: a small replay of the demo match is rendered to tiles, served,
 * and opened in headless Chromium; the slider goes to the window of the egress after the final
 * whistle, and the screenshot must show heat over the stadium and none far from every venue. Needs
 * Node, the viewer's npm packages ({@code cd viewer && npm ci}) and Debian's chromium; CI installs
 * them, and their absence fails the test.
 */
class ViewerBrowserTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path REPO = Browser.REPO;

  @TempDir Path dir;

  @Test
  void showsTheEgressHeatOverTheStadiumAndNoneFarFromTheVenues() throws Exception {
    Path chromium = Browser.chromium();

    // A small match day: fewer people than the demo, the same venues and schedule.
    Path planFile = REPO.resolve("geo-data/plans/rotterdam-match.yaml");
    Path input = dir.resolve("input");
    int code =
        Crowdhex.commandLine()
            .execute(
                "generate",
                "--plan",
                planFile.toString(),
                "--seed",
                "3",
                "--population",
                "3000",
                "--attendance",
                "1500",
                "--out",
                input.toString());
    assertThat(code).isZero();
    EventPlan plan = PlanReader.read(planFile).withParallelism(2);
    plan = plan.withTiles(plan.tiles().withZooms(12, 15).withPmtiles(false));
    List<VenueZone> zones = MonitorJob.venueZones(plan);
    Path out = dir.resolve("out");
    EmbeddedRun.replay(plan, zones, List.of(input.resolve("posts.jsonl").toString()), out, p -> {});

    JsonNode truth = JSON.readTree(input.resolve("truth.json").toFile());
    Instant whistle = Instant.parse(truth.at("/events/0/intervals/egress/start").asText());
    String egress = WindowId.of(whistle.toEpochMilli(), 0);

    VenueZone kuip =
        zones.stream().filter(z -> z.venue().id().equals("kuip")).findFirst().orElseThrow();
    Coordinate stadium = kuip.venue().geometry().getCentroid().getCoordinate();
    List<Coordinate> far = farFromEveryVenue(zones, 600);
    assertThat(far).as("places far from every venue inside the view").hasSizeGreaterThan(5);

    try (TileServer server = new TileServer(ServeConfig.local(out.resolve("tiles"), 0))) {
      server.start();
      Path shot = dir.resolve("egress.png");
      StringBuilder points = new StringBuilder(stadium.x + "," + stadium.y);
      for (Coordinate c : far) points.append(';').append(c.x).append(',').append(c.y);
      JsonNode report =
          screenshot(
              server.url() + "?basemap=none", egress, shot, points.toString(), chromium.toString());
      Browser.keepArtefact(shot, "egress.png");

      assertThat(report.get("ok").asBoolean()).as(report.toString()).isTrue();
      assertThat(report.get("current").asText()).isEqualTo(egress);
      assertThat(report.get("pageErrors")).isEmpty();
      BufferedImage image = ImageIO.read(shot.toFile());
      JsonNode px = report.get("points");
      double heatAtStadium = heatShare(image, px.get(0), 12);
      assertThat(heatAtStadium)
          .as("share of heat-coloured pixels over the stadium")
          .isGreaterThan(0.6);
      int checked = 0;
      for (int i = 1; i < px.size(); i++) {
        int x = (int) px.get(i).get("x").asDouble(), y = (int) px.get(i).get("y").asDouble();
        boolean inView =
            x > 20 && y > 20 && x < image.getWidth() - 20 && y < image.getHeight() - 20;
        boolean underPanel = x < 320 && y < 360;
        if (!inView || underPanel) continue;
        checked++;
        assertThat(heatShare(image, px.get(i), 6))
            .as("heat at %s, far from every venue", far.get(i - 1))
            .isZero();
      }
      assertThat(checked).as("far places checked on screen").isGreaterThan(3);
    }
  }

  /** Grid points in the venues' bounds at least {@code metres} from every zone. */
  private static List<Coordinate> farFromEveryVenue(List<VenueZone> zones, double metres) {
    double w = 180, s = 90, e = -180, n = -90;
    for (VenueZone z : zones) {
      var env = z.zone().getEnvelopeInternal();
      w = Math.min(w, env.getMinX());
      s = Math.min(s, env.getMinY());
      e = Math.max(e, env.getMaxX());
      n = Math.max(n, env.getMaxY());
    }
    GeometryFactory gf = new GeometryFactory();
    List<Coordinate> out = new ArrayList<>();
    for (int i = 0; i <= 10; i++) {
      for (int j = 0; j <= 10; j++) {
        Coordinate c = new Coordinate(w + (e - w) * i / 10, s + (n - s) * j / 10);
        Point p = gf.createPoint(c);
        boolean far = true;
        for (VenueZone z : zones) {
          Coordinate nearest =
              org.locationtech.jts.operation.distance.DistanceOp.nearestPoints(z.zone(), p)[0];
          if (Geodesic.WGS84.distance(nearest, c) < metres) far = false;
        }
        if (far) out.add(c);
      }
    }
    return out;
  }

  /** The share of saturated (heat-coloured) pixels in a square around a point. */
  private static double heatShare(BufferedImage img, JsonNode point, int radius) {
    int cx = (int) Math.round(point.get("x").asDouble());
    int cy = (int) Math.round(point.get("y").asDouble());
    int heat = 0, all = 0;
    for (int x = cx - radius; x <= cx + radius; x++) {
      for (int y = cy - radius; y <= cy + radius; y++) {
        if (x < 0 || y < 0 || x >= img.getWidth() || y >= img.getHeight()) continue;
        int rgb = img.getRGB(x, y);
        int r = rgb >> 16 & 0xff, g = rgb >> 8 & 0xff, b = rgb & 0xff;
        all++;
        // The plain background, zone fills and outlines are greys; the ramp is saturated.
        if (Math.max(r, Math.max(g, b)) - Math.min(r, Math.min(g, b)) > 40) heat++;
      }
    }
    return all == 0 ? 0 : (double) heat / all;
  }

  private static JsonNode screenshot(
      String url, String window, Path out, String points, String chromium)
      throws IOException, InterruptedException {
    return Browser.screenshot(
        url, window, out, Path.of(chromium), "--layer", "heat", "--points", points);
  }
}
