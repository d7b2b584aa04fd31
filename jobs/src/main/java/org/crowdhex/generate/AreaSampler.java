package org.crowdhex.generate;

import java.util.SplittableRandom;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.Point;

/**
 * Uniform random points inside an area given in local metres, by rejection sampling in its envelope
 * with the run's seeded random.
 *
 * <p>Rejection sampling is exact (uniform over the area), deterministic for a seed and needs no
 * triangulation; a venue outline fills a good part of its envelope, so a few tries suffice. An area
 * that fills almost none of its envelope (a long diagonal route buffered thinly) falls back to the
 * interior point after {@link #MAX_TRIES} misses rather than looping for long.
 */
final class AreaSampler {
  static final int MAX_TRIES = 1_000;

  private final LocalMetres frame;
  private final Envelope envelope;
  private final IndexedPointInAreaLocator locator;
  private final Coordinate probe = new Coordinate();
  private final double fallbackX;
  private final double fallbackY;

  /**
   * @param areaInMetres a polygonal geometry in the frame's metres, not empty
   */
  AreaSampler(LocalMetres frame, Geometry areaInMetres) {
    this.frame = frame;
    this.envelope = areaInMetres.getEnvelopeInternal();
    this.locator = new IndexedPointInAreaLocator(areaInMetres);
    Point interior = areaInMetres.getInteriorPoint();
    this.fallbackX = interior.getX();
    this.fallbackY = interior.getY();
  }

  /** Writes a point as {@code latLon[0] = lat}, {@code latLon[1] = lon}. */
  void sample(SplittableRandom random, double[] latLon) {
    double minX = envelope.getMinX();
    double minY = envelope.getMinY();
    double width = envelope.getWidth();
    double height = envelope.getHeight();
    for (int i = 0; i < MAX_TRIES; i++) {
      probe.x = minX + random.nextDouble() * width;
      probe.y = minY + random.nextDouble() * height;
      if (locator.locate(probe) != Location.EXTERIOR) {
        latLon[0] = frame.lat(probe.y);
        latLon[1] = frame.lon(probe.x);
        return;
      }
    }
    latLon[0] = frame.lat(fallbackY);
    latLon[1] = frame.lon(fallbackX);
  }
}
