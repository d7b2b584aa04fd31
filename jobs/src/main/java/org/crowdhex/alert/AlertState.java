package org.crowdhex.alert;

/** What happened to an alert in the window its record reports. */
public enum AlertState {
  /** The alert starts: 2 of 3 windows above the threshold, or one above the critical level. */
  OPENED,
  /** The alert holds (score at least half the threshold) without reaching a new severity. */
  UPDATED,
  /** The alert reached a severity above every severity it had before. */
  ESCALATED,
  /** The alert ended after the closing run of windows below half the threshold. */
  CLOSED;

  /** The lower-case name written in the outputs. */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
