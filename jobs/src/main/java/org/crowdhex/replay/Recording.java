package org.crowdhex.replay;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.crowdhex.post.Post;
import org.crowdhex.post.PostDecoder;
import org.crowdhex.post.PostRejected;
import org.crowdhex.post.PostSchema;

/**
 * A recorded stream of posts: JSON lines files, plain or gzip ({@code .gz}), or folders of them
 * (read recursively, hidden files and names starting with {@code _} left out, as the job's file
 * source does). Times are read with a plan's field mapping and time format, or the Post contract's
 * {@code time} field.
 *
 * <p>{@link #open} merges the files by event time: of the next line of each file, the one with the
 * earliest time goes first (the earlier file on a tie). Within a file the recorded order is kept as
 * it is: a recording is in arrival order, so a post that reached the platform late stays after
 * newer posts and the job sees the disorder the live stream had. Blank lines are not records.
 */
public final class Recording {
  private static final Comparator<Path> NAME_ORDER = Comparator.comparing(Path::toString);

  private final List<Path> files;
  private final PostSchema schema;

  private Recording(List<Path> files, PostSchema schema) {
    this.files = files;
    this.schema = schema;
  }

  /**
   * The files of the inputs, each folder's files in name order after the files named before it.
   *
   * @throws NoSuchFileException for an input that does not exist
   */
  public static Recording of(List<Path> inputs, PostSchema schema) throws IOException {
    List<Path> files = new ArrayList<>();
    for (Path in : inputs) {
      if (!Files.exists(in)) throw new NoSuchFileException(in.toString());
      if (Files.isDirectory(in)) {
        try (Stream<Path> walk = Files.walk(in)) {
          walk.filter(Files::isRegularFile)
              .filter(p -> !hidden(in, p))
              .sorted(NAME_ORDER)
              .forEach(files::add);
        }
      } else {
        files.add(in);
      }
    }
    return new Recording(List.copyOf(files), schema);
  }

  private static boolean hidden(Path root, Path p) {
    for (Path part : root.relativize(p)) {
      String n = part.toString();
      if (n.startsWith(".") || n.startsWith("_")) return true;
    }
    return false;
  }

  public List<Path> files() {
    return files;
  }

  /**
   * How many records the recording holds and the span of time it covers (from the first and last
   * readable line of each file): read once before a replay, for its time-left estimate.
   *
   * @param records lines that are not blank
   * @param firstMillis the earliest first time of a file, or {@link Long#MIN_VALUE} when none
   * @param lastMillis the latest last time of a file, or {@link Long#MIN_VALUE} when none
   */
  public record Extent(long records, long firstMillis, long lastMillis) {}

  /** Reads every file once, counting records and noting the time of its first and last lines. */
  public Extent scan() throws IOException {
    PostDecoder decoder = PostDecoder.jsonLines(schema);
    long records = 0, first = Long.MAX_VALUE, last = Long.MIN_VALUE;
    for (Path f : files) {
      String firstLine = null, lastLine = null;
      long lineNo = 0, firstNo = 0;
      try (BufferedReader in = reader(f)) {
        String line;
        while ((line = in.readLine()) != null) {
          lineNo++;
          if (line.isBlank()) continue;
          records++;
          if (firstLine == null) {
            firstLine = line;
            firstNo = lineNo;
          }
          lastLine = line;
        }
      }
      String name = f.getFileName().toString();
      if (firstLine != null) {
        long t = time(decoder, name + ":" + firstNo, firstLine);
        if (t != Long.MIN_VALUE) first = Math.min(first, t);
        long u = time(decoder, name + ":" + lineNo, lastLine);
        if (u != Long.MIN_VALUE) last = Math.max(last, u);
      }
    }
    return new Extent(records, first == Long.MAX_VALUE ? Long.MIN_VALUE : first, last);
  }

  private static long time(PostDecoder decoder, String origin, String line) {
    try {
      return decoder.decode(origin, line).timeMillis();
    } catch (PostRejected e) {
      return Long.MIN_VALUE;
    }
  }

  /** The records of all files merged by event time (see the class comment). */
  public Merge open() throws IOException {
    return new Merge();
  }

  /** Opens a file as UTF-8 text (gzip by its name), undecodable bytes as U+FFFD. */
  static BufferedReader reader(Path f) throws IOException {
    InputStream in = Files.newInputStream(f);
    try {
      if (f.getFileName().toString().endsWith(".gz")) in = new GZIPInputStream(in, 1 << 16);
    } catch (IOException e) {
      in.close();
      throw e;
    }
    var decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE);
    return new BufferedReader(new InputStreamReader(in, decoder), 1 << 16);
  }

  /** The merged records, one at a time; closes every file when closed. */
  public final class Merge implements Closeable {
    private final PriorityQueue<Cursor> heads =
        new PriorityQueue<>(
            Comparator.comparingLong((Cursor c) -> c.head.timeMillis())
                .thenComparingInt(c -> c.index));
    private final List<Cursor> all = new ArrayList<>();

    private Merge() throws IOException {
      try {
        for (int i = 0; i < files.size(); i++) {
          Cursor c = new Cursor(i, files.get(i));
          all.add(c);
          if (c.advance()) heads.add(c);
        }
      } catch (IOException | RuntimeException e) {
        close();
        throw e;
      }
    }

    /** The next record, or null after the last. */
    public TimedLine next() throws IOException {
      Cursor c = heads.poll();
      if (c == null) return null;
      TimedLine line = c.head;
      if (c.advance()) heads.add(c);
      return line;
    }

    @Override
    public void close() throws IOException {
      IOException first = null;
      for (Cursor c : all) {
        try {
          c.in.close();
        } catch (IOException e) {
          if (first == null) first = e;
        }
      }
      if (first != null) throw first;
    }
  }

  private final class Cursor {
    final int index;
    final String name;
    final BufferedReader in;
    final PostDecoder decoder = PostDecoder.jsonLines(schema);
    final boolean sourceHasIds = schema.fields().id() != null;
    long lineNo;
    long lastTime = Long.MIN_VALUE;
    TimedLine head;

    Cursor(int index, Path file) throws IOException {
      this.index = index;
      this.name = file.getFileName().toString();
      this.in = reader(file);
    }

    /** Reads the next record into {@link #head}; false at the end of the file. */
    boolean advance() throws IOException {
      String line;
      while ((line = in.readLine()) != null) {
        lineNo++;
        if (line.isBlank()) continue;
        String origin = name + ":" + lineNo;
        try {
          Post p = decoder.decode(origin, line);
          lastTime = p.timeMillis();
          // Without an id of its own a post's id is its origin: no key then, never the author.
          String key = sourceHasIds && !p.id().equals(origin) ? p.id() : null;
          head = new TimedLine(origin, line, p.timeMillis(), true, key);
        } catch (PostRejected e) {
          head = new TimedLine(origin, line, lastTime, false, null);
        } catch (UncheckedIOException e) {
          throw e.getCause();
        }
        return true;
      }
      head = null;
      return false;
    }
  }
}
