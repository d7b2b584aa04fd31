package org.crowdhex.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.uber.h3core.H3Core;
import com.uber.h3core.util.LatLng;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.crowdhex.plan.EventPlan;
import org.crowdhex.plan.PlanReader;
import org.crowdhex.venue.VenueIndex;
import org.crowdhex.venue.VenueZone;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The platform's volume on the embedded engine: against a flat baseline of 2 authors per cell and
 * 10-minute window, the whole platform is three times as busy for 40 minutes, while a real crowd
 * gathers at De Kuip at the same time. Without the rescale every venue alerts; with it only the
 * crowd does.
 */
class VolumeRescaleTest {
  private static final Set<String> VENUES =
      Set.of("kuip", "stadion_halt", "centraal", "coolsingel", "ahoy");

  @TempDir static Path dir;
  private static Path input;

  @BeforeAll
  static void writeThePosts() throws Exception {
    Path repo = Files.exists(Path.of("geo-data")) ? Path.of(".") : Path.of("..");
    Files.copy(repo.resolve("geo-data/venues/rotterdam.geojson"), dir.resolve("venues.geojson"));
    FlatBaseline.write(
        dir.resolve("baseline.json"), 10, Duration.ofMinutes(10), "Europe/Amsterdam", 2);
    EventPlan plan = plan(false);
    List<VenueZone> zones = MonitorJob.venueZones(plan);
    H3Core h3 = H3Core.newInstance();
    TreeSet<Long> cells = new TreeSet<>();
    for (VenueZone z : zones) for (long c : z.cells()) cells.add(c);
    VenueZone kuip =
        zones.stream().filter(z -> z.venue().id().equals("kuip")).findFirst().orElseThrow();
    var centroid = kuip.venue().geometry().getCentroid();
    List<Long> crowd = h3.gridDisk(h3.latLngToCell(centroid.getY(), centroid.getX(), 10), 1);

    List<String> lines = new ArrayList<>();
    int author = 0;
    for (int window = 0; window < 12; window++) {
      boolean surge = window >= 5 && window <= 8; // 10:50 to 11:30 UTC
      for (long cell : cells) {
        int authors = surge ? 6 : 2;
        if (surge && crowd.contains(cell)) authors += 40;
        for (int i = 0; i < authors; i++) {
          lines.add(post(h3, ++author, window * 10 + 1 + i % 8, cell));
        }
      }
    }
    lines.add(post(h3, ++author, 125, cells.first())); // closes the last window
    lines.sort(Comparator.comparing(l -> l.substring(l.indexOf("\"time\""))));
    input = dir.resolve("posts.jsonl");
    Files.write(input, lines);
  }

  static EventPlan plan(boolean rescale) throws Exception {
    Path plan = dir.resolve("plan-" + rescale + ".yaml");
    Files.writeString(
        plan,
        """
        name: a busy platform
        time_zone: Europe/Amsterdam
        venues: {file: venues.geojson, include: [kuip, stadion_halt, centraal, coolsingel, ahoy]}
        h3_resolution: 10
        window: {size: 10m, slide: 10m, out_of_orderness: 1m, allowed_lateness: 1m}
        tiles: {enabled: false}
        privacy: {min_crowd: 1}
        detection: {baseline: baseline.json, threshold: 15, critical: 40, windows: 1,
                    close_after: 1, build_up_ratio: 0, volume_rescale: %s}
        """
            .formatted(rescale));
    return PlanReader.read(plan);
  }

  private static Set<String> alertedVenues(boolean rescale) throws Exception {
    EventPlan plan = plan(rescale);
    Path out = dir.resolve("out-" + rescale);
    EmbeddedRun.replay(plan, MonitorJob.venueZones(plan), List.of(input.toString()), out, p -> {});
    Set<String> venues = new TreeSet<>();
    for (JsonNode a : MonitorJobTest.jsonLines(out.resolve("alerts/alerts.jsonl"))) {
      if (a.get("state").asText().equals("opened")) venues.add(a.get("venue").asText());
    }
    return venues;
  }

  @Test
  void withoutTheRescaleABusierPlatformAlertsEverywhere() throws Exception {
    // The Coolsingel, a street two cells wide, has no full scan neighbourhood to add up.
    assertThat(alertedVenues(false)).hasSizeGreaterThanOrEqualTo(4).contains("centraal", "ahoy");
  }

  @Test
  void withTheRescaleOnlyTheRealCrowdAlerts() throws Exception {
    Set<String> venues = alertedVenues(true);

    assertThat(venues).contains("kuip");
    // The halt's zone reaches into the stadium's crowd; the other venues only saw the platform.
    assertThat(venues).isSubsetOf("kuip", "stadion_halt");
  }

  @Test
  void theRescaleNeedsABaselineFileAndThreeVenues() throws Exception {
    Path noFile = dir.resolve("no-file.yaml");
    Files.writeString(
        noFile,
        """
        name: no file
        venues: {file: venues.geojson, include: [kuip]}
        detection: {volume_rescale: true}
        """);
    assertThatThrownBy(() -> PlanReader.read(noFile))
        .hasMessageContaining(
            "detection.volume_rescale is true; accepted: false without detection.baseline");

    Path oneVenue = dir.resolve("one-venue.yaml");
    Files.writeString(
        oneVenue,
        """
        name: one venue
        venues: {file: venues.geojson, include: [kuip]}
        detection: {baseline: baseline.json, volume_rescale: true}
        """);
    EventPlan plan = PlanReader.read(oneVenue);
    VenueIndex index = VenueIndex.of(MonitorJob.venueZones(plan));
    var env =
        org.apache.flink.streaming.api.environment.StreamExecutionEnvironment
            .getExecutionEnvironment();
    var none =
        env.fromData(
            List.<org.crowdhex.density.CellWindow>of(),
            org.apache.flink.api.common.typeinfo.TypeInformation.of(
                org.crowdhex.density.CellWindow.class));
    assertThatThrownBy(() -> MonitorJob.detect(none, plan, index))
        .hasMessageContaining(
            "detection.volume_rescale is true with 1 venue(s); accepted: false,"
                + " or a plan watching at least 3 venues");
  }

  private static String post(H3Core h3, int author, int minute, long cell) {
    LatLng c = h3.cellToLatLng(cell);
    return String.format(
        Locale.ROOT,
        "{\"id\":\"p%d\",\"author\":\"u%d\",\"time\":\"2026-04-19T%02d:%02d:%02dZ\","
            + "\"lat\":%.7f,\"lon\":%.7f}",
        author,
        author,
        10 + minute / 60,
        minute % 60,
        author % 60,
        c.lat,
        c.lng);
  }
}
