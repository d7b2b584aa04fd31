package org.crowdhex.serve;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * Strong entity tags made from content hashes, and the comparisons of <a
 * href="https://www.rfc-editor.org/rfc/rfc9110#section-8.8.3">RFC 9110 section 8.8.3</a>.
 *
 * <p>A hash of the content (rather than of size and time) gives the same tag on every server and
 * after every restart, so caches and CDNs in front of several servers agree. Large files are hashed
 * once per (path, file identity, size, modification time) and remembered, so that the many range
 * requests a PMTiles client makes do not each read a whole archive.
 */
final class EntityTags {
  /** What we remember about a large file: its tag, and whether it is stored gzipped. */
  record Facts(String etag, boolean gzipped) {}

  private record Key(Path file, Object fileKey, long size, FileTime modified) {}

  private final int capacity;

  // Access-ordered so the least recently used file is dropped first; a FutureTask per key lets
  // concurrent first requests for one archive wait for a single hashing run.
  private final Map<Key, FutureTask<Facts>> remembered;

  EntityTags(int capacity) {
    this.capacity = capacity;
    this.remembered =
        new LinkedHashMap<>(64, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<Key, FutureTask<Facts>> eldest) {
            return size() > EntityTags.this.capacity;
          }
        };
  }

  /** The tag of bytes held in memory. */
  static String of(byte[] content) {
    return quoted(sha256().digest(content));
  }

  /** The facts of a large file, from memory when its path, identity, size and time are known. */
  Facts of(Path file, BasicFileAttributes attributes, FileChannel channel) throws IOException {
    Key key = new Key(file, attributes.fileKey(), attributes.size(), attributes.lastModifiedTime());
    FutureTask<Facts> task;
    boolean mine = false;
    synchronized (remembered) {
      task = remembered.get(key);
      if (task == null) {
        task = new FutureTask<>(() -> hash(channel));
        remembered.put(key, task);
        mine = true;
      }
    }
    if (mine) task.run();
    try {
      return task.get();
    } catch (ExecutionException | CancellationException e) {
      synchronized (remembered) {
        remembered.remove(key, task);
      }
      Throwable cause = e.getCause();
      if (cause instanceof IOException io) throw io;
      throw new IOException("cannot hash " + file.getFileName(), cause == null ? e : cause);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while hashing " + file.getFileName(), e);
    }
  }

  /**
   * Whether an {@code If-None-Match} header matches a tag: {@code *} matches any file that exists,
   * otherwise the weak comparison the RFC prescribes for this header (a {@code W/} prefix is
   * ignored).
   */
  static boolean noneMatchHits(List<String> headers, String etag) {
    if (headers == null) return false;
    for (String header : headers) {
      if (header.strip().equals("*")) return true;
      for (String tag : tags(header)) {
        if (opaque(tag).equals(etag)) return true;
      }
    }
    return false;
  }

  /**
   * Whether an {@code If-Range} header lets a range through: only a strong tag equal to ours. A
   * date never does, because we send no {@code Last-Modified}.
   */
  static boolean ifRangeHolds(String header, String etag) {
    return header == null || header.strip().equals(etag);
  }

  /** The entity tags of a list header, each as sent (with any {@code W/} prefix). */
  private static List<String> tags(String header) {
    List<String> tags = new ArrayList<>();
    int i = 0;
    int n = header.length();
    while (i < n) {
      char c = header.charAt(i);
      if (c == ',' || c == ' ' || c == '\t') {
        i++;
        continue;
      }
      int start = i;
      if (header.startsWith("W/", i)) i += 2;
      if (i >= n || header.charAt(i) != '"') return tags; // not a tag: ignore the rest
      int close = header.indexOf('"', i + 1);
      if (close < 0) return tags;
      tags.add(header.substring(start, close + 1));
      i = close + 1;
    }
    return tags;
  }

  private static String opaque(String tag) {
    return tag.startsWith("W/") ? tag.substring(2) : tag;
  }

  private static Facts hash(FileChannel channel) throws IOException {
    MessageDigest digest = sha256();
    ByteBuffer buffer = ByteBuffer.allocate(1 << 16);
    long position = 0;
    boolean gzipped = false;
    int read;
    while ((read = channel.read(buffer, position)) >= 0) {
      if (position == 0) gzipped = MediaTypes.startsLikeGzip(buffer.array(), read);
      position += read;
      buffer.flip();
      digest.update(buffer);
      buffer.clear();
    }
    return new Facts(quoted(digest.digest()), gzipped);
  }

  private static String quoted(byte[] digest) {
    // 128 bits are plenty to tell versions of one file apart and keep headers short.
    return "\"" + HexFormat.of().formatHex(digest, 0, 16) + "\"";
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
