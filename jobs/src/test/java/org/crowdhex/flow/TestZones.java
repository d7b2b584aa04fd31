package org.crowdhex.flow;

import com.uber.h3core.H3Core;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.crowdhex.venue.Venue;
import org.crowdhex.venue.VenueKind;
import org.crowdhex.venue.VenueZone;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * Three venue zones at H3 resolution 9 for the flow tests: a stadium and a fan zone 400 m apart
 * whose 400 m zones overlap, and a station 5 km away; with one cell of each kind.
 */
final class TestZones {
  static final H3Core H3 = h3();
  static final int RES = 9;

  static final VenueZone KUIP = zone("kuip", "De Kuip", VenueKind.STADIUM, 4.5231, 51.8939, 400);
  static final VenueZone FAN = zone("fanzone", "Fan zone", VenueKind.SQUARE, 4.5289, 51.8939, 400);
  static final VenueZone CENTRAAL =
      zone("centraal", "Rotterdam Centraal, station", VenueKind.STATION, 4.4690, 51.9244, 200);
  static final List<VenueZone> ALL = List.of(KUIP, FAN, CENTRAAL);

  /** In the stadium's zone only. */
  static final long KUIP_CELL = H3.latLngToCell(51.8939, 4.5180, RES);

  /** Another cell of the stadium's zone only. */
  static final long KUIP_CELL_2 = H3.latLngToCell(51.8960, 4.5205, RES);

  /** In both the stadium's and the fan zone's zone. */
  static final long BOTH_CELL = H3.latLngToCell(51.8939, 4.5260, RES);

  /** In the fan zone's zone only. */
  static final long FAN_CELL = H3.latLngToCell(51.8939, 4.5320, RES);

  static final long CENTRAAL_CELL = H3.latLngToCell(51.9244, 4.4690, RES);

  /** In no zone (Amsterdam). */
  static final long OUTSIDE_CELL = H3.latLngToCell(52.3676, 4.9041, RES);

  private TestZones() {}

  static VenueZone zone(String id, String name, VenueKind kind, double lon, double lat, double m) {
    Venue v =
        new Venue(id, name, kind, m, new GeometryFactory().createPoint(new Coordinate(lon, lat)));
    return VenueZone.of(v, RES, H3);
  }

  private static H3Core h3() {
    try {
      return H3Core.newInstance();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
