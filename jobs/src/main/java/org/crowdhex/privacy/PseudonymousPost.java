package org.crowdhex.privacy;

/**
 * A post past the privacy boundary: the author is a pseudonym, and the post's own id and text are
 * gone. Everything after decoding sees only this. The text survives only when the plan keeps texts
 * for a stated reason; no published output ever carries it.
 *
 * @param author the author's pseudonym for the key period of {@code timeMillis}, never 0
 * @param timeMillis event time, epoch ms UTC
 * @param lat latitude in degrees
 * @param lon longitude in degrees
 * @param platform source platform, or null
 * @param lang language code, or null
 * @param text the post text when the plan keeps texts ({@code privacy.keep_text}); else null
 */
public record PseudonymousPost(
    long author,
    long timeMillis,
    double lat,
    double lon,
    String platform,
    String lang,
    String text) {

  public PseudonymousPost {
    if (author == 0) {
      throw new IllegalArgumentException("pseudonym 0 is reserved for empty slots");
    }
  }

  /** The pseudonym as 16 hex digits, the form used for string keys. */
  public String authorHex() {
    return Pseudonymizer.hex(author);
  }
}
