package org.crowdhex.alert;

/**
 * How far an alert's score is above the threshold. The bounds are in {@link AlertPolicy}: {@code
 * LOW} from the threshold, {@code MEDIUM} and {@code HIGH} from multiples of it, {@code CRITICAL}
 * from the critical level whatever the multiples say.
 */
public enum Severity {
  LOW,
  MEDIUM,
  HIGH,
  CRITICAL;

  /** The lower-case name written in the outputs. */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
