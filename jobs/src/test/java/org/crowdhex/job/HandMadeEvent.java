package org.crowdhex.job;

import com.uber.h3core.H3Core;
import com.uber.h3core.util.LatLng;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** The pieces of the small hand-made events the job tests replay: one venue, posts on cells. */
final class HandMadeEvent {
  static final double LAT = 51.8939, LON = 4.5232;

  private HandMadeEvent() {}

  /** A venues file with De Kuip as a point with the given buffer. */
  static void writeVenue(Path dir, int bufferMetres) throws IOException {
    Files.writeString(
        dir.resolve("venues.geojson"),
        """
        {"type":"FeatureCollection","features":[{"type":"Feature",
         "properties":{"id":"kuip","name":"De Kuip","kind":"stadium","buffer_m":%d},
         "geometry":{"type":"Point","coordinates":[%s,%s]}}]}
        """
            .formatted(bufferMetres, LON, LAT));
  }

  /** A post at a cell's centre on 2026-04-19 at the given UTC time of day. */
  static String post(H3Core h3, String id, String author, String time, long cell) {
    LatLng c = h3.cellToLatLng(cell);
    return String.format(
        Locale.ROOT,
        "{\"id\":\"%s\",\"author\":\"%s\",\"time\":\"2026-04-19T%sZ\",\"lat\":%.7f,\"lon\":%.7f}",
        id,
        author,
        time,
        c.lat,
        c.lng);
  }
}
