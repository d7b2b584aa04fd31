package org.crowdhex.generate;

import java.util.SplittableRandom;

/**
 * Automated accounts: each posts every one to three minutes, day and night, from one fixed spot,
 * cycling through a few advertising texts.
 *
 * <p>A bot's mean interval is drawn uniformly from {@value #MIN_INTERVAL_S}–{@value
 * #MAX_INTERVAL_S} s and each gap is that mean times a uniform factor in [0.5, 1.5), so bots are
 * regular without being clockwork. The spot is drawn from the {@link CityDensity} once and reported
 * with no GPS jitter: a bot sets a static geotag rather than reading a receiver, and that exact
 * repetition is the tell-tale a detector can use.
 */
final class BotAccounts {
  static final double MIN_INTERVAL_S = 60;
  static final double MAX_INTERVAL_S = 180;
  static final int TEXTS_PER_BOT = 3;

  private final int count;
  private final int firstAuthor;
  private final double[] lat;
  private final double[] lon;
  private final long[] meanGapMillis;
  private final long[] next;
  private final byte[] language;
  private final String[][] texts;
  private final int[] cursor;
  private final SplittableRandom random;

  BotAccounts(
      int count,
      int firstAuthor,
      long startMillis,
      CityDensity density,
      byte cityLanguage,
      SplittableRandom random) {
    this.count = count;
    this.firstAuthor = firstAuthor;
    this.random = random;
    lat = new double[count];
    lon = new double[count];
    meanGapMillis = new long[count];
    next = new long[count];
    language = new byte[count];
    texts = new String[count][TEXTS_PER_BOT];
    cursor = new int[count];
    double[] place = new double[2];
    for (int b = 0; b < count; b++) {
      density.draw(random, place);
      lat[b] = place[0];
      lon[b] = place[1];
      meanGapMillis[b] =
          (long)
              (1000 * (MIN_INTERVAL_S + random.nextDouble() * (MAX_INTERVAL_S - MIN_INTERVAL_S)));
      next[b] = startMillis + (long) (random.nextDouble() * meanGapMillis[b]);
      language[b] = PostTexts.authorLanguage(random, cityLanguage);
      String[] pool = PostTexts.bot()[language[b]];
      int offset = random.nextInt(pool.length);
      for (int i = 0; i < TEXTS_PER_BOT; i++) {
        texts[b][i] = pool[(offset + i) % pool.length];
      }
    }
  }

  /** Expected posts of {@code bots} bots over {@code seconds}: E[1 / mean interval] per bot. */
  static double expectedPosts(int bots, double seconds) {
    double ratePerSecond =
        StrictMath.log(MAX_INTERVAL_S / MIN_INTERVAL_S) / (MAX_INTERVAL_S - MIN_INTERVAL_S);
    return bots * seconds * ratePerSecond;
  }

  int count() {
    return count;
  }

  int firstAuthor() {
    return firstAuthor;
  }

  /** Writes the bot posts of the slice {@code [from, to)}. */
  void addPosts(long from, long to, PostBatch batch) {
    for (int b = 0; b < count; b++) {
      while (next[b] < to) {
        long t = next[b];
        if (t >= from) {
          String words = texts[b][cursor[b]];
          cursor[b] = (cursor[b] + 1) % TEXTS_PER_BOT;
          batch.add(t, lat[b], lon[b], firstAuthor + b, language[b], words, PostKind.BOT);
        }
        next[b] = t + (long) (meanGapMillis[b] * (0.5 + random.nextDouble()));
      }
    }
  }
}
