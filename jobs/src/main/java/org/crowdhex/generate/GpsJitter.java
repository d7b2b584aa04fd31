package org.crowdhex.generate;

import java.util.SplittableRandom;

/**
 * Gaussian position noise of a phone's GPS fix: independent normal errors east and north with the
 * given standard deviation in metres (15 m is typical for a phone outdoors in a city). Degrees per
 * metre are taken once at the city centre, which is accurate enough for noise.
 */
final class GpsJitter {
  private final double sigmaLat;
  private final double sigmaLon;

  GpsJitter(double sigmaMetres, LocalMetres cityFrame) {
    this.sigmaLat = sigmaMetres * cityFrame.degreesLatPerMetre();
    this.sigmaLon = sigmaMetres * cityFrame.degreesLonPerMetre();
  }

  /** Moves {@code latLon} (lat, lon) by one draw of the noise. */
  void apply(SplittableRandom random, double[] latLon) {
    if (sigmaLat > 0) {
      RandomDraws.addGaussian(random, latLon, sigmaLat, sigmaLon);
    }
  }
}
