package org.crowdhex.plan;

import java.util.List;
import java.util.stream.Collectors;

/** An event plan that cannot be used, with every problem found in it (not just the first). */
public class PlanException extends RuntimeException {
  private final String source;
  private final List<PlanProblem> problems;

  public PlanException(String source, List<PlanProblem> problems) {
    super(
        source
            + ": "
            + problems.size()
            + (problems.size() == 1 ? " problem" : " problems")
            + "\n"
            + problems.stream().map(p -> "  - " + p.message()).collect(Collectors.joining("\n")));
    this.source = source;
    this.problems = List.copyOf(problems);
  }

  /** The plan file (or a description of where the plan came from). */
  public String source() {
    return source;
  }

  public List<PlanProblem> problems() {
    return problems;
  }
}
