package org.crowdhex.post;

/**
 * Thrown by a decoder for a line it cannot accept. Carries no stack trace: rejects are expected
 * input, not bugs, and a file of garbage must not cost a stack walk per line.
 */
public final class PostRejected extends Exception {
  private final RejectReason reason;
  private final String field;

  public PostRejected(RejectReason reason, String field, String message) {
    super(message, null, false, false);
    this.reason = reason;
    this.field = field;
  }

  public RejectReason reason() {
    return reason;
  }

  /** The contract field at fault ({@code lat}, {@code time}...), or null for the whole line. */
  public String field() {
    return field;
  }
}
