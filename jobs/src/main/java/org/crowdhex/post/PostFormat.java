package org.crowdhex.post;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The line formats posts are read from. */
public enum PostFormat {
  /** One JSON object per line (JSON Lines). */
  JSONL,
  /** Comma- (or otherwise) separated values with a header line naming the columns. */
  CSV;

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<PostFormat> fromCode(String code) {
    return Arrays.stream(values()).filter(f -> f.code().equals(code)).findFirst();
  }
}
