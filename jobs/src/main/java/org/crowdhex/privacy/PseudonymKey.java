package org.crowdhex.privacy;

import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import java.util.function.UnaryOperator;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The master secret behind the pseudonyms of a run. Author ids become pseudonyms with HMAC-SHA-256
 * under a key derived from this secret for each key period ({@link KeyRotation}); whoever holds the
 * secret can re-link pseudonyms to the ids they came from, so it stays out of every log and output:
 * {@link #toString()} names only where the key came from, and {@link #fingerprint()} identifies it
 * without revealing it.
 *
 * <p>A secret must be at least {@value #MIN_BYTES} bytes (256 bits, the HMAC-SHA-256 key size).
 * Make one with {@code openssl rand -base64 48}. In a variable the secret is its UTF-8 text; in a
 * file its bytes, without one trailing line break.
 *
 * <p>Serializable so that the embedded engine can ship a {@link #throwaway()} key to its tasks; on
 * a cluster, ship the {@link KeySource} instead and load the key in each task, so the secret never
 * travels inside the job graph.
 */
public final class PseudonymKey implements Serializable {
  private static final long serialVersionUID = 1L;

  /** The shortest secret accepted, in bytes. */
  public static final int MIN_BYTES = 32;

  static final String HMAC = "HmacSHA256";

  private static final String ACCEPTED_SECRET =
      "a secret of at least " + MIN_BYTES + " bytes (make one with: openssl rand -base64 48)";

  private final byte[] secret;
  private final String origin;

  private PseudonymKey(byte[] secret, String origin) {
    this.secret = secret;
    this.origin = origin;
  }

  /**
   * A key from the given secret bytes (copied).
   *
   * @param origin where the secret came from, for {@link #toString()}; never the secret
   * @throws IllegalArgumentException if the secret is shorter than {@value #MIN_BYTES} bytes
   */
  public static PseudonymKey of(byte[] secret, String origin) {
    Objects.requireNonNull(secret, "secret");
    if (secret.length < MIN_BYTES) {
      throw new IllegalArgumentException(
          "the pseudonym key from "
              + origin
              + " is "
              + secret.length
              + " bytes long; accepted: "
              + ACCEPTED_SECRET);
    }
    return new PseudonymKey(secret.clone(), Objects.requireNonNull(origin, "origin"));
  }

  /**
   * A fresh random key for one run ({@link SecureRandom}, 32 bytes). Pseudonyms made with it cannot
   * be linked to those of any other run, nor re-linked to authors once the run is over. The demo
   * uses one and says so.
   */
  public static PseudonymKey throwaway() {
    byte[] secret = new byte[MIN_BYTES];
    new SecureRandom().nextBytes(secret);
    return new PseudonymKey(secret, "a throwaway key made for this run");
  }

  /** Loads the key from the process environment or the file the source names. */
  public static PseudonymKey load(KeySource source) {
    return load(source, System::getenv);
  }

  /**
   * Loads the key from the source, reading environment variables through {@code environment}.
   *
   * @throws PseudonymKeyException with a sentence naming the plan field, the variable or file and
   *     what is accepted, when the variable is unset or empty, the file cannot be read, or the
   *     secret is too short
   */
  public static PseudonymKey load(KeySource source, UnaryOperator<String> environment) {
    Objects.requireNonNull(source, "source");
    byte[] secret;
    if (source instanceof KeySource.Environment env) {
      String value = environment.apply(env.variable());
      if (value == null || value.isEmpty()) {
        throw new PseudonymKeyException(
            env.field()
                + " is \""
                + env.variable()
                + "\", a variable that is "
                + (value == null ? "not set" : "empty")
                + "; accepted: an environment variable holding "
                + ACCEPTED_SECRET);
      }
      secret = value.getBytes(StandardCharsets.UTF_8);
    } else {
      KeySource.KeyFile file = (KeySource.KeyFile) source;
      try {
        Path path = Path.of(file.path());
        if (Files.isDirectory(path)) throw new IOException("a folder, not a file");
        secret = withoutLineBreak(Files.readAllBytes(path));
      } catch (IOException | RuntimeException e) {
        throw new PseudonymKeyException(
            file.field()
                + " is \""
                + file.path()
                + "\" ("
                + reason(e)
                + "); accepted: a readable file holding "
                + ACCEPTED_SECRET);
      }
    }
    if (secret.length < MIN_BYTES) {
      int length = secret.length;
      Arrays.fill(secret, (byte) 0);
      throw new PseudonymKeyException(
          source.field()
              + " is \""
              + source.name()
              + "\", whose secret is "
              + length
              + " bytes long; accepted: "
              + ACCEPTED_SECRET);
    }
    return new PseudonymKey(secret, source.describe());
  }

  /**
   * Writes the secret to a new file readable by its owner only (where the file system has POSIX
   * permissions), for a run whose tasks load their key from a file. The file must not exist yet.
   */
  public void writeTo(Path file) throws IOException {
    try {
      Files.createFile(
          file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } catch (UnsupportedOperationException e) {
      Files.createFile(file);
    } catch (FileAlreadyExistsException e) {
      throw new FileAlreadyExistsException(
          file.toString(), null, "a key file is never overwritten");
    }
    Files.write(file, secret);
  }

  /** Where the key came from, for logs: an environment variable, a key file or a throwaway. */
  public String origin() {
    return origin;
  }

  /**
   * Eight hex digits that identify the key without revealing it (an HMAC of a fixed label), so a
   * log can show that two runs used the same key.
   */
  public String fingerprint() {
    return HexFormat.of().formatHex(mac("fingerprint"), 0, 4);
  }

  /** The key of one key period: HMAC-SHA-256(secret, "period:" + periodId), 32 bytes. */
  byte[] periodKey(String periodId) {
    return mac("period:" + periodId);
  }

  private byte[] mac(String label) {
    try {
      Mac mac = Mac.getInstance(HMAC);
      mac.init(new SecretKeySpec(secret, HMAC));
      return mac.doFinal(label.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("this Java runtime has no " + HMAC, e);
    }
  }

  /** Equal keys hold the same secret (compared in constant time). */
  @Override
  public boolean equals(Object o) {
    return o instanceof PseudonymKey k && MessageDigest.isEqual(secret, k.secret);
  }

  @Override
  public int hashCode() {
    return fingerprint().hashCode();
  }

  /** Names where the key came from; never the secret. */
  @Override
  public String toString() {
    return "PseudonymKey[" + origin + "]";
  }

  private static byte[] withoutLineBreak(byte[] bytes) {
    int n = bytes.length;
    if (n > 0 && bytes[n - 1] == '\n') n--;
    if (n > 0 && bytes[n - 1] == '\r') n--;
    if (n == bytes.length) return bytes;
    byte[] trimmed = Arrays.copyOf(bytes, n);
    Arrays.fill(bytes, (byte) 0);
    return trimmed;
  }

  private static String reason(Exception e) {
    if (e instanceof NoSuchFileException) return "no such file";
    if (e instanceof AccessDeniedException) return "permission denied";
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }
}
