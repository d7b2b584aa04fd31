package org.crowdhex.generate;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import org.crowdhex.post.Post;

/**
 * Writes posts as JSON lines in the Post contract's form and field order:
 *
 * <pre>{@code
 * {"id":"p000000001","author":"u00042","time":"2026-04-19T12:03:44.120Z","lat":51.893912,"lon":4.523177,"platform":"synthetic","lang":"nl","text":"..."}
 * }</pre>
 *
 * <p>Time is ISO-8601 UTC with millis; latitude and longitude carry exactly six decimals (about 0.1
 * m, finer than any GPS fix); missing values are written as {@code null}. Jackson's streaming
 * generator does the escaping. A file whose name ends with {@code .gz} is gzip-compressed at the
 * fastest level: the stream is large and written often, and Java writes gzip headers without a
 * timestamp, so equal posts still give byte-identical files.
 */
public final class PostJsonLines implements PostConsumer, Closeable {
  private static final JsonFactory JSON =
      JsonFactory.builder().disable(StreamWriteFeature.AUTO_CLOSE_TARGET).build();

  private final OutputStream out;
  private final JsonGenerator generator;
  private final IsoMillis times = new IsoMillis();
  private final char[] number = new char[32];
  private long written;

  /** Writes to {@code out}; {@link #close()} flushes and closes it. */
  public PostJsonLines(OutputStream out) throws IOException {
    this.out = out;
    this.generator = JSON.createGenerator(out, JsonEncoding.UTF8);
    generator.setRootValueSeparator(null);
  }

  /** Opens (creating or replacing) a file; gzip-compressed when its name ends with .gz. */
  public static PostJsonLines open(Path file) throws IOException {
    OutputStream raw = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
    if (file.getFileName().toString().endsWith(".gz")) {
      raw = new FastGzip(raw);
    }
    return new PostJsonLines(raw);
  }

  @Override
  public void accept(Post post) throws IOException {
    JsonGenerator g = generator;
    g.writeStartObject();
    g.writeStringField("id", post.id());
    g.writeStringField("author", post.author());
    g.writeFieldName("time");
    g.writeString(times.write(post.timeMillis()), 0, IsoMillis.LENGTH);
    g.writeFieldName("lat");
    g.writeNumber(number, 0, sixDecimals(post.lat()));
    g.writeFieldName("lon");
    g.writeNumber(number, 0, sixDecimals(post.lon()));
    g.writeStringField("platform", post.platform());
    g.writeStringField("lang", post.lang());
    g.writeStringField("text", post.text());
    g.writeEndObject();
    g.writeRaw('\n');
    written++;
  }

  /** Posts written so far. */
  public long written() {
    return written;
  }

  /** Writes {@code degrees} rounded to six decimals into {@link #number}; returns the length. */
  private int sixDecimals(double degrees) {
    long micro = Math.round(degrees * 1e6);
    int len = 0;
    if (micro < 0) {
      number[len++] = '-';
      micro = -micro;
    }
    long whole = micro / 1_000_000;
    int fraction = (int) (micro % 1_000_000);
    int start = len;
    do {
      number[len++] = (char) ('0' + whole % 10);
      whole /= 10;
    } while (whole > 0);
    for (int i = start, j = len - 1; i < j; i++, j--) {
      char c = number[i];
      number[i] = number[j];
      number[j] = c;
    }
    number[len++] = '.';
    for (int i = len + 5; i >= len; i--) {
      number[i] = (char) ('0' + fraction % 10);
      fraction /= 10;
    }
    return len + 6;
  }

  @Override
  public void close() throws IOException {
    try {
      generator.close();
    } finally {
      out.close();
    }
  }

  /** Gzip at the fastest level with a 64 KiB buffer. */
  private static final class FastGzip extends GZIPOutputStream {
    FastGzip(OutputStream out) throws IOException {
      super(out, 1 << 16);
      def.setLevel(Deflater.BEST_SPEED);
    }
  }
}
