package org.crowdhex.flow;

import java.io.Serializable;
import java.time.Duration;
import java.util.Objects;

/**
 * What a plan says about movement flows ({@code flows:} section): which pairs of consecutive posts
 * of one author count as a move, and what zones moves are aggregated to.
 *
 * @param minGap the shortest time between two posts that may be a move ({@code min_gap}, 60 s):
 *     posts closer in time are one moment, whatever their positions say
 * @param maxGap the longest ({@code max_gap}, 2 h): posts further apart say nothing about a trip;
 *     also how long an author's last post is kept (the state's time to live)
 * @param maxSpeedKmh the fastest believable speed between the two cell centres ({@code
 *     max_speed_kmh}, 150 km/h): faster is a bad geotag, not a move
 * @param venueZones whether moves are aggregated to venue zones ({@code zones: venues}, the
 *     default) rather than to H3 parent cells ({@code zones: h3})
 * @param zoneResolution the H3 resolution of the parent cells when not venue zones ({@code
 *     resolution}); coarser than the plan's cells
 */
public record FlowSettings(
    Duration minGap, Duration maxGap, double maxSpeedKmh, boolean venueZones, int zoneResolution)
    implements Serializable {

  public static final Duration DEFAULT_MIN_GAP = Duration.ofSeconds(60);
  public static final Duration DEFAULT_MAX_GAP = Duration.ofHours(2);
  public static final Duration LONGEST_MAX_GAP = Duration.ofHours(24);
  public static final double DEFAULT_MAX_SPEED_KMH = 150;
  public static final double FASTEST_MAX_SPEED_KMH = 1000;
  public static final int DEFAULT_ZONE_RESOLUTION = 7;

  public static final String MIN_GAP_ACCEPTED =
      "a duration from 0s to 1h (default 60s), shorter than flows.max_gap";
  public static final String MAX_GAP_ACCEPTED =
      "a duration longer than flows.min_gap and at most 24h (default 2h)";
  public static final String MAX_SPEED_ACCEPTED =
      "a speed in km/h above 0 and at most 1000 (default 150)";
  public static final String ZONE_RESOLUTION_ACCEPTED =
      "an H3 resolution from 0 to 15, coarser than the plan's h3_resolution (default 7)";

  /** Moves between venue zones with the default rules. */
  public static final FlowSettings DEFAULT =
      new FlowSettings(
          DEFAULT_MIN_GAP, DEFAULT_MAX_GAP, DEFAULT_MAX_SPEED_KMH, true, DEFAULT_ZONE_RESOLUTION);

  public FlowSettings {
    Objects.requireNonNull(minGap, "flows.min_gap is missing; accepted: " + MIN_GAP_ACCEPTED);
    Objects.requireNonNull(maxGap, "flows.max_gap is missing; accepted: " + MAX_GAP_ACCEPTED);
    if (minGap.isNegative() || minGap.compareTo(Duration.ofHours(1)) > 0) {
      throw problem("flows.min_gap", show(minGap), MIN_GAP_ACCEPTED);
    }
    if (maxGap.compareTo(minGap) <= 0 || maxGap.compareTo(LONGEST_MAX_GAP) > 0) {
      throw problem("flows.max_gap", show(maxGap), MAX_GAP_ACCEPTED);
    }
    if (!(maxSpeedKmh > 0 && maxSpeedKmh <= FASTEST_MAX_SPEED_KMH)) {
      throw problem("flows.max_speed_kmh", String.valueOf(maxSpeedKmh), MAX_SPEED_ACCEPTED);
    }
    if (zoneResolution < 0 || zoneResolution > 15) {
      throw problem("flows.resolution", String.valueOf(zoneResolution), ZONE_RESOLUTION_ACCEPTED);
    }
  }

  /** The same rules aggregated to H3 parent cells at a resolution. */
  public FlowSettings withH3Zones(int resolution) {
    return new FlowSettings(minGap, maxGap, maxSpeedKmh, false, resolution);
  }

  /** The same rules with another longest gap. */
  public FlowSettings withMaxGap(Duration gap) {
    return new FlowSettings(minGap, gap, maxSpeedKmh, venueZones, zoneResolution);
  }

  /** The same rules with another speed limit. */
  public FlowSettings withMaxSpeedKmh(double kmh) {
    return new FlowSettings(minGap, maxGap, kmh, venueZones, zoneResolution);
  }

  /** The fastest believable speed, in metres per millisecond. */
  double maxMetresPerMilli() {
    return maxSpeedKmh / 3600.0;
  }

  static String show(Duration d) {
    return d.toMillis() % 1000 == 0 ? d.toSeconds() + "s" : d.toMillis() + "ms";
  }

  private static IllegalArgumentException problem(String field, String value, String accepted) {
    return new IllegalArgumentException(field + " is " + value + "; accepted: " + accepted);
  }
}
