package org.crowdhex.venue;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What a venue is; it decides how the generator and (later) the detector treat it. */
public enum VenueKind {
  STADIUM,
  ARENA,
  SQUARE,
  ROUTE,
  STATION,
  CAMP;

  /** The lower-case name used in GeoJSON properties and plans. */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<VenueKind> fromCode(String code) {
    return Arrays.stream(values()).filter(k -> k.code().equals(code)).findFirst();
  }

  /** The accepted codes, for error messages. */
  public static String accepted() {
    return String.join(", ", Arrays.stream(values()).map(VenueKind::code).toList());
  }
}
