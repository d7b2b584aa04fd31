package org.crowdhex.privacy;

/**
 * The pseudonym key cannot be had: its variable is unset or empty, its file unreadable, or its
 * secret too short. A problem the user fixes, so the message is a sentence naming the plan field,
 * the variable or file and what is accepted; it never holds the secret. A run stops before it reads
 * a single post.
 */
public class PseudonymKeyException extends RuntimeException {
  public PseudonymKeyException(String message) {
    super(message);
  }
}
