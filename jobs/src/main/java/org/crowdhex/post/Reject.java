package org.crowdhex.post;

/**
 * A line of input that was not accepted, kept with its reason in the rejects output. The raw line
 * is not kept: it may hold an author id or a post text, which must not pass the decoder. The origin
 * says where to find it, and the message quotes only the value of a time or coordinate field.
 *
 * @param origin where the line came from, e.g. {@code posts.jsonl.gz:1234}
 * @param reason the reason code
 * @param field the field at fault, or null
 * @param message a sentence naming the field, the value and what is accepted
 */
public record Reject(String origin, RejectReason reason, String field, String message) {

  public static Reject of(String origin, PostRejected e) {
    return new Reject(origin, e.reason(), e.field(), e.getMessage());
  }
}
