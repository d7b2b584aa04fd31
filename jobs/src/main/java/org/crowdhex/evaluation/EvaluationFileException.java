package org.crowdhex.evaluation;

import java.util.List;

/**
 * A truth file or an alerts file that cannot be scored: missing, not JSON, or with records that
 * lack a field or hold a bad value. It carries every problem found, so a user can fix the whole
 * file in one go.
 */
public final class EvaluationFileException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final List<String> problems;

  /**
   * @param fileName the file's name, for the summary line when there are several problems
   * @param problems one self-contained sentence per problem, each naming the file; not empty
   */
  public EvaluationFileException(String fileName, List<String> problems) {
    super(summary(fileName, problems));
    this.problems = List.copyOf(problems);
  }

  /** Every problem found, in file order, one sentence each. */
  public List<String> problems() {
    return problems;
  }

  private static String summary(String fileName, List<String> problems) {
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("an EvaluationFileException needs at least one problem");
    }
    if (problems.size() == 1) {
      return problems.get(0);
    }
    return fileName + " has " + problems.size() + " problems:\n  " + String.join("\n  ", problems);
  }
}
