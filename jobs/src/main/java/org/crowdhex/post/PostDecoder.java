package org.crowdhex.post;

/**
 * Turns one line of a source into a {@link Post}, or says why it cannot. A decoder is made per file
 * (a CSV decoder needs the file's header) and is not thread-safe; it is cheap to make.
 */
public interface PostDecoder {

  /**
   * @param origin where the line came from, e.g. {@code posts.jsonl:12}; stands in for an absent
   *     post id or author
   * @param line the line without its line terminator
   */
  Post decode(String origin, String line) throws PostRejected;

  /** A decoder for JSON lines. */
  static PostDecoder jsonLines(PostSchema schema) {
    return new JsonPostDecoder(schema);
  }

  /**
   * A decoder for the rows of a CSV file with the given header line. If the header lacks a column
   * that the mapping requires, every row is rejected with {@link RejectReason#CSV_HEADER}.
   */
  static PostDecoder csv(PostSchema schema, String headerLine) {
    return CsvPostDecoder.forHeader(schema, headerLine);
  }
}
