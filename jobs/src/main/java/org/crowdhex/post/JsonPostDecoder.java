package org.crowdhex.post;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import java.io.IOException;
import java.util.Arrays;

/**
 * Reads one JSON object per line with Jackson's streaming parser: no tree and no reflection, so a
 * line costs well under a microsecond. Top-level fields only; fields not in the mapping, nested
 * objects and arrays are skipped.
 */
final class JsonPostDecoder implements PostDecoder {
  private static final JsonFactory JSON =
      JsonFactory.builder().enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();
  private static final int ID = 0, AUTHOR = 1, TIME = 2, LAT = 3, LON = 4;
  private static final int PLATFORM = 5, LANG = 6, TEXT = 7;

  private final PostFields fields;
  private final String[] names;
  private final String[] values = new String[8];

  JsonPostDecoder(PostSchema schema) {
    this.fields = new PostFields(schema);
    FieldMapping m = schema.fields();
    this.names =
        new String[] {
          m.id(), m.author(), m.time(), m.lat(), m.lon(), m.platform(), m.lang(), m.text()
        };
  }

  @Override
  public Post decode(String origin, String line) throws PostRejected {
    Arrays.fill(values, null);
    try (JsonParser p = JSON.createParser(line)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw malformed("the line is not a JSON object");
      }
      JsonToken t;
      while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        JsonToken v = p.nextToken();
        if (v == JsonToken.START_OBJECT || v == JsonToken.START_ARRAY) {
          p.skipChildren();
        } else if (v != JsonToken.VALUE_NULL) {
          // One source field may feed several post fields (e.g. id and author), as in CSV.
          for (int slot = 0; slot < names.length; slot++) {
            if (name.equals(names[slot])) values[slot] = p.getText();
          }
        }
      }
      if (t != JsonToken.END_OBJECT) throw malformed("the JSON object is not closed");
      if (p.nextToken() != null) throw malformed("there is text after the JSON object");
    } catch (IOException e) {
      throw malformed("the line is not valid JSON (" + firstLine(e.getMessage()) + ")");
    }
    return fields.build(
        origin,
        values[ID],
        values[AUTHOR],
        values[TIME],
        values[LAT],
        values[LON],
        values[PLATFORM],
        values[LANG],
        values[TEXT]);
  }

  private static PostRejected malformed(String why) {
    return new PostRejected(
        RejectReason.MALFORMED, null, why + "; accepted: one JSON object per line");
  }

  /**
   * The parser's complaint without the tokens it quotes from the line ({@code Unrecognized token
   * '…'}): a token may be an author id or a piece of text, which no reject may hold.
   */
  private static String firstLine(String s) {
    if (s == null) return "unreadable";
    int nl = s.indexOf('\n');
    return PostFields.clip((nl < 0 ? s : s.substring(0, nl)).replaceAll("'[^']{2,}'", "'…'"));
  }
}
