package org.crowdhex.generate;

import java.util.List;
import java.util.SplittableRandom;
import org.crowdhex.venue.Venue;
import org.locationtech.jts.geom.Point;

/**
 * Where people are: a mixture of centres, each with a density that decays exponentially with
 * distance, so the city is densest in its centre and around its venues and thins outward.
 *
 * <ul>
 *   <li>The city centre is the mean of the venues' centroids; it carries half of the population
 *       with a decay scale of {@value #CITY_SCALE_M} m.
 *   <li>Each venue's centroid carries an equal share of the other half with a scale of {@value
 *       #VENUE_SCALE_M} m: neighbourhoods grow around stations, squares and stadiums.
 *   <li>Density proportional to {@code exp(-r / scale)} in the plane means the distance {@code r}
 *       follows a Gamma(2, scale) law (the sum of two exponentials); the direction is uniform.
 *       Draws beyond {@value #MAX_DISTANCE_M} m are drawn again, which bounds the city.
 * </ul>
 */
final class CityDensity {
  static final double CITY_SCALE_M = 1_500;
  static final double VENUE_SCALE_M = 1_000;
  static final double MAX_DISTANCE_M = 8_000;
  static final double CITY_SHARE = 0.5;

  private final double[] lat;
  private final double[] lon;
  private final double[] scale;
  private final double[] cumulativeShare;
  private final LocalMetres[] frames;
  private final LocalMetres cityFrame;

  CityDensity(List<Venue> venues) {
    int n = venues.size();
    lat = new double[n + 1];
    lon = new double[n + 1];
    scale = new double[n + 1];
    cumulativeShare = new double[n + 1];
    frames = new LocalMetres[n + 1];
    double sumLat = 0;
    double sumLon = 0;
    for (int i = 0; i < n; i++) {
      Point c = venues.get(i).geometry().getCentroid();
      lat[i + 1] = c.getY();
      lon[i + 1] = c.getX();
      scale[i + 1] = VENUE_SCALE_M;
      sumLat += c.getY();
      sumLon += c.getX();
    }
    lat[0] = sumLat / n;
    lon[0] = sumLon / n;
    scale[0] = CITY_SCALE_M;
    double cumulative = CITY_SHARE;
    cumulativeShare[0] = cumulative;
    for (int i = 1; i <= n; i++) {
      cumulative += (1 - CITY_SHARE) / n;
      cumulativeShare[i] = cumulative;
    }
    cumulativeShare[n] = 1.0;
    for (int i = 0; i <= n; i++) {
      frames[i] = new LocalMetres(lat[i], lon[i]);
    }
    cityFrame = frames[0];
  }

  double centreLat() {
    return lat[0];
  }

  double centreLon() {
    return lon[0];
  }

  LocalMetres cityFrame() {
    return cityFrame;
  }

  /** Writes one place drawn from the mixture as {@code latLon[0] = lat, latLon[1] = lon}. */
  void draw(SplittableRandom random, double[] latLon) {
    double pick = random.nextDouble();
    int c = 0;
    while (pick >= cumulativeShare[c] && c < cumulativeShare.length - 1) {
      c++;
    }
    double r;
    do {
      r =
          scale[c]
              * (-StrictMath.log(1.0 - random.nextDouble())
                  - StrictMath.log(1.0 - random.nextDouble()));
    } while (r > MAX_DISTANCE_M);
    double angle = random.nextDouble() * 2 * Math.PI;
    LocalMetres frame = frames[c];
    latLon[0] = frame.lat(r * StrictMath.sin(angle));
    latLon[1] = frame.lon(r * StrictMath.cos(angle));
  }
}
