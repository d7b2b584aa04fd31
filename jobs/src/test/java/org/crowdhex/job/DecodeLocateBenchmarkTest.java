package org.crowdhex.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.uber.h3core.H3Core;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.crowdhex.post.PostSchema;
import org.crowdhex.venue.Venue;
import org.crowdhex.venue.VenueIndex;
import org.crowdhex.venue.VenueKind;
import org.crowdhex.venue.VenueZone;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;

/** The micro-benchmark counts what it decodes and locates; its timings are only sanity-checked. */
class DecodeLocateBenchmarkTest {
  private static final double LAT = 51.8939, LON = 4.5232;

  private static String line(int i, double lat, double lon) {
    return String.format(
        Locale.ROOT,
        "{\"id\":\"p%d\",\"author\":\"u%d\",\"time\":\"2026-04-19T12:00:%02dZ\",\"lat\":%.6f,"
            + "\"lon\":%.6f}",
        i,
        i % 7,
        i % 60,
        lat,
        lon);
  }

  @Test
  void countsRejectedAndLocatedPostsAndReportsPositiveTimings() throws IOException {
    H3Core h3 = H3Core.newInstance();
    Venue kuip =
        new Venue(
            "kuip",
            "De Kuip",
            VenueKind.STADIUM,
            300,
            new GeometryFactory().createPoint(new Coordinate(LON, LAT)));
    VenueIndex index = VenueIndex.of(List.of(VenueZone.of(kuip, 9, h3)));
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < 300; i++) lines.add(line(i, LAT, LON)); // at the stadium
    for (int i = 300; i < 500; i++) lines.add(line(i, 52.37, 4.89)); // Amsterdam: outside
    lines.add("{\"id\":\"broken\""); // malformed

    DecodeLocateBenchmark bench =
        new DecodeLocateBenchmark(lines.toArray(String[]::new), PostSchema.DEFAULT, h3, 9, index);
    DecodeLocateBenchmark.Result r = bench.run(1, 3, (done, total) -> {});

    assertThat(r.posts()).isEqualTo(501);
    assertThat(r.rejected()).isEqualTo(1);
    assertThat(r.located()).isEqualTo(300);
    assertThat(r.passes()).isEqualTo(3);
    assertThat(r.h3Nanos()).isPositive();
    assertThat(r.decodeNanos()).isPositive();
    assertThat(r.decodeLocateNanos()).isPositive();
    assertThat(r.beyondH3Nanos()).isCloseTo(r.decodeLocateNanos() - r.h3Nanos(), within(1e-9));
  }

  @Test
  void refusesInputWithoutAnyValidPost() throws IOException {
    H3Core h3 = H3Core.newInstance();
    Venue kuip =
        new Venue(
            "kuip",
            "De Kuip",
            VenueKind.STADIUM,
            300,
            new GeometryFactory().createPoint(new Coordinate(LON, LAT)));
    VenueIndex index = VenueIndex.of(List.of(VenueZone.of(kuip, 9, h3)));
    assertThatThrownBy(
            () ->
                new DecodeLocateBenchmark(
                    new String[] {"not json"}, PostSchema.DEFAULT, h3, 9, index))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("none of the 1 lines");
  }
}
