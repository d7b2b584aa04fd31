package org.crowdhex.serve;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Content types by file name, and which files may be stored gzipped. */
final class MediaTypes {
  static final String OCTET_STREAM = "application/octet-stream";

  private static final Map<String, String> BY_EXTENSION =
      Map.ofEntries(
          Map.entry("png", "image/png"),
          Map.entry("mvt", "application/vnd.mapbox-vector-tile"),
          Map.entry("pmtiles", "application/vnd.pmtiles"),
          Map.entry("json", "application/json"),
          Map.entry("map", "application/json"),
          Map.entry("geojson", "application/geo+json"),
          Map.entry("html", "text/html; charset=utf-8"),
          Map.entry("js", "text/javascript"),
          Map.entry("mjs", "text/javascript"),
          Map.entry("css", "text/css"),
          Map.entry("svg", "image/svg+xml"),
          Map.entry("woff2", "font/woff2"));

  /**
   * Formats that are text or protobuf and so are sometimes stored gzipped. Others are either
   * compressed already (PNG, WOFF2) or containers whose bytes must reach the client untouched
   * (PMTiles, and unknown files such as a {@code .gz} download, which a browser would otherwise
   * unpack).
   */
  private static final Set<String> MAY_BE_GZIPPED =
      Set.of("mvt", "json", "map", "geojson", "html", "js", "mjs", "css", "svg");

  private MediaTypes() {}

  static String of(String fileName) {
    return BY_EXTENSION.getOrDefault(extension(fileName), OCTET_STREAM);
  }

  static boolean mayBeGzipped(String fileName) {
    return MAY_BE_GZIPPED.contains(extension(fileName));
  }

  /** The gzip magic number (RFC 1952), which no file of the formats above starts with. */
  static boolean startsLikeGzip(byte[] firstBytes, int length) {
    return length >= 2 && firstBytes[0] == (byte) 0x1f && firstBytes[1] == (byte) 0x8b;
  }

  private static String extension(String fileName) {
    int dot = fileName.lastIndexOf('.');
    return dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
  }
}
