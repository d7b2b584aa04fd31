package org.crowdhex.pmtiles;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The serialized form of a directory (spec section 4.2): entry count, then the columns of
 * delta-coded tile ids, run lengths, lengths and offsets, all as unsigned LEB128 varints. Offsets
 * are written as 0 when a blob directly follows the previous one, else as offset + 1. Compression
 * is applied by the caller.
 */
final class Directories {
  private Directories() {}

  static byte[] serialize(List<DirectoryEntry> entries) {
    if (entries.isEmpty()) {
      throw new IllegalArgumentException("a directory must hold at least one entry");
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(entries.size() * 6 + 8);
    writeVarint(out, entries.size());
    long lastId = 0;
    for (DirectoryEntry e : entries) {
      writeVarint(out, e.tileId() - lastId);
      lastId = e.tileId();
    }
    for (DirectoryEntry e : entries) {
      writeVarint(out, e.runLength());
    }
    for (DirectoryEntry e : entries) {
      writeVarint(out, e.length());
    }
    long next = 0;
    for (int i = 0; i < entries.size(); i++) {
      DirectoryEntry e = entries.get(i);
      if (i > 0 && e.offset() == next) {
        writeVarint(out, 0);
      } else {
        writeVarint(out, e.offset() + 1);
      }
      next = e.offset() + e.length();
    }
    return out.toByteArray();
  }

  static List<DirectoryEntry> deserialize(byte[] bytes) {
    int[] pos = {0};
    long count = readVarint(bytes, pos);
    if (count <= 0 || count > bytes.length) {
      throw new IllegalArgumentException("bad directory entry count " + count);
    }
    int n = (int) count;
    long[] ids = new long[n];
    long[] runs = new long[n];
    long[] lengths = new long[n];
    long last = 0;
    for (int i = 0; i < n; i++) {
      last += readVarint(bytes, pos);
      ids[i] = last;
    }
    for (int i = 0; i < n; i++) {
      runs[i] = readVarint(bytes, pos);
    }
    for (int i = 0; i < n; i++) {
      lengths[i] = readVarint(bytes, pos);
    }
    List<DirectoryEntry> entries = new ArrayList<>(n);
    long previousEnd = 0;
    for (int i = 0; i < n; i++) {
      long v = readVarint(bytes, pos);
      long offset = (v == 0 && i > 0) ? previousEnd : v - 1;
      if (lengths[i] <= 0 || lengths[i] > Integer.MAX_VALUE || offset < 0) {
        throw new IllegalArgumentException("bad directory entry " + i);
      }
      entries.add(new DirectoryEntry(ids[i], offset, (int) lengths[i], runs[i]));
      previousEnd = offset + lengths[i];
    }
    return entries;
  }

  static void writeVarint(ByteArrayOutputStream out, long value) {
    while ((value & ~0x7FL) != 0) {
      out.write((int) ((value & 0x7F) | 0x80));
      value >>>= 7;
    }
    out.write((int) value);
  }

  static long readVarint(byte[] bytes, int[] pos) {
    long value = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (pos[0] >= bytes.length) {
        throw new IllegalArgumentException("directory ends inside a varint");
      }
      int b = bytes[pos[0]++] & 0xFF;
      value |= (long) (b & 0x7F) << shift;
      if (b < 0x80) {
        return value;
      }
    }
    throw new IllegalArgumentException("varint longer than 10 bytes");
  }
}
