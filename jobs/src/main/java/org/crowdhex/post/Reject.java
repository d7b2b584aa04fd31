package org.crowdhex.post;

/**
 * A line of input that was not accepted, kept with its reason in the rejects output.
 *
 * @param origin where the line came from, e.g. {@code posts.jsonl.gz:1234}
 * @param reason the reason code
 * @param field the field at fault, or null
 * @param message a sentence naming the field, the value and what is accepted
 * @param line the start of the raw line (at most {@link #MAX_LINE} characters)
 */
public record Reject(
    String origin, RejectReason reason, String field, String message, String line) {
  public static final int MAX_LINE = 300;

  public static Reject of(String origin, PostRejected e, String rawLine) {
    return new Reject(origin, e.reason(), e.field(), e.getMessage(), clip(rawLine));
  }

  static String clip(String s) {
    if (s == null) return "";
    return s.length() <= MAX_LINE ? s : s.substring(0, MAX_LINE) + "…";
  }
}
