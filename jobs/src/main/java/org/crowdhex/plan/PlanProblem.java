package org.crowdhex.plan;

/**
 * One thing wrong with an event plan: the field (a dotted path such as {@code window.slide}), the
 * value found there and what would be accepted.
 */
public record PlanProblem(String field, String value, String accepted) {

  /** A sentence a planner can act on, e.g. {@code window.slide is "7x"; accepted: a duration}. */
  public String message() {
    return field + " is " + value + "; accepted: " + accepted;
  }

  @Override
  public String toString() {
    return message();
  }
}
