package org.crowdhex.venue;

import static org.assertj.core.api.Assertions.assertThat;

import com.uber.h3core.H3Core;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Rotterdam venues shipped with the project read cleanly and each get a cover. */
class RotterdamVenuesTest {
  private static final Path FROM_MODULE = Path.of("..", "geo-data", "venues", "rotterdam.geojson");
  private static final Path FROM_ROOT = Path.of("geo-data", "venues", "rotterdam.geojson");

  @Test
  void theKnownVenuesAreThereAndEachHasACoverAtResolution9() throws IOException {
    Path file = Files.exists(FROM_ROOT) ? FROM_ROOT : FROM_MODULE;
    H3Core h3 = H3Core.newInstance();

    List<Venue> venues = VenueCatalog.read(file, 150);

    List<Venue> known =
        VenueCatalog.filter(
            venues, List.of("kuip", "ahoy", "coolsingel", "erasmusbrug", "centraal"));
    assertThat(known).hasSize(5);
    for (Venue venue : venues) {
      VenueZone zone = VenueZone.of(venue, 9, h3);
      assertThat(zone.cellCount()).as(venue.id()).isPositive();
      assertThat(zone.coverAreaKm2()).as(venue.id()).isPositive();
    }
    assertThat(VenueIndex.of(venues.stream().map(v -> VenueZone.of(v, 9, h3)).toList()).venueIds())
        .containsAll(List.of("kuip", "ahoy", "coolsingel", "erasmusbrug", "centraal"));
  }
}
