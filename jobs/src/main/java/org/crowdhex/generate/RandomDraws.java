package org.crowdhex.generate;

import java.util.SplittableRandom;

/**
 * The few distributions the model needs, drawn from a caller's seeded {@link SplittableRandom} so
 * that a run is reproducible from its seed alone.
 *
 * <p>Transcendental functions come from {@link StrictMath} and normal deviates from our own polar
 * method rather than {@code nextGaussian()}: {@link Math} may differ in the last bit between CPU
 * architectures, and one changed bit can flip a rejection step and change every later post.
 */
final class RandomDraws {
  private static final int LOG_FACTORIAL_TABLE = 256;
  private static final double[] LOG_FACTORIAL = new double[LOG_FACTORIAL_TABLE];

  static {
    for (int k = 1; k < LOG_FACTORIAL_TABLE; k++) {
      LOG_FACTORIAL[k] = LOG_FACTORIAL[k - 1] + StrictMath.log(k);
    }
  }

  private RandomDraws() {}

  /**
   * A Poisson count. Small means multiply uniforms (Knuth); larger means use Hörmann's transformed
   * rejection (PTRS), whose cost does not grow with the mean — a busy minute of a five-million-post
   * run has a mean in the thousands.
   */
  static int poisson(SplittableRandom random, double mean) {
    if (!(mean > 0)) {
      return 0;
    }
    if (mean < 10) {
      double limit = StrictMath.exp(-mean);
      double product = random.nextDouble();
      int k = 0;
      while (product > limit) {
        k++;
        product *= random.nextDouble();
      }
      return k;
    }
    double sqrtMean = Math.sqrt(mean);
    double logMean = StrictMath.log(mean);
    double b = 0.931 + 2.53 * sqrtMean;
    double a = -0.059 + 0.02483 * b;
    double invAlpha = 1.1239 + 1.1328 / (b - 3.4);
    double vr = 0.9277 - 3.6224 / (b - 2);
    while (true) {
      double u = random.nextDouble() - 0.5;
      double v = random.nextDouble();
      double us = 0.5 - Math.abs(u);
      long k = (long) Math.floor((2 * a / us + b) * u + mean + 0.43);
      if (us >= 0.07 && v <= vr) {
        return (int) k;
      }
      if (k < 0 || (us < 0.013 && v > us)) {
        continue;
      }
      double lhs = StrictMath.log(v) + StrictMath.log(invAlpha) - StrictMath.log(a / (us * us) + b);
      if (lhs <= -mean + k * logMean - logFactorial(k)) {
        return (int) k;
      }
    }
  }

  static double logFactorial(long k) {
    if (k < LOG_FACTORIAL_TABLE) {
      return LOG_FACTORIAL[(int) k];
    }
    double n = k;
    return n * StrictMath.log(n)
        - n
        + 0.5 * StrictMath.log(2 * Math.PI * n)
        + 1 / (12 * n)
        - 1 / (360 * n * n * n);
  }

  /** Exponential with the given mean. */
  static double exponential(SplittableRandom random, double mean) {
    return -mean * StrictMath.log(1.0 - random.nextDouble());
  }

  /** Exponential with the given mean, drawn again until it falls below {@code limit}. */
  static double exponentialBelow(SplittableRandom random, double mean, double limit) {
    while (true) {
      double x = exponential(random, mean);
      if (x < limit) {
        return x;
      }
    }
  }

  /**
   * Adds independent normal noise with standard deviations {@code sigmaLat} and {@code sigmaLon} to
   * {@code latLon} (Marsaglia's polar method, which yields the two deviates a 2-D displacement
   * needs from one logarithm).
   */
  static void addGaussian(
      SplittableRandom random, double[] latLon, double sigmaLat, double sigmaLon) {
    double u;
    double v;
    double s;
    do {
      u = 2 * random.nextDouble() - 1;
      v = 2 * random.nextDouble() - 1;
      s = u * u + v * v;
    } while (s >= 1 || s == 0);
    double factor = Math.sqrt(-2 * StrictMath.log(s) / s);
    latLon[0] += u * factor * sigmaLat;
    latLon[1] += v * factor * sigmaLon;
  }

  static boolean chance(SplittableRandom random, double probability) {
    return random.nextDouble() < probability;
  }
}
