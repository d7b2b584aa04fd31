package org.crowdhex.alert;

/**
 * Where an alert's expected crowd comes from, written in each alert record as {@code baseline}: how
 * far the figures {@code expected} and {@code ratio} may be trusted.
 */
public enum ExpectationSource {
  /** A baseline file learned from past posts ({@code crowdhex baseline}): per cell and hour. */
  HISTORY("history"),
  /**
   * No baseline file: learned from the first windows of the stream itself (the plan's {@code
   * detection.warm_up}), the same for every hour of the day.
   */
  ONLINE("online"),
  /** No baseline file, and the stream's own warm-up is not over: treat the alert with care. */
  NO_BASELINE_YET("no baseline yet");

  private final String label;

  ExpectationSource(String label) {
    this.label = label;
  }

  /** The name written in the outputs. */
  public String label() {
    return label;
  }

  /** The source of that label. */
  public static ExpectationSource ofLabel(String label) {
    for (ExpectationSource s : values()) {
      if (s.label.equals(label)) return s;
    }
    throw new IllegalArgumentException(
        "baseline is \"" + label + "\"; accepted: history, online or no baseline yet");
  }
}
