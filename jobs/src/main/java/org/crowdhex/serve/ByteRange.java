package org.crowdhex.serve;

/**
 * The answer to a {@code Range} header for a file of a known size, per <a
 * href="https://www.rfc-editor.org/rfc/rfc9110#section-14">RFC 9110 section 14</a>.
 *
 * <p>One range is honoured; several are answered with the whole file, which the RFC allows and
 * which spares us multipart bodies no tile client asks for. A header that is not valid byte-range
 * syntax is ignored, as the RFC recommends, so the client gets the whole file.
 */
sealed interface ByteRange {

  /** Send the whole file with 200. */
  record Whole() implements ByteRange {}

  /** Send {@code length} bytes from {@code first} with 206. */
  record Part(long first, long length) implements ByteRange {
    long last() {
      return first + length - 1;
    }
  }

  /** Nothing of the file matches: 416. */
  record Unsatisfiable() implements ByteRange {}

  ByteRange WHOLE = new Whole();
  ByteRange UNSATISFIABLE = new Unsatisfiable();

  static ByteRange of(String header, long size) {
    if (header == null) return WHOLE;
    String h = header.strip();
    if (!h.regionMatches(true, 0, "bytes=", 0, 6)) return WHOLE;
    String only = null;
    for (String spec : h.substring(6).split(",", -1)) {
      // The list syntax of RFC 9110 section 5.6.1 allows empty elements.
      if (spec.isBlank()) continue;
      if (only != null) return WHOLE;
      only = spec.strip();
    }
    if (only == null) return WHOLE;
    int dash = only.indexOf('-');
    if (dash < 0) return WHOLE;
    String a = only.substring(0, dash);
    String b = only.substring(dash + 1);
    if (a.isEmpty()) {
      long suffix = number(b);
      if (suffix < 0) return WHOLE;
      if (suffix == 0 || size == 0) return UNSATISFIABLE;
      long length = Math.min(suffix, size);
      return new Part(size - length, length);
    }
    long first = number(a);
    if (first < 0) return WHOLE;
    long last;
    if (b.isEmpty()) {
      last = Long.MAX_VALUE;
    } else {
      last = number(b);
      if (last < 0 || last < first) return WHOLE;
    }
    if (first >= size) return UNSATISFIABLE;
    return new Part(first, Math.min(last, size - 1) - first + 1);
  }

  /**
   * A run of ASCII digits as a number, saturating at {@link Long#MAX_VALUE} (a position that large
   * is beyond any file, which is what it means); -1 if it is not a run of digits.
   */
  private static long number(String digits) {
    if (digits.isEmpty()) return -1;
    long n = 0;
    for (int i = 0; i < digits.length(); i++) {
      char c = digits.charAt(i);
      if (c < '0' || c > '9') return -1;
      int d = c - '0';
      n = n > (Long.MAX_VALUE - d) / 10 ? Long.MAX_VALUE : n * 10 + d;
    }
    return n;
  }
}
