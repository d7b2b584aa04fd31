package org.crowdhex.tile;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Writes heat tiles as PNG files (ISO/IEC 15948, the W3C PNG specification): 8-bit palette images
 * (colour type 3) whose palette is the scale's colours up to the tile's highest level, with their
 * opacities in a {@code tRNS} chunk. A palette image has one byte per pixel instead of four, so it
 * compresses four times less data into a smaller file than an RGBA image of the same pixels.
 *
 * <p>Only the chunks a decoder needs are written ({@code IHDR}, {@code PLTE}, {@code tRNS}, one
 * {@code IDAT}, {@code IEND}; no time stamp or text), every scanline with filter type 1 (Sub, the
 * difference from the pixel to the left), compressed by zlib at its fastest level. The
 * specification advises no filter for palette images because their indices are usually unordered;
 * here the indices are the ordered levels of a smooth surface, and Sub turns its gradients into
 * runs of small numbers that make the files a third smaller and compress faster. The same tile
 * always encodes to the same bytes with the same zlib, so rewriting a tile that did not change
 * writes what was there.
 *
 * <p>Written for speed: a general encoder such as ImageIO's writes RGBA with adaptive filters and
 * takes several times longer per tile. An encoder reuses its buffers and its zlib stream between
 * tiles; it is not thread-safe, and {@link #close()} frees the zlib stream's native memory.
 */
public final class PngEncoder implements AutoCloseable {
  private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
  private static final int CHUNK_OVERHEAD = 12;
  private static final int IHDR_LENGTH = 13;
  private static final byte COLOUR_TYPE_PALETTE = 3;
  private static final byte FILTER_SUB = 1;

  private final Deflater deflater = new Deflater(Deflater.BEST_SPEED);
  private final CRC32 crc = new CRC32();
  private byte[] scanlines = new byte[0];
  private byte[] compressed = new byte[16 * 1024];

  /** The tile as the bytes of a PNG file. */
  public byte[] encode(HeatTile tile) {
    HeatScale scale = tile.scale();
    int paletteSize = tile.maxLevel() + 1;
    int[] palette = new int[paletteSize];
    for (int i = 0; i < paletteSize; i++) {
      palette[i] = scale.argbOfLevel(i);
    }
    return encodeIndexed(HeatTile.SIZE, HeatTile.SIZE, tile.sharedLevels(), palette);
  }

  /**
   * A palette PNG of {@code width × height} pixels, each an index into {@code palette}
   * (non-premultiplied 0xAARRGGBB, at most 256 entries), row by row.
   */
  byte[] encodeIndexed(int width, int height, byte[] indices, int[] palette) {
    if (palette.length < 1 || palette.length > 256 || indices.length != width * height) {
      throw new IllegalArgumentException(
          "a palette PNG needs 1 to 256 colours and one index per pixel; got "
              + palette.length
              + " colours and "
              + indices.length
              + " indices for "
              + width
              + " × "
              + height);
    }
    int stride = width + 1;
    int rawLength = stride * height;
    if (scanlines.length < rawLength) {
      scanlines = new byte[rawLength];
    }
    for (int y = 0; y < height; y++) {
      int in = y * width;
      int out = y * stride;
      scanlines[out] = FILTER_SUB;
      scanlines[out + 1] = indices[in];
      for (int x = 1; x < width; x++) {
        scanlines[out + 1 + x] = (byte) (indices[in + x] - indices[in + x - 1]);
      }
    }
    int idatLength = deflate(rawLength);

    // Entries after the last translucent one are opaque, which tRNS lets a file leave out.
    int alphas = palette.length;
    while (alphas > 0 && palette[alphas - 1] >>> 24 == 0xFF) {
      alphas--;
    }
    int size =
        SIGNATURE.length
            + CHUNK_OVERHEAD
            + IHDR_LENGTH
            + CHUNK_OVERHEAD
            + 3 * palette.length
            + (alphas > 0 ? CHUNK_OVERHEAD + alphas : 0)
            + CHUNK_OVERHEAD
            + idatLength
            + CHUNK_OVERHEAD;
    ByteBuffer out = ByteBuffer.allocate(size);
    out.put(SIGNATURE);

    int start = beginChunk(out, "IHDR", IHDR_LENGTH);
    out.putInt(width).putInt(height);
    out.put((byte) 8).put(COLOUR_TYPE_PALETTE).put((byte) 0).put((byte) 0).put((byte) 0);
    endChunk(out, start);

    start = beginChunk(out, "PLTE", 3 * palette.length);
    for (int argb : palette) {
      out.put((byte) (argb >>> 16)).put((byte) (argb >>> 8)).put((byte) argb);
    }
    endChunk(out, start);

    if (alphas > 0) {
      start = beginChunk(out, "tRNS", alphas);
      for (int i = 0; i < alphas; i++) {
        out.put((byte) (palette[i] >>> 24));
      }
      endChunk(out, start);
    }

    start = beginChunk(out, "IDAT", idatLength);
    out.put(compressed, 0, idatLength);
    endChunk(out, start);

    endChunk(out, beginChunk(out, "IEND", 0));
    return out.array();
  }

  private int deflate(int rawLength) {
    deflater.reset();
    deflater.setInput(scanlines, 0, rawLength);
    deflater.finish();
    int length = 0;
    while (!deflater.finished()) {
      if (length == compressed.length) {
        compressed = Arrays.copyOf(compressed, 2 * compressed.length);
      }
      length += deflater.deflate(compressed, length, compressed.length - length);
    }
    return length;
  }

  /** Writes a chunk's length and type; returns where the type starts, which the CRC covers. */
  private static int beginChunk(ByteBuffer out, String type, int length) {
    out.putInt(length);
    int start = out.position();
    out.put(type.getBytes(StandardCharsets.US_ASCII));
    return start;
  }

  private void endChunk(ByteBuffer out, int start) {
    crc.reset();
    crc.update(out.array(), start, out.position() - start);
    out.putInt((int) crc.getValue());
  }

  @Override
  public void close() {
    deflater.end();
  }
}
