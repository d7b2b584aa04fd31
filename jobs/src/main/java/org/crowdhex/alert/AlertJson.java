package org.crowdhex.alert;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;

/** Writing the alerts' JSON documents: one value into a string, and times as UTC ISO-8601. */
final class AlertJson {
  private static final JsonFactory JSON = new JsonFactory();

  private AlertJson() {}

  /** What a document writes into one JSON value. */
  interface Body {
    void write(JsonGenerator g) throws IOException;
  }

  /** Runs a writer into a string. */
  static String write(Body body) {
    StringWriter out = new StringWriter(1024);
    try (JsonGenerator g = JSON.createGenerator(out)) {
      body.write(g);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  /** A count, or null when it is held back. */
  static void writeCount(JsonGenerator g, String field, Long count) throws IOException {
    if (count == null) g.writeNullField(field);
    else g.writeNumberField(field, count);
  }

  /** Epoch ms as UTC ISO-8601, e.g. {@code 2026-04-19T14:30:00Z}. */
  static String iso(long millis) {
    return Instant.ofEpochMilli(millis).toString();
  }
}
