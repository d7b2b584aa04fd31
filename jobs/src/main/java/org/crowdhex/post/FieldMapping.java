package org.crowdhex.post;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Which field (JSON key or CSV column) of a source holds each part of a post, so that a platform
 * export is read without code. The defaults are the names of the Post contract.
 *
 * @param id post id, or null when the source has none (a line number is used instead)
 * @param author author id, or null when the source has none (every post then counts as its own
 *     author)
 * @param time event time
 * @param lat latitude in degrees
 * @param lon longitude in degrees
 * @param platform optional
 * @param lang optional
 * @param text optional
 */
public record FieldMapping(
    String id,
    String author,
    String time,
    String lat,
    String lon,
    String platform,
    String lang,
    String text)
    implements java.io.Serializable {

  public static final FieldMapping DEFAULT =
      new FieldMapping("id", "author", "time", "lat", "lon", "platform", "lang", "text");

  public FieldMapping {
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(lat, "lat");
    Objects.requireNonNull(lon, "lon");
  }

  /** Contract name to source name, in contract order, leaving out the absent ones. */
  public Map<String, String> asMap() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("id", id);
    m.put("author", author);
    m.put("time", time);
    m.put("lat", lat);
    m.put("lon", lon);
    m.put("platform", platform);
    m.put("lang", lang);
    m.put("text", text);
    m.values().removeIf(Objects::isNull);
    return m;
  }
}
