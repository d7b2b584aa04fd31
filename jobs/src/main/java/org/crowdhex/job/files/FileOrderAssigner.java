package org.crowdhex.job.files;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.apache.flink.connector.file.src.FileSourceSplit;
import org.apache.flink.connector.file.src.assigners.FileSplitAssigner;

/**
 * Hands out input files in name order. A recording split into files by time (day-01, day-02...)
 * must be read in time order, or the watermark of a later file would make an earlier file late.
 */
public final class FileOrderAssigner implements FileSplitAssigner {
  private static final Comparator<FileSourceSplit> BY_PATH =
      Comparator.comparing((FileSourceSplit s) -> s.path().toString())
          .thenComparingLong(FileSourceSplit::offset);
  private final TreeSet<FileSourceSplit> splits = new TreeSet<>(BY_PATH);

  public FileOrderAssigner(Collection<FileSourceSplit> initial) {
    splits.addAll(initial);
  }

  @Override
  public Optional<FileSourceSplit> getNext(String hostname) {
    return Optional.ofNullable(splits.pollFirst());
  }

  @Override
  public void addSplits(Collection<FileSourceSplit> more) {
    splits.addAll(more);
  }

  @Override
  public Collection<FileSourceSplit> remainingSplits() {
    List<FileSourceSplit> rest = new ArrayList<>(splits);
    return rest;
  }
}
