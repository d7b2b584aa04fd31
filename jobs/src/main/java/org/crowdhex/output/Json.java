package org.crowdhex.output;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;

/** Small JSON writing helpers shared by the output formats: UTC ISO-8601 times, compact numbers. */
public final class Json {
  static final JsonFactory FACTORY = new JsonFactory();

  private Json() {}

  /** What a format writes into one JSON value. */
  @FunctionalInterface
  public interface Body {
    void write(JsonGenerator g) throws IOException;
  }

  /** Runs a writer into a string. */
  public static String write(Body body) {
    StringWriter out = new StringWriter(256);
    try (JsonGenerator g = FACTORY.createGenerator(out)) {
      body.write(g);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  /** Epoch ms as UTC ISO-8601, e.g. {@code 2026-04-19T14:30:00Z}. */
  public static String iso(long millis) {
    return Instant.ofEpochMilli(millis).toString();
  }

  /** A double rounded to the given decimals, so outputs stay short and stable across runs. */
  public static double round(double v, int decimals) {
    double f = Math.pow(10, decimals);
    return Math.round(v * f) / f;
  }
}
