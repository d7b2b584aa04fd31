package org.crowdhex.job.files;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.file.src.FileSourceSplit;
import org.apache.flink.connector.file.src.impl.StreamFormatAdapter;
import org.apache.flink.connector.file.src.reader.BulkFormat;
import org.apache.flink.connector.file.src.reader.SimpleStreamFormat;
import org.apache.flink.connector.file.src.reader.StreamFormat;
import org.apache.flink.core.fs.FSDataInputStream;
import org.crowdhex.post.SourceLine;

/**
 * Reads input files line by line into {@link SourceLine}s that know their file and line number, so
 * a reject can say where it came from. Gzip files ({@code .gz}) are decompressed by Flink's file
 * source. Undecodable bytes become U+FFFD rather than failing the file: a line of binary garbage is
 * rejected on its own, and the lines around it are still read.
 */
public final class PostLineFormat implements BulkFormat<SourceLine, FileSourceSplit> {
  private final boolean csv;

  /**
   * @param csv whether the first line of each file is a CSV header (not a record)
   */
  public PostLineFormat(boolean csv) {
    this.csv = csv;
  }

  @Override
  public Reader<SourceLine> createReader(Configuration config, FileSourceSplit split)
      throws IOException {
    return new StreamFormatAdapter<>(new Lines(split.path().getName(), csv))
        .createReader(config, split);
  }

  @Override
  public Reader<SourceLine> restoreReader(Configuration config, FileSourceSplit split)
      throws IOException {
    return new StreamFormatAdapter<>(new Lines(split.path().getName(), csv))
        .restoreReader(config, split);
  }

  @Override
  public boolean isSplittable() {
    return false;
  }

  @Override
  public TypeInformation<SourceLine> getProducedType() {
    return TypeInformation.of(SourceLine.class);
  }

  private static final class Lines extends SimpleStreamFormat<SourceLine> {
    private final String file;
    private final boolean csv;

    Lines(String file, boolean csv) {
      this.file = file;
      this.csv = csv;
    }

    @Override
    public StreamFormat.Reader<SourceLine> createReader(
        Configuration config, FSDataInputStream stream) {
      var decoder =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPLACE)
              .onUnmappableCharacter(CodingErrorAction.REPLACE);
      BufferedReader in = new BufferedReader(new InputStreamReader(stream, decoder), 1 << 16);
      return new StreamFormat.Reader<>() {
        private long lineNo;
        private String header;

        @Override
        public SourceLine read() throws IOException {
          String line;
          while ((line = in.readLine()) != null) {
            lineNo++;
            if (csv && header == null) {
              header = line;
              continue;
            }
            if (line.isBlank()) continue; // blank lines are not records
            return new SourceLine(file + ":" + lineNo, line, header);
          }
          return null;
        }

        @Override
        public void close() throws IOException {
          in.close();
        }
      };
    }

    @Override
    public TypeInformation<SourceLine> getProducedType() {
      return TypeInformation.of(SourceLine.class);
    }
  }
}
