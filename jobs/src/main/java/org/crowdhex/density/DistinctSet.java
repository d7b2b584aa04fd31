package org.crowdhex.density;

import java.util.Arrays;

/**
 * The distinct 64-bit keys (authors, cells) seen in one window, as an open-addressing hash set: no
 * boxing, a few bytes per key. A public mutable POJO (public no-argument constructor and fields) so
 * Flink keeps it in window state with its fast POJO serializer.
 */
public class DistinctSet {
  /**
   * Slots; 0 marks an empty slot (author keys and H3 cells are never 0). Null until the first
   * author.
   */
  public long[] slots;

  /** The number of distinct keys held. */
  public int size;

  public DistinctSet() {}

  /** Adds a key; returns whether it was new. */
  public boolean add(long key) {
    if (key == 0) throw new IllegalArgumentException("key 0 is reserved");
    if (slots == null) slots = new long[8];
    if ((size + 1) * 4 > slots.length * 3) grow();
    if (insert(slots, key)) {
      size++;
      return true;
    }
    return false;
  }

  /** Adds every key of another set (window merges and totals). */
  public void addAll(DistinctSet other) {
    if (other.slots == null) return;
    for (long k : other.slots) {
      if (k != 0) add(k);
    }
  }

  public boolean contains(long key) {
    if (slots == null || key == 0) return false;
    int mask = slots.length - 1;
    for (int i = mix(key) & mask; ; i = (i + 1) & mask) {
      if (slots[i] == key) return true;
      if (slots[i] == 0) return false;
    }
  }

  public int size() {
    return size;
  }

  private void grow() {
    long[] old = slots;
    slots = new long[old.length * 2];
    for (long k : old) {
      if (k != 0) insert(slots, k);
    }
  }

  private static boolean insert(long[] table, long key) {
    int mask = table.length - 1;
    for (int i = mix(key) & mask; ; i = (i + 1) & mask) {
      if (table[i] == key) return false;
      if (table[i] == 0) {
        table[i] = key;
        return true;
      }
    }
  }

  private static int mix(long key) {
    return (int) (key ^ (key >>> 32)) * 0x9E3779B9;
  }

  @Override
  public String toString() {
    return "DistinctSet" + Arrays.toString(slots == null ? new long[0] : slots);
  }
}
