package org.crowdhex.venue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.uber.h3core.H3Core;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;

class VenueIndexTest {
  private static final GeometryFactory GEOMETRY = new GeometryFactory();

  private static H3Core h3;
  private static VenueZone kuip;
  private static VenueZone fanZone;
  private static VenueZone centraal;
  private static VenueIndex index;

  @BeforeAll
  static void buildIndex() throws IOException {
    h3 = H3Core.newInstance();
    // The fan zone is 400 m from the stadium and both reach 400 m out, so they overlap.
    kuip = zone("kuip", VenueKind.STADIUM, 4.5231, 51.8939, 400);
    fanZone = zone("fanzone", VenueKind.SQUARE, 4.5289, 51.8939, 400);
    centraal = zone("centraal", VenueKind.STATION, 4.4690, 51.9244, 200);
    index = VenueIndex.of(List.of(kuip, fanZone, centraal));
  }

  @Test
  void aCellCoveredByTwoOverlappingVenuesReturnsBothInZoneOrder() {
    long between = h3.latLngToCell(51.8939, 4.5260, 9);

    assertThat(kuip.covers(between)).isTrue();
    assertThat(fanZone.covers(between)).isTrue();
    assertThat(index.venuesOf(between)).containsExactly("kuip", "fanzone");
    assertThat(index.covers(between)).isTrue();
  }

  @Test
  void aCellOfOneVenueReturnsOnlyIt() {
    long station = h3.latLngToCell(51.9244, 4.4690, 9);

    assertThat(index.venuesOf(station)).containsExactly("centraal");
  }

  @Test
  void anUncoveredCellReturnsTheSharedEmptyArray() {
    long elsewhere = h3.latLngToCell(52.3676, 4.9041, 9);

    assertThat(index.venuesOf(elsewhere)).isEmpty();
    assertThat(index.venuesOf(elsewhere)).isSameAs(index.venuesOf(elsewhere + 1));
    assertThat(index.covers(elsewhere)).isFalse();
  }

  @Test
  void agreesWithTheZonesOnEveryCell() {
    Set<Long> union = new HashSet<>();
    for (VenueZone zone : List.of(kuip, fanZone, centraal)) {
      for (long cell : zone.cells()) {
        union.add(cell);
        assertThat(index.venuesOf(cell)).contains(zone.venue().id());
      }
    }

    assertThat(index.cellCount()).isEqualTo(union.size());
    assertThat(index.venueIds()).containsExactly("kuip", "fanzone", "centraal");
    assertThat(index.cellsOf("centraal")).isEqualTo(centraal.cells());
    assertThat(index.areaKm2("kuip")).isCloseTo(kuip.coverAreaKm2(), within(1e-12));
    assertThat(index.resolution()).isEqualTo(9);
  }

  @Test
  void cellsOfReturnsACopy() {
    index.cellsOf("kuip")[0] = 42;

    assertThat(index.cellsOf("kuip")).isEqualTo(kuip.cells());
  }

  @Test
  void unknownVenuesAreNamedWithTheKnownOnes() {
    assertThatThrownBy(() -> index.areaKm2("ahoy"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("venue ahoy is not in the index; known: kuip, fanzone, centraal");
  }

  @Test
  void survivesJavaSerializationWithEqualLookups() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(index);
    }
    VenueIndex copy;
    try (ObjectInputStream in =
        new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      copy = (VenueIndex) in.readObject();
    }

    long[] probes =
        LongStream.concat(
                Arrays.stream(kuip.cells()),
                LongStream.concat(
                    Arrays.stream(fanZone.cells()),
                    LongStream.of(
                        h3.latLngToCell(51.9244, 4.4690, 9), h3.latLngToCell(52.3676, 4.9041, 9))))
            .toArray();
    for (long cell : probes) {
      assertThat(copy.venuesOf(cell)).containsExactly(index.venuesOf(cell));
    }
    assertThat(copy.cellCount()).isEqualTo(index.cellCount());
    assertThat(copy.venueIds()).isEqualTo(index.venueIds());
    assertThat(copy.cellsOf("fanzone")).isEqualTo(index.cellsOf("fanzone"));
    assertThat(copy.areaKm2("fanzone")).isEqualTo(index.areaKm2("fanzone"));
  }

  @Test
  void rejectsMixedResolutionsAndRepeatedIds() throws IOException {
    VenueZone coarse = VenueZone.of(kuip.venue(), 8, h3);

    assertThatThrownBy(() -> VenueIndex.of(List.of(kuip, coarse)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("one index needs one resolution");
    assertThatThrownBy(() -> VenueIndex.of(List.of(kuip, fanZone, kuip)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("venue id kuip appears twice in the zones");
    assertThatThrownBy(() -> VenueIndex.of(List.of())).isInstanceOf(IllegalArgumentException.class);
  }

  private static VenueZone zone(String id, VenueKind kind, double lon, double lat, double buffer) {
    Venue venue = new Venue(id, id, kind, buffer, GEOMETRY.createPoint(new Coordinate(lon, lat)));
    return VenueZone.of(venue, 9, h3);
  }
}
