package org.crowdhex.generate;

import java.util.Arrays;

/**
 * Posts not yet turned into {@link org.crowdhex.post.Post} records, kept in parallel primitive
 * arrays so that generating a minute of a busy city allocates nothing per post; the arrays grow and
 * are reused. Positions are rounded to the six decimals of the Post contract on entry, so that
 * everything computed from a batch (such as the H3 cells of the ground truth) sees exactly what is
 * written.
 */
final class PostBatch {
  private static final int INDEX_BITS = 24;
  private static final long MAX_SPAN_MILLIS = 1L << (63 - INDEX_BITS);

  long[] time;
  double[] lat;
  double[] lon;
  int[] author;
  byte[] language;
  byte[] kind;
  String[] text;
  int size;
  private long[] keys;
  private int[] order;

  PostBatch(int capacity) {
    int c = Math.max(16, capacity);
    time = new long[c];
    lat = new double[c];
    lon = new double[c];
    author = new int[c];
    language = new byte[c];
    kind = new byte[c];
    text = new String[c];
    keys = new long[0];
    order = new int[0];
  }

  static double roundMicro(double degrees) {
    return Math.round(degrees * 1e6) / 1e6;
  }

  /** Adds a post and returns its index in this batch. */
  int add(
      long t,
      double latitude,
      double longitude,
      int authorIndex,
      byte lang,
      String words,
      PostKind k) {
    if (size == time.length) {
      grow();
    }
    int i = size++;
    time[i] = t;
    lat[i] = roundMicro(latitude);
    lon[i] = roundMicro(longitude);
    author[i] = authorIndex;
    language[i] = lang;
    text[i] = words;
    kind[i] = k.code();
    return i;
  }

  /** Copies post {@code i} of another batch. */
  void addFrom(PostBatch other, int i) {
    if (size == time.length) {
      grow();
    }
    int j = size++;
    time[j] = other.time[i];
    lat[j] = other.lat[i];
    lon[j] = other.lon[i];
    author[j] = other.author[i];
    language[j] = other.language[i];
    text[j] = other.text[i];
    kind[j] = other.kind[i];
  }

  void clear() {
    Arrays.fill(text, 0, size, null);
    size = 0;
  }

  private void grow() {
    int c = time.length * 2;
    time = Arrays.copyOf(time, c);
    lat = Arrays.copyOf(lat, c);
    lon = Arrays.copyOf(lon, c);
    author = Arrays.copyOf(author, c);
    language = Arrays.copyOf(language, c);
    kind = Arrays.copyOf(kind, c);
    text = Arrays.copyOf(text, c);
  }

  /**
   * The indices of the posts in time order; posts with equal times keep the order in which they
   * were added, which keeps a run deterministic. The returned array is reused by the next call and
   * holds {@link #size} valid entries.
   */
  int[] timeOrder() {
    if (size == 0) {
      return order;
    }
    if (size >= 1 << INDEX_BITS) {
      throw new IllegalStateException("a batch holds " + size + " posts; at most 16777215 fit");
    }
    long base = Long.MAX_VALUE;
    long max = Long.MIN_VALUE;
    for (int i = 0; i < size; i++) {
      base = Math.min(base, time[i]);
      max = Math.max(max, time[i]);
    }
    if (max - base >= MAX_SPAN_MILLIS) {
      throw new IllegalStateException("a batch spans " + (max - base) + " ms; too long to order");
    }
    if (keys.length < size) {
      keys = new long[time.length];
      order = new int[time.length];
    }
    for (int i = 0; i < size; i++) {
      keys[i] = ((time[i] - base) << INDEX_BITS) | i;
    }
    Arrays.sort(keys, 0, size);
    long mask = (1L << INDEX_BITS) - 1;
    for (int i = 0; i < size; i++) {
      order[i] = (int) (keys[i] & mask);
    }
    return order;
  }
}
