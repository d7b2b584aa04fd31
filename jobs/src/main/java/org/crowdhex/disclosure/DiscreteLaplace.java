package org.crowdhex.disclosure;

import java.io.Serializable;
import java.util.random.RandomGenerator;

/**
 * Noise for a differentially private release of counts: the discrete Laplace (two-sided geometric)
 * distribution, P(X = x) = (1 − a)/(1 + a) · a^|x| with a = exp(−ε/Δ), drawn as the difference of
 * two geometric variables (Inusah and Kozubowski 2006; Ghosh, Roughgarden and Sundararajan 2009).
 * Integer noise keeps counts integers and avoids the floating-point leaks of continuous Laplace
 * noise added to a count.
 *
 * <p><b>The guarantee and its ε.</b> If adding or removing one author changes the released counts
 * by at most Δ in total (their L1 sensitivity), adding independent noise of this distribution to
 * each count makes the release ε-differentially private. For distinct authors per cell and window,
 * Δ is the number of cells an author may count in per window: bound it with {@link
 * ContributionBound} and pass that bound as the sensitivity. Then:
 *
 * <ul>
 *   <li>ε is spent <em>per window</em>: one window's release of every cell is ε-DP;
 *   <li>sliding windows overlap, so a post falls in size/slide windows; releases compose, and an
 *       hour of 15-minute windows sliding by 5 minutes costs at most ε × 12 for an author present
 *       all hour (ε × 3 per distinct 15 minutes);
 *   <li>which cells are released must not depend on the data: release every cell of the venue zones
 *       in every window, zeros included, and only then drop small noisy counts (dropping after the
 *       noise is post-processing and costs nothing).
 * </ul>
 *
 * <p>The variance is 2a/(1 − a)², and |X| ≥ t with probability 2a^t/(1 + a) ({@link #tail}). With ε
 * = 1 and Δ = 2 the standard deviation is about 2.8 authors and 95% of the noise lies within ±6.
 *
 * <p>The sampler uses the generator's doubles and the floating-point logarithm: fine for public
 * dashboards, not hardened against timing side channels. Use a {@link java.security.SecureRandom}
 * for a real release and a seeded generator in tests.
 */
public final class DiscreteLaplace implements Serializable {
  private static final long serialVersionUID = 1L;

  private final double epsilon;
  private final int sensitivity;
  private final double decay;
  private final double logDecay;

  /**
   * @param epsilon the privacy loss of one release (per window), above 0
   * @param sensitivity Δ, the most one author changes the released counts in total, at least 1
   */
  public DiscreteLaplace(double epsilon, int sensitivity) {
    if (!(epsilon > 0) || Double.isInfinite(epsilon)) {
      throw new IllegalArgumentException(
          "privacy.dp_epsilon is " + epsilon + "; accepted: a finite number above 0");
    }
    if (sensitivity < 1) {
      throw new IllegalArgumentException(
          "privacy.dp_max_cells is " + sensitivity + "; accepted: a whole number of at least 1");
    }
    this.epsilon = epsilon;
    this.sensitivity = sensitivity;
    this.decay = Math.exp(-epsilon / sensitivity);
    this.logDecay = -epsilon / sensitivity;
  }

  public double epsilon() {
    return epsilon;
  }

  public int sensitivity() {
    return sensitivity;
  }

  /** a = exp(−ε/Δ): how fast the probability falls off with each step away from 0. */
  public double decay() {
    return decay;
  }

  /** One draw of the noise. */
  public long sample(RandomGenerator random) {
    return geometric(random) - geometric(random);
  }

  /** A count as released: the count plus noise, floored at 0 (post-processing, free of cost). */
  public long release(long count, RandomGenerator random) {
    return Math.max(0, count + sample(random));
  }

  /** The variance of the noise, 2a/(1 − a)². */
  public double variance() {
    return 2 * decay / ((1 - decay) * (1 - decay));
  }

  /** P(|X| ≥ t) = 2a^t/(1 + a) for t ≥ 1; 1 for t ≤ 0. */
  public double tail(long t) {
    return t <= 0 ? 1 : 2 * Math.pow(decay, t) / (1 + decay);
  }

  /** The smallest t with P(|X| ≥ t) ≤ 1 − confidence: noise stays within ±(t−1) that often. */
  public long bound(double confidence) {
    long t = 1;
    while (tail(t) > 1 - confidence) t++;
    return t - 1;
  }

  /** Failures before the first success with success probability 1 − a: P(G ≥ g) = a^g. */
  private long geometric(RandomGenerator random) {
    double u = 1 - random.nextDouble(); // in (0, 1], so the logarithm is finite
    return (long) Math.floor(Math.log(u) / logDecay);
  }

  @Override
  public String toString() {
    return "DiscreteLaplace[ε=" + epsilon + " per window, Δ=" + sensitivity + "]";
  }
}
