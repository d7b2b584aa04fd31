package org.crowdhex.pmtiles;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * The fixed 127-byte header at the start of every PMTiles v3 archive (spec chapter 3): where the
 * sections are, how many tiles there are, how they are compressed, and the bounds, zooms and centre
 * a viewer starts from. Offsets are from the start of the archive; positions are degrees, stored to
 * 1e-7°.
 */
public record PmtilesHeader(
    long rootDirectoryOffset,
    long rootDirectoryLength,
    long metadataOffset,
    long metadataLength,
    long leafDirectoriesOffset,
    long leafDirectoriesLength,
    long tileDataOffset,
    long tileDataLength,
    long addressedTiles,
    long tileEntries,
    long tileContents,
    boolean clustered,
    Compression internalCompression,
    Compression tileCompression,
    TileType tileType,
    int minZoom,
    int maxZoom,
    double minLon,
    double minLat,
    double maxLon,
    double maxLat,
    int centerZoom,
    double centerLon,
    double centerLat) {

  /** Bytes in the header. */
  public static final int LENGTH = 127;

  /** The spec version this class reads and writes. */
  public static final int VERSION = 3;

  private static final byte[] MAGIC = "PMTiles".getBytes(StandardCharsets.US_ASCII);

  /** The header as stored. */
  public byte[] toBytes() {
    ByteBuffer b = ByteBuffer.allocate(LENGTH).order(ByteOrder.LITTLE_ENDIAN);
    b.put(MAGIC);
    b.put((byte) VERSION);
    b.putLong(rootDirectoryOffset);
    b.putLong(rootDirectoryLength);
    b.putLong(metadataOffset);
    b.putLong(metadataLength);
    b.putLong(leafDirectoriesOffset);
    b.putLong(leafDirectoriesLength);
    b.putLong(tileDataOffset);
    b.putLong(tileDataLength);
    b.putLong(addressedTiles);
    b.putLong(tileEntries);
    b.putLong(tileContents);
    b.put((byte) (clustered ? 1 : 0));
    b.put((byte) internalCompression.code());
    b.put((byte) tileCompression.code());
    b.put((byte) tileType.code());
    b.put((byte) minZoom);
    b.put((byte) maxZoom);
    b.putInt(e7(minLon));
    b.putInt(e7(minLat));
    b.putInt(e7(maxLon));
    b.putInt(e7(maxLat));
    b.put((byte) centerZoom);
    b.putInt(e7(centerLon));
    b.putInt(e7(centerLat));
    return b.array();
  }

  /**
   * Reads a header.
   *
   * @param bytes at least the first {@value #LENGTH} bytes of an archive
   * @throws IllegalArgumentException if they are not a PMTiles v3 header
   */
  public static PmtilesHeader parse(byte[] bytes) {
    if (bytes.length < LENGTH) {
      throw new IllegalArgumentException(
          "a PMTiles header has " + LENGTH + " bytes, got " + bytes.length);
    }
    for (int i = 0; i < MAGIC.length; i++) {
      if (bytes[i] != MAGIC[i]) {
        throw new IllegalArgumentException("not a PMTiles archive (wrong magic number)");
      }
    }
    if (bytes[7] != VERSION) {
      throw new IllegalArgumentException(
          "PMTiles spec version " + bytes[7] + " is not supported, only " + VERSION);
    }
    ByteBuffer b = ByteBuffer.wrap(bytes, 0, LENGTH).order(ByteOrder.LITTLE_ENDIAN);
    b.position(8);
    return new PmtilesHeader(
        b.getLong(),
        b.getLong(),
        b.getLong(),
        b.getLong(),
        b.getLong(),
        b.getLong(),
        b.getLong(),
        b.getLong(),
        b.getLong(),
        b.getLong(),
        b.getLong(),
        b.get() == 1,
        Compression.ofCode(b.get() & 0xFF),
        Compression.ofCode(b.get() & 0xFF),
        TileType.ofCode(b.get() & 0xFF),
        b.get() & 0xFF,
        b.get() & 0xFF,
        b.getInt() / 1e7,
        b.getInt() / 1e7,
        b.getInt() / 1e7,
        b.getInt() / 1e7,
        b.get() & 0xFF,
        b.getInt() / 1e7,
        b.getInt() / 1e7);
  }

  /** A position in the header's 1e-7° steps, as the writer stores it. */
  static double quantize(double degrees) {
    return e7(degrees) / 1e7;
  }

  private static int e7(double degrees) {
    return (int) Math.round(degrees * 1e7);
  }
}
