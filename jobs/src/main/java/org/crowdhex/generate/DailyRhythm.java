package org.crowdhex.generate;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.zone.ZoneRules;

/**
 * How posting activity varies over the local day: a relative weight per hour, with mean 1 over the
 * day, interpolated linearly between the middles of the hours so that the rate has no steps.
 *
 * <p>The shape follows what public studies of geotagged posting report: a trough from 02:00 to
 * 06:00, a rise through the morning, a lunch peak, and the day's maximum in the evening from 19:00
 * to 22:00. The ratio evening/night is about ten.
 */
final class DailyRhythm {
  /** Length of one generation slice; the rate is taken as constant within it. */
  static final long SLICE_MILLIS = 60_000;

  private static final double[] HOURLY = {
    0.90, 0.55, 0.30, 0.20, 0.15, 0.20, 0.40, 0.80, 1.00, 1.00, 1.05, 1.20, //
    1.50, 1.40, 1.10, 1.00, 1.05, 1.20, 1.45, 1.80, 2.00, 1.90, 1.50, 1.20
  };

  static {
    double sum = 0;
    for (double w : HOURLY) {
      sum += w;
    }
    double mean = sum / HOURLY.length;
    for (int h = 0; h < HOURLY.length; h++) {
      HOURLY[h] /= mean;
    }
  }

  private DailyRhythm() {}

  /** The weight at a local time of day, in seconds since local midnight. */
  static double weight(double localSecondOfDay) {
    double hours = localSecondOfDay / 3600.0 - 0.5;
    double floor = Math.floor(hours);
    double fraction = hours - floor;
    int h = Math.floorMod((int) floor, 24);
    return HOURLY[h] * (1 - fraction) + HOURLY[(h + 1) % 24] * fraction;
  }

  /** The weight of the slice {@code [from, to)}, taken at its middle in the given zone. */
  static double sliceWeight(long fromMillis, long toMillis, ZoneRules rules) {
    long mid = fromMillis + (toMillis - fromMillis) / 2;
    int offsetSeconds = rules.getOffset(Instant.ofEpochMilli(mid)).getTotalSeconds();
    long localMillis = mid + offsetSeconds * 1000L;
    return weight(Math.floorMod(localMillis, 86_400_000L) / 1000.0);
  }

  /**
   * Expected background posts of one author over a period, summed over the same slices the
   * generator uses, so a target post count can be met without running the generator.
   */
  static double expectedPostsPerAuthor(
      Instant start, Duration duration, ZoneId zone, double postsPerAuthorPerDay) {
    ZoneRules rules = zone.getRules();
    long from = start.toEpochMilli();
    long end = from + duration.toMillis();
    double perMilli = postsPerAuthorPerDay / 86_400_000.0;
    double sum = 0;
    for (long s = from; s < end; s += SLICE_MILLIS) {
      long e = Math.min(s + SLICE_MILLIS, end);
      sum += (e - s) * sliceWeight(s, e, rules);
    }
    return sum * perMilli;
  }
}
