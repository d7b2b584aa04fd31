package org.crowdhex.vectortile;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A growable byte buffer that writes the few protocol buffer wire types a vector tile needs:
 * varints, 64-bit fixed doubles and length-delimited fields.
 *
 * <p>Hand-written rather than generated so the encoder needs no protobuf runtime, allocates almost
 * nothing per tile and writes fields in one fixed order (byte-identical output for the same input).
 * Wire format: <a href="https://protobuf.dev/programming-guides/encoding/">protobuf encoding</a>.
 */
final class ProtoBuffer {
  static final int VARINT = 0;
  static final int FIXED64 = 1;
  static final int LENGTH_DELIMITED = 2;

  private byte[] bytes;
  private int size;

  ProtoBuffer(int initialCapacity) {
    bytes = new byte[Math.max(16, initialCapacity)];
  }

  int size() {
    return size;
  }

  void clear() {
    size = 0;
  }

  byte[] toByteArray() {
    return Arrays.copyOf(bytes, size);
  }

  void tag(int field, int wireType) {
    varint(((long) field << 3) | wireType);
  }

  /** An unsigned varint; negative longs take the full ten bytes, as protobuf's uint64 does. */
  void varint(long value) {
    ensure(10);
    while ((value & ~0x7FL) != 0) {
      bytes[size++] = (byte) ((value & 0x7F) | 0x80);
      value >>>= 7;
    }
    bytes[size++] = (byte) value;
  }

  void fixed64(long value) {
    ensure(8);
    for (int i = 0; i < 8; i++) {
      bytes[size++] = (byte) (value >>> (8 * i));
    }
  }

  void stringField(int field, String value) {
    byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
    tag(field, LENGTH_DELIMITED);
    varint(utf8.length);
    raw(utf8, 0, utf8.length);
  }

  /** A length-delimited field whose payload is the whole content of another buffer. */
  void messageField(int field, ProtoBuffer message) {
    tag(field, LENGTH_DELIMITED);
    varint(message.size);
    raw(message.bytes, 0, message.size);
  }

  /** A packed repeated uint32 field. */
  void packedField(int field, int[] values, int count) {
    int length = 0;
    for (int i = 0; i < count; i++) {
      length += varintSize(values[i] & 0xFFFFFFFFL);
    }
    tag(field, LENGTH_DELIMITED);
    varint(length);
    for (int i = 0; i < count; i++) {
      varint(values[i] & 0xFFFFFFFFL);
    }
  }

  private void raw(byte[] source, int offset, int length) {
    ensure(length);
    System.arraycopy(source, offset, bytes, size, length);
    size += length;
  }

  static int varintSize(long value) {
    int n = 1;
    while ((value & ~0x7FL) != 0) {
      value >>>= 7;
      n++;
    }
    return n;
  }

  private void ensure(int more) {
    if (size + more > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
    }
  }
}
