package org.crowdhex.job.files;

import java.util.List;
import org.apache.flink.connector.file.src.FileSource;
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
  public static FileSource<SourceLine> source(List<String> inputs, PostFormat format) {
    Path[] paths = inputs.stream().map(Path::new).toArray(Path[]::new);
    return FileSource.forBulkFileFormat(new PostLineFormat(format == PostFormat.CSV), paths)
        .setSplitAssigner(FileOrderAssigner::new)
        .build();
  }
}
