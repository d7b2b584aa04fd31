package org.crowdhex.privacy;

import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Objects;
import org.crowdhex.post.Post;

/**
 * Turns author ids into pseudonyms: HMAC-SHA-256 of the id's UTF-8 bytes under the key of the
 * post's key period ({@link KeyRotation}), truncated to its first 64 bits (big-endian). One author
 * keeps one pseudonym for a whole period and gets an unrelated one in the next period or under
 * another key; without the key, a pseudonym cannot be traced back to the id, nor can an id be
 * tested against it.
 *
 * <p>64 bits are plenty for counting: two authors of a million share a pseudonym with probability
 * about n²/2⁶⁵ = 3·10⁻⁸. A pseudonym is never 0 (a digest starting with 64 zero bits becomes 1),
 * because 0 marks the empty slots of {@code DistinctSet}; {@link #hex(long)} gives the 16-digit
 * form for string keys.
 *
 * <p>Not thread-safe: make one per task (in {@code open}). It keeps the keys of the two most recent
 * key periods, one SHA-256 digest and reused buffers, so a call allocates nothing; the HMAC is
 * computed as RFC 2104 defines it, and the tests check it against the JDK's {@code HmacSHA256}.
 */
public final class Pseudonymizer {
  private static final int BLOCK = 64;

  private final PseudonymKey key;
  private final KeyRotation rotation;
  private final MessageDigest sha256;

  /** The two most recently used periods; [0] is the most recent. */
  private final KeyPeriod[] periods = new KeyPeriod[2];

  /** Each period's key XOR ipad and XOR opad (RFC 2104), parallel to {@link #periods}. */
  private final byte[][] innerPads = new byte[2][];

  private final byte[][] outerPads = new byte[2][];
  private final byte[] digest = new byte[32];
  private byte[] utf8 = new byte[64];

  private Pseudonymizer(PseudonymKey key, KeyRotation rotation) {
    this.key = Objects.requireNonNull(key, "key");
    this.rotation = Objects.requireNonNull(rotation, "rotation");
    try {
      this.sha256 = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("this Java runtime has no SHA-256", e);
    }
  }

  public static Pseudonymizer create(PseudonymKey key, KeyRotation rotation) {
    return new Pseudonymizer(key, rotation);
  }

  /**
   * The pseudonym of an author at an instant.
   *
   * @param author the author id at its source
   * @param timeMillis the post's event time, epoch ms, which picks the key period
   * @return a 64-bit pseudonym, never 0
   */
  public long pseudonym(String author, long timeMillis) {
    int slot = slotFor(timeMillis);
    int n = encode(author);
    // HMAC (RFC 2104) spelled out over one reused digest, because Mac.doFinal allocates.
    try {
      sha256.update(innerPads[slot]);
      sha256.update(utf8, 0, n);
      sha256.digest(digest, 0, digest.length);
      sha256.update(outerPads[slot]);
      sha256.update(digest);
      sha256.digest(digest, 0, digest.length);
    } catch (DigestException e) {
      throw new IllegalStateException(e);
    }
    long h = 0;
    for (int i = 0; i < 8; i++) {
      h = (h << 8) | (digest[i] & 0xff);
    }
    return h == 0 ? 1 : h;
  }

  /**
   * The post past the privacy boundary: its author replaced by a pseudonym, its id dropped, and its
   * text dropped unless {@code keepText}.
   */
  public PseudonymousPost apply(Post post, boolean keepText) {
    return new PseudonymousPost(
        pseudonym(post.author(), post.timeMillis()),
        post.timeMillis(),
        post.lat(),
        post.lon(),
        post.platform(),
        post.lang(),
        keepText ? post.text() : null);
  }

  /** A pseudonym as 16 lower-case hex digits, zero-padded. */
  public static String hex(long pseudonym) {
    String s = Long.toHexString(pseudonym);
    return s.length() == 16 ? s : "0".repeat(16 - s.length()) + s;
  }

  /** Where the key came from and how it rotates, for the start-up log; never the secret. */
  public String describe() {
    return "pseudonyms: HMAC-SHA-256 with "
        + key.origin()
        + " (fingerprint "
        + key.fingerprint()
        + "), "
        + rotation.describe();
  }

  /** The slot (0) of the period holding the instant, made most recent. */
  private int slotFor(long timeMillis) {
    if (periods[0] != null && periods[0].contains(timeMillis)) return 0;
    if (periods[1] == null || !periods[1].contains(timeMillis)) {
      // A new period replaces the least recently used one. Posts around midnight come in a
      // slightly shuffled order, so the periods either side of it are both kept.
      KeyPeriod period = rotation.periodOf(timeMillis);
      byte[] periodKey = key.periodKey(period.id()); // 32 bytes: no hashing down to BLOCK
      byte[] inner = new byte[BLOCK];
      byte[] outer = new byte[BLOCK];
      for (int i = 0; i < BLOCK; i++) {
        byte k = i < periodKey.length ? periodKey[i] : 0;
        inner[i] = (byte) (k ^ 0x36);
        outer[i] = (byte) (k ^ 0x5c);
      }
      Arrays.fill(periodKey, (byte) 0);
      periods[1] = period;
      innerPads[1] = inner;
      outerPads[1] = outer;
    }
    swap(periods);
    swap(innerPads);
    swap(outerPads);
    return 0;
  }

  private static <T> void swap(T[] pair) {
    T first = pair[0];
    pair[0] = pair[1];
    pair[1] = first;
  }

  /**
   * Encodes the id into {@link #utf8} exactly as {@code String.getBytes(UTF_8)} does (an unpaired
   * surrogate becomes '?'), without allocating; returns the number of bytes.
   */
  private int encode(String s) {
    int length = s.length();
    if (utf8.length < length * 3) utf8 = new byte[Math.max(length * 3, utf8.length * 2)];
    byte[] out = utf8;
    int n = 0;
    for (int i = 0; i < length; i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        out[n++] = (byte) c;
      } else if (c < 0x800) {
        out[n++] = (byte) (0xc0 | (c >> 6));
        out[n++] = (byte) (0x80 | (c & 0x3f));
      } else if (Character.isSurrogate(c)) {
        char d = i + 1 < length ? s.charAt(i + 1) : 0;
        if (Character.isHighSurrogate(c) && Character.isLowSurrogate(d)) {
          int cp = Character.toCodePoint(c, d);
          out[n++] = (byte) (0xf0 | (cp >> 18));
          out[n++] = (byte) (0x80 | ((cp >> 12) & 0x3f));
          out[n++] = (byte) (0x80 | ((cp >> 6) & 0x3f));
          out[n++] = (byte) (0x80 | (cp & 0x3f));
          i++;
        } else {
          out[n++] = '?';
        }
      } else {
        out[n++] = (byte) (0xe0 | (c >> 12));
        out[n++] = (byte) (0x80 | ((c >> 6) & 0x3f));
        out[n++] = (byte) (0x80 | (c & 0x3f));
      }
    }
    return n;
  }
}
