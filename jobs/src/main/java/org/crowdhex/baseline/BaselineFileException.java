package org.crowdhex.baseline;

import java.util.List;

/**
 * A baseline file that cannot be used: not JSON, of another format version, with a bad or missing
 * field, or learned for another plan (resolution, window size or time zone). It carries every
 * problem found, each a sentence naming the field, its value and what is accepted.
 */
public final class BaselineFileException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final List<String> problems;

  /**
   * @param source the file's name, or a description of the baseline, for the summary line
   * @param problems one self-contained sentence per problem; not empty
   */
  public BaselineFileException(String source, List<String> problems) {
    super(summary(source, problems));
    this.problems = List.copyOf(problems);
  }

  /** Every problem found, one sentence each. */
  public List<String> problems() {
    return problems;
  }

  private static String summary(String source, List<String> problems) {
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("a BaselineFileException needs at least one problem");
    }
    if (problems.size() == 1) {
      return source + ": " + problems.get(0);
    }
    return source + " has " + problems.size() + " problems:\n  " + String.join("\n  ", problems);
  }
}
