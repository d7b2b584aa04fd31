package org.crowdhex.job.files;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.core.fs.FileSystem;
import org.apache.flink.core.fs.Path;
import org.crowdhex.output.RecordFormat;

/**
 * Writes a stream of records to one file per sink subtask through Flink's file systems (so a
 * cluster can write to any store it has a plugin for). The file is written under a hidden
 * in-progress name and renamed to its final name when the input ends, so a reader never sees a
 * half-written file under the final name. For replays of bounded input; the live path's
 * checkpoint-aligned outputs are built on the same formats.
 */
public final class RecordFileSink<T> implements Sink<T> {
  private final String dir;
  private final String fileName;
  private final RecordFormat<T> format;

  /**
   * @param dir the output folder (any Flink file system URI or local path)
   * @param fileName e.g. {@code cells.jsonl}; subtasks other than the first add {@code -N}
   */
  public RecordFileSink(String dir, String fileName, RecordFormat<T> format) {
    this.dir = dir;
    this.fileName = fileName;
    this.format = format;
  }

  @Override
  public SinkWriter<T> createWriter(WriterInitContext context) throws IOException {
    int subtask = context.getTaskInfo().getIndexOfThisSubtask();
    String name = subtask == 0 ? fileName : suffixed(fileName, subtask);
    return new FileWriter<>(new Path(dir, name), new Path(dir, "." + name + ".inprogress"), format);
  }

  private static String suffixed(String name, int subtask) {
    int dot = name.indexOf('.');
    return dot < 0
        ? name + "-" + subtask
        : name.substring(0, dot) + "-" + subtask + name.substring(dot);
  }

  private static final class FileWriter<T> implements SinkWriter<T> {
    private final Path target;
    private final Path inProgress;
    private final RecordFormat<T> format;
    private final FileSystem fs;
    private final Writer out;
    private boolean first = true;
    private boolean finished;

    FileWriter(Path target, Path inProgress, RecordFormat<T> format) throws IOException {
      this.target = target;
      this.inProgress = inProgress;
      this.format = format;
      this.fs = target.getFileSystem();
      fs.mkdirs(target.getParent());
      this.out =
          new BufferedWriter(
              new OutputStreamWriter(
                  fs.create(inProgress, FileSystem.WriteMode.OVERWRITE), StandardCharsets.UTF_8),
              1 << 16);
      out.write(format.header());
    }

    @Override
    public void write(T element, Context context) throws IOException {
      if (!first) out.write(format.separator());
      first = false;
      out.write(format.encode(element));
    }

    @Override
    public void flush(boolean endOfInput) throws IOException {
      if (endOfInput && !finished) {
        finished = true;
        if (!first || !format.header().isEmpty()) out.write(format.footer());
        out.close();
        fs.rename(inProgress, target);
      } else if (!finished) {
        out.flush();
      }
    }

    @Override
    public void close() throws IOException {
      if (!finished) out.close(); // a failed or cancelled run leaves only the in-progress file
    }
  }
}
