package org.crowdhex.job.files;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.core.fs.FileStatus;
import org.apache.flink.core.fs.FileSystem;
import org.apache.flink.core.fs.Path;

/**
 * The folder tiles are written to, through Flink's file systems so that a cluster with the S3
 * plugin can write to {@code s3://}. Every file is written under a hidden temporary name and
 * renamed, so a reader (the tile server, a CDN origin) never sees half a file; rewriting a file
 * with the same bytes after a restart changes nothing a reader can see.
 */
public final class TileStore implements Serializable {
  private final String root;

  /**
   * @param root the tile folder (a local path or any Flink file system URI)
   */
  public TileStore(String root) {
    this.root = root;
  }

  public String root() {
    return root;
  }

  /** Writes a file at a path relative to the root, atomically where the file system allows. */
  public void write(String relative, byte[] bytes) throws IOException {
    Path target = new Path(root, relative);
    FileSystem fs = target.getFileSystem();
    Path parent = target.getParent();
    fs.mkdirs(parent);
    Path tmp = new Path(parent, "." + target.getName() + ".tmp");
    try (OutputStream out = fs.create(tmp, FileSystem.WriteMode.OVERWRITE)) {
      out.write(bytes);
    }
    if (!fs.rename(tmp, target)) {
      // Some object stores refuse to rename over an existing key: replace it.
      fs.delete(target, false);
      if (!fs.rename(tmp, target)) {
        throw new IOException("cannot rename " + tmp + " to " + target);
      }
    }
  }

  public void write(String relative, String text) throws IOException {
    write(relative, text.getBytes(StandardCharsets.UTF_8));
  }

  public byte[] read(String relative) throws IOException {
    Path p = new Path(root, relative);
    try (InputStream in = p.getFileSystem().open(p)) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      in.transferTo(out);
      return out.toByteArray();
    }
  }

  /**
   * Paths (relative to the root) of the files under a folder, recursively, hidden files left out.
   */
  public List<String> list(String folder) throws IOException {
    List<String> out = new ArrayList<>();
    Path dir = new Path(root, folder);
    FileSystem fs = dir.getFileSystem();
    if (!fs.exists(dir)) return out;
    collect(fs, dir, folder, out);
    return out;
  }

  private static void collect(FileSystem fs, Path dir, String prefix, List<String> out)
      throws IOException {
    for (FileStatus s : fs.listStatus(dir)) {
      String name = s.getPath().getName();
      if (name.startsWith(".")) continue;
      String rel = prefix + "/" + name;
      if (s.isDir()) collect(fs, s.getPath(), rel, out);
      else out.add(rel);
    }
  }
}
