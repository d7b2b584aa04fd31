package org.crowdhex.generate;

import java.util.BitSet;
import java.util.SplittableRandom;

/**
 * The city's everyday posters: authors with heavy-tailed activity, each with a home area.
 *
 * <ul>
 *   <li>Activity: each author gets a Pareto weight with α = {@value #PARETO_ALPHA} (minimum 1,
 *       capped at {@value #MAX_WEIGHT} so that nobody posts like a machine), so a tenth of the
 *       authors write about half of the posts and most authors post rarely. Who writes a post is
 *       drawn in constant time from an alias table of these weights.
 *   <li>Home: a place drawn from the {@link CityDensity}. A post is written within a Gaussian
 *       {@value #HOME_SPREAD_M} m of home with probability {@value #AT_HOME_SHARE}, else anywhere
 *       in the city (a fresh draw from the density): people mostly stay in their part of town.
 *   <li>Language: the city's with probability {@link PostTexts#LOCAL_LANGUAGE_SHARE}, else English.
 *   <li>An author who goes to a match is busy from arriving at the transit hub until leaving it
 *       again, and writes no background posts meanwhile.
 * </ul>
 */
final class BackgroundPopulation {
  static final double PARETO_ALPHA = 1.2;
  static final double MAX_WEIGHT = 150;
  static final double HOME_SPREAD_M = 500;
  static final double AT_HOME_SHARE = 0.7;

  private final int size;
  private final double[] aliasProbability;
  private final int[] alias;
  private final double[] homeLat;
  private final double[] homeLon;
  private final byte[] language;
  private final CityDensity density;
  private final double homeSpreadLat;
  private final double homeSpreadLon;
  private final BitSet reserved = new BitSet();
  private int reservedCount;
  private long[] busyFrom;
  private long[] busyTo;

  BackgroundPopulation(int size, CityDensity density, byte cityLanguage, SplittableRandom random) {
    this.size = size;
    this.density = density;
    this.aliasProbability = new double[size];
    this.alias = new int[size];
    this.homeLat = new double[size];
    this.homeLon = new double[size];
    this.language = new byte[size];
    this.homeSpreadLat = HOME_SPREAD_M * density.cityFrame().degreesLatPerMetre();
    this.homeSpreadLon = HOME_SPREAD_M * density.cityFrame().degreesLonPerMetre();
    double[] weights = new double[size];
    double[] place = new double[2];
    for (int a = 0; a < size; a++) {
      weights[a] =
          Math.min(MAX_WEIGHT, StrictMath.pow(1.0 - random.nextDouble(), -1.0 / PARETO_ALPHA));
      density.draw(random, place);
      homeLat[a] = place[0];
      homeLon[a] = place[1];
      language[a] = PostTexts.authorLanguage(random, cityLanguage);
    }
    buildAliasTable(weights);
  }

  /** Vose's alias method: after O(n) set-up an author is drawn with two random numbers. */
  private void buildAliasTable(double[] weights) {
    int n = size;
    if (n == 0) {
      return;
    }
    double sum = 0;
    for (double w : weights) {
      sum += w;
    }
    double[] scaled = weights;
    int[] small = new int[n];
    int[] large = new int[n];
    int smallCount = 0;
    int largeCount = 0;
    for (int i = 0; i < n; i++) {
      scaled[i] = weights[i] * n / sum;
      if (scaled[i] < 1) {
        small[smallCount++] = i;
      } else {
        large[largeCount++] = i;
      }
    }
    while (smallCount > 0 && largeCount > 0) {
      int s = small[--smallCount];
      int l = large[--largeCount];
      aliasProbability[s] = scaled[s];
      alias[s] = l;
      scaled[l] = scaled[l] + scaled[s] - 1;
      if (scaled[l] < 1) {
        small[smallCount++] = l;
      } else {
        large[largeCount++] = l;
      }
    }
    while (largeCount > 0) {
      aliasProbability[large[--largeCount]] = 1;
    }
    while (smallCount > 0) {
      aliasProbability[small[--smallCount]] = 1;
    }
  }

  int size() {
    return size;
  }

  byte language(int author) {
    return language[author];
  }

  /** Writes the background posts of the slice {@code [from, to)} with the given expected count. */
  void addPosts(
      long from,
      long to,
      double expected,
      PostBatch batch,
      GpsJitter jitter,
      SplittableRandom random,
      double[] scratch) {
    if (size == 0) {
      return;
    }
    int n = RandomDraws.poisson(random, expected);
    long length = to - from;
    String[][] texts = PostTexts.background();
    for (int k = 0; k < n; k++) {
      int slot = random.nextInt(size);
      int a = random.nextDouble() < aliasProbability[slot] ? slot : alias[slot];
      long t = from + (long) (random.nextDouble() * length);
      if (busyFrom != null && t >= busyFrom[a] && t < busyTo[a]) {
        continue;
      }
      if (random.nextDouble() < AT_HOME_SHARE) {
        scratch[0] = homeLat[a];
        scratch[1] = homeLon[a];
        RandomDraws.addGaussian(random, scratch, homeSpreadLat, homeSpreadLon);
      } else {
        density.draw(random, scratch);
      }
      jitter.apply(random, scratch);
      byte lang = language[a];
      String[] choices = texts[lang];
      batch.add(
          t,
          scratch[0],
          scratch[1],
          a,
          lang,
          choices[random.nextInt(choices.length)],
          PostKind.BACKGROUND);
    }
  }

  /**
   * Picks a background author who goes to a match and is not yet going to another one, or -1 when
   * too few are left (at most a quarter of the population goes to matches).
   */
  int reserveAttendee(SplittableRandom random) {
    if (reservedCount >= size / 4) {
      return -1;
    }
    while (true) {
      int a = random.nextInt(size);
      if (!reserved.get(a)) {
        reserved.set(a);
        reservedCount++;
        return a;
      }
    }
  }

  void markBusy(int author, long from, long to) {
    if (busyFrom == null) {
      busyFrom = new long[size];
      busyTo = new long[size];
    }
    busyFrom[author] = from;
    busyTo[author] = to;
  }
}
