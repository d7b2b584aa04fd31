package org.crowdhex.plan;

import java.nio.file.Path;
import java.util.List;

/**
 * Where a plan's venues come from.
 *
 * @param file a GeoJSON FeatureCollection of venues
 * @param defaultBufferMeters the buffer of venues whose feature has no {@code buffer_m}
 * @param include the venue ids to watch, or empty for all in the file
 */
public record VenueSource(Path file, double defaultBufferMeters, List<String> include) {
  public VenueSource {
    include = List.copyOf(include);
  }
}
