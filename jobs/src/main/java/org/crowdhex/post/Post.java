package org.crowdhex.post;

/**
 * One geotagged post after decoding and validation (the Post contract of the design).
 *
 * @param id the post's id at its source (may be empty when the source has none)
 * @param author the author's id at its source (empty when the source has none)
 * @param timeMillis event time, epoch milliseconds UTC
 * @param lat latitude in degrees, within [-90, 90]
 * @param lon longitude in degrees, within [-180, 180]
 * @param platform source platform, or null
 * @param lang language code, or null
 * @param text the post text, or null
 */
public record Post(
    String id,
    String author,
    long timeMillis,
    double lat,
    double lon,
    String platform,
    String lang,
    String text) {}
