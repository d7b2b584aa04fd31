package org.crowdhex.pmtiles;

import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads tiles and metadata from a PMTiles v3 archive, in memory or in a file, the way a
 * range-request client does: header and root directory up front, leaf directories and tiles on
 * demand.
 *
 * <p>Small on purpose: it is for tests and for locating a tile's byte range. It reads archives
 * whose internal compression is none or gzip, and returns tiles decompressed when their compression
 * is none or gzip. Thread-safe.
 *
 * <p>Specification: <a
 * href="https://github.com/protomaps/PMTiles/blob/main/spec/v3/spec.md">PMTiles Version 3</a>.
 */
public final class PmtilesReader implements Closeable {
  /** The spec advises against deeper trees; readers such as the reference client stop at four. */
  private static final int MAX_DEPTH = 4;

  private static final int CACHED_LEAVES = 64;

  private final Source source;
  private final PmtilesHeader header;
  private final List<DirectoryEntry> root;
  private final Map<Long, List<DirectoryEntry>> leaves =
      Collections.synchronizedMap(
          new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Long, List<DirectoryEntry>> eldest) {
              return size() > CACHED_LEAVES;
            }
          });

  private PmtilesReader(Source source) throws IOException {
    this.source = source;
    try {
      this.header = PmtilesHeader.parse(source.read(0, PmtilesHeader.LENGTH));
      Compression internal = header.internalCompression();
      if (internal != Compression.NONE
          && internal != Compression.GZIP
          && internal != Compression.UNKNOWN) {
        throw new IOException("unsupported internal compression " + internal);
      }
      this.root = directory(header.rootDirectoryOffset(), header.rootDirectoryLength());
    } catch (IllegalArgumentException e) {
      throw new IOException("not a readable PMTiles v3 archive: " + e.getMessage(), e);
    }
  }

  /** A reader over an archive held in memory. */
  public static PmtilesReader of(byte[] archive) throws IOException {
    return new PmtilesReader(new BytesSource(archive));
  }

  /** A reader over an archive file; close it to release the file. */
  public static PmtilesReader open(Path file) throws IOException {
    FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
    try {
      return new PmtilesReader(new FileSource(channel));
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
  }

  public PmtilesHeader header() {
    return header;
  }

  /** The JSON metadata text, decompressed. */
  public String metadata() throws IOException {
    byte[] raw = source.read(header.metadataOffset(), checkedLength(header.metadataLength()));
    return new String(internal(raw), StandardCharsets.UTF_8);
  }

  /**
   * The directory entry of a tile, if the archive has it. Its bytes start at {@code
   * header().tileDataOffset() + entry.offset()} from the start of the archive.
   */
  public Optional<DirectoryEntry> findTile(int z, int x, int y) throws IOException {
    if (z < header.minZoom() || z > header.maxZoom()) {
      return Optional.empty();
    }
    long id = TileIds.zxyToTileId(z, x, y);
    List<DirectoryEntry> dir = root;
    for (int depth = 0; depth < MAX_DEPTH; depth++) {
      DirectoryEntry e = search(dir, id);
      if (e == null) {
        return Optional.empty();
      }
      if (!e.isLeaf()) {
        return Optional.of(e);
      }
      dir = leaf(e);
    }
    throw new IOException("directories nest deeper than " + MAX_DEPTH + " levels");
  }

  /** A tile's bytes as stored, still compressed with the archive's tile compression. */
  public Optional<byte[]> tileData(int z, int x, int y) throws IOException {
    Optional<DirectoryEntry> e = findTile(z, x, y);
    if (e.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(source.read(header.tileDataOffset() + e.get().offset(), e.get().length()));
  }

  /**
   * A tile's content, decompressed.
   *
   * @throws IOException if the tile compression is neither none nor gzip
   */
  public Optional<byte[]> tile(int z, int x, int y) throws IOException {
    Optional<byte[]> data = tileData(z, x, y);
    if (data.isEmpty()) {
      return data;
    }
    return switch (header.tileCompression()) {
      case NONE, UNKNOWN -> data;
      case GZIP -> Optional.of(Gzip.decompress(data.get()));
      default -> throw new IOException("unsupported tile compression " + header.tileCompression());
    };
  }

  /** Every tile entry of the archive in tile id order, leaf directories expanded. */
  public List<DirectoryEntry> tileEntries() throws IOException {
    List<DirectoryEntry> out = new ArrayList<>();
    collect(root, 0, out);
    return out;
  }

  @Override
  public void close() throws IOException {
    source.close();
  }

  private void collect(List<DirectoryEntry> dir, int depth, List<DirectoryEntry> out)
      throws IOException {
    if (depth >= MAX_DEPTH) {
      throw new IOException("directories nest deeper than " + MAX_DEPTH + " levels");
    }
    for (DirectoryEntry e : dir) {
      if (e.isLeaf()) {
        collect(leaf(e), depth + 1, out);
      } else {
        out.add(e);
      }
    }
  }

  private List<DirectoryEntry> leaf(DirectoryEntry pointer) throws IOException {
    long offset = header.leafDirectoriesOffset() + pointer.offset();
    List<DirectoryEntry> cached = leaves.get(offset);
    if (cached == null) {
      cached = directory(offset, pointer.length());
      leaves.put(offset, cached);
    }
    return cached;
  }

  private List<DirectoryEntry> directory(long offset, long length) throws IOException {
    try {
      return Directories.deserialize(internal(source.read(offset, checkedLength(length))));
    } catch (IllegalArgumentException e) {
      throw new IOException("corrupt directory at byte " + offset + ": " + e.getMessage(), e);
    }
  }

  /**
   * The entry holding the tile id: an exact match, else the closest lower entry if its run covers
   * the id or it is a leaf whose range may hold it.
   */
  private static DirectoryEntry search(List<DirectoryEntry> dir, long id) {
    int lo = 0;
    int hi = dir.size() - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      long midId = dir.get(mid).tileId();
      if (midId < id) {
        lo = mid + 1;
      } else if (midId > id) {
        hi = mid - 1;
      } else {
        return dir.get(mid);
      }
    }
    if (hi >= 0) {
      DirectoryEntry e = dir.get(hi);
      if (e.isLeaf() || id - e.tileId() < e.runLength()) {
        return e;
      }
    }
    return null;
  }

  private byte[] internal(byte[] raw) throws IOException {
    return header.internalCompression() == Compression.GZIP ? Gzip.decompress(raw) : raw;
  }

  private static int checkedLength(long length) throws IOException {
    if (length < 0 || length > Integer.MAX_VALUE) {
      throw new IOException("section length " + length + " is out of range");
    }
    return (int) length;
  }

  /** Byte ranges of the archive. */
  private interface Source extends Closeable {
    byte[] read(long offset, int length) throws IOException;
  }

  private record BytesSource(byte[] bytes) implements Source {
    @Override
    public byte[] read(long offset, int length) throws IOException {
      if (offset < 0 || offset + length > bytes.length) {
        throw new EOFException(
            "range " + offset + "+" + length + " is beyond the archive's " + bytes.length);
      }
      byte[] out = new byte[length];
      System.arraycopy(bytes, (int) offset, out, 0, length);
      return out;
    }

    @Override
    public void close() {}
  }

  private record FileSource(FileChannel channel) implements Source {
    @Override
    public byte[] read(long offset, int length) throws IOException {
      ByteBuffer buffer = ByteBuffer.allocate(length);
      long position = offset;
      while (buffer.hasRemaining()) {
        // Positional reads leave the channel's own position alone, so threads can share it.
        int n = channel.read(buffer, position);
        if (n < 0) {
          throw new EOFException(
              "range " + offset + "+" + length + " is beyond the end of the archive");
        }
        position += n;
      }
      return buffer.array();
    }

    @Override
    public void close() throws IOException {
      channel.close();
    }
  }
}
