package org.crowdhex.job.files;

import java.io.IOException;
import java.util.List;
import org.apache.flink.connector.file.src.FileSource;
import org.apache.flink.core.fs.FileStatus;
import org.apache.flink.core.fs.FileSystem;
import org.apache.flink.core.fs.Path;
import org.crowdhex.post.PostFormat;
import org.crowdhex.post.SourceLine;

/** The file source of a replay: files or folders of posts, plain or gzip, read in name order. */
public final class PostFiles {
  private PostFiles() {}

  /**
   * @param inputs files or folders (folders are read recursively); any Flink file system URI
   * @param format decides whether each file starts with a CSV header
   */
  /** How many files the inputs hold (folders counted recursively, hidden files left out). */
  public static int count(List<String> inputs) throws IOException {
    int n = 0;
    for (String in : inputs) {
      Path p = new Path(in);
      n += count(p.getFileSystem(), p);
    }
    return n;
  }

  private static int count(FileSystem fs, Path p) throws IOException {
    FileStatus status = fs.getFileStatus(p);
    if (!status.isDir()) return 1;
    int n = 0;
    for (FileStatus child : fs.listStatus(p)) {
      String name = child.getPath().getName();
      if (name.startsWith(".") || name.startsWith("_")) continue;
      n += count(fs, child.getPath());
    }
    return n;
  }

  public static FileSource<SourceLine> source(List<String> inputs, PostFormat format) {
    Path[] paths = inputs.stream().map(Path::new).toArray(Path[]::new);
    return FileSource.forBulkFileFormat(new PostLineFormat(format == PostFormat.CSV), paths)
        .setSplitAssigner(FileOrderAssigner::new)
        .build();
  }
}
