package org.crowdhex.privacy;

import java.io.Serializable;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Objects;

/**
 * What a plan says about privacy ({@code privacy:} section): where the pseudonym key comes from and
 * how often it changes, the minimum crowd below which nothing is published, whether post texts are
 * kept, the per-author hygiene rules, and the optional differentially private release.
 *
 * <p>The compact constructor checks every field and throws with a sentence naming the plan field,
 * the value and what is accepted; the bounds and sentences are public constants so the plan reader
 * can report the same problems, all at once.
 *
 * @param key where the secret behind the pseudonyms comes from ({@code key_env} or {@code
 *     key_file})
 * @param rotation when pseudonyms change ({@code rotation}: event or day)
 * @param minCrowd k: every published aggregate holds at least k distinct authors, or is rolled up
 *     or suppressed ({@code min_crowd}); 1 publishes every count, for closed analyses and tests
 * @param keepText whether post texts travel past decoding ({@code keep_text}); never published
 * @param keepTextReason why texts are kept ({@code keep_text_reason}), required with keepText
 * @param postCap the most posts of one author that count within one window length ({@code
 *     post_cap}), against bots
 * @param duplicateWindow posts of one author in one cell closer in time than this count once
 *     ({@code duplicate_window}); zero suppresses exact repeats only
 * @param dpEpsilon ε per window of the differentially private release ({@code dp_epsilon}), or null
 *     when there is none
 * @param dpMaxCells the most cells one author contributes to per window in that release ({@code
 *     dp_max_cells}): the sensitivity of its counts
 */
public record PrivacySettings(
    KeySource key,
    KeyRotation.Kind rotation,
    int minCrowd,
    boolean keepText,
    String keepTextReason,
    int postCap,
    Duration duplicateWindow,
    Double dpEpsilon,
    int dpMaxCells)
    implements Serializable {

  public static final int DEFAULT_MIN_CROWD = 10;
  public static final int MAX_MIN_CROWD = 1000;
  public static final String MIN_CROWD_ACCEPTED =
      "a whole number from 1 to "
          + MAX_MIN_CROWD
          + " (default "
          + DEFAULT_MIN_CROWD
          + "): the fewest distinct authors a published count may hold";

  public static final int DEFAULT_POST_CAP = 10;
  public static final int MAX_POST_CAP = 1000;
  public static final String POST_CAP_ACCEPTED =
      "a whole number from 1 to "
          + MAX_POST_CAP
          + " (default "
          + DEFAULT_POST_CAP
          + "): the most posts of one author counted per window";

  public static final Duration DEFAULT_DUPLICATE_WINDOW = Duration.ofSeconds(60);
  public static final Duration MAX_DUPLICATE_WINDOW = Duration.ofMinutes(10);
  public static final String DUPLICATE_WINDOW_ACCEPTED =
      "a duration from 0s to 10m (default 60s): posts of one author in one cell closer than this"
          + " count once";

  public static final double MAX_EPSILON = 10;
  public static final String EPSILON_ACCEPTED =
      "a number above 0 and at most "
          + (int) MAX_EPSILON
          + " (privacy loss per window; 0.5 to 2 is usual), or null for no noisy release";

  public static final int DEFAULT_DP_MAX_CELLS = 2;
  public static final int MAX_DP_MAX_CELLS = 100;
  public static final String DP_MAX_CELLS_ACCEPTED =
      "a whole number from 1 to "
          + MAX_DP_MAX_CELLS
          + " (default "
          + DEFAULT_DP_MAX_CELLS
          + "): the most cells one author counts in per window of the noisy release";

  public static final String KEEP_TEXT_REASON_ACCEPTED =
      "a sentence saying why post texts are kept (required with keep_text: true)";

  /** The defaults: key from {@value KeySource#DEFAULT_VARIABLE}, a new key every day, k = 10. */
  public static final PrivacySettings DEFAULT =
      new PrivacySettings(
          KeySource.defaultSource(),
          KeyRotation.Kind.DAY,
          DEFAULT_MIN_CROWD,
          false,
          null,
          DEFAULT_POST_CAP,
          DEFAULT_DUPLICATE_WINDOW,
          null,
          DEFAULT_DP_MAX_CELLS);

  public PrivacySettings {
    Objects.requireNonNull(key, "privacy.key is missing; accepted: key_env or key_file");
    Objects.requireNonNull(
        rotation, "privacy.rotation is missing; accepted: " + KeyRotation.ACCEPTED);
    if (minCrowd < 1 || minCrowd > MAX_MIN_CROWD) {
      throw problem("privacy.min_crowd", String.valueOf(minCrowd), MIN_CROWD_ACCEPTED);
    }
    if (keepText && (keepTextReason == null || keepTextReason.isBlank())) {
      throw problem(
          "privacy.keep_text_reason",
          keepTextReason == null ? "missing" : "blank",
          KEEP_TEXT_REASON_ACCEPTED);
    }
    if (postCap < 1 || postCap > MAX_POST_CAP) {
      throw problem("privacy.post_cap", String.valueOf(postCap), POST_CAP_ACCEPTED);
    }
    if (duplicateWindow == null
        || duplicateWindow.isNegative()
        || duplicateWindow.compareTo(MAX_DUPLICATE_WINDOW) > 0) {
      throw problem("privacy.duplicate_window", show(duplicateWindow), DUPLICATE_WINDOW_ACCEPTED);
    }
    if (dpEpsilon != null && !(dpEpsilon > 0 && dpEpsilon <= MAX_EPSILON)) {
      throw problem("privacy.dp_epsilon", String.valueOf(dpEpsilon), EPSILON_ACCEPTED);
    }
    if (dpMaxCells < 1 || dpMaxCells > MAX_DP_MAX_CELLS) {
      throw problem("privacy.dp_max_cells", String.valueOf(dpMaxCells), DP_MAX_CELLS_ACCEPTED);
    }
  }

  /** The key rotation for an event of this name in this zone. */
  public KeyRotation keyRotation(String eventName, ZoneId zone) {
    return KeyRotation.of(rotation, eventName, zone);
  }

  /** Whether a differentially private release is asked for. */
  public boolean noisyRelease() {
    return dpEpsilon != null;
  }

  public PrivacySettings withKey(KeySource k) {
    return new PrivacySettings(
        k,
        rotation,
        minCrowd,
        keepText,
        keepTextReason,
        postCap,
        duplicateWindow,
        dpEpsilon,
        dpMaxCells);
  }

  public PrivacySettings withMinCrowd(int k) {
    return new PrivacySettings(
        key,
        rotation,
        k,
        keepText,
        keepTextReason,
        postCap,
        duplicateWindow,
        dpEpsilon,
        dpMaxCells);
  }

  public PrivacySettings withRotation(KeyRotation.Kind r) {
    return new PrivacySettings(
        key,
        r,
        minCrowd,
        keepText,
        keepTextReason,
        postCap,
        duplicateWindow,
        dpEpsilon,
        dpMaxCells);
  }

  /** For the start-up log and {@code validate}: every setting, the key by its source only. */
  public String describe() {
    return "pseudonym key from "
        + key.describe()
        + ", rotation "
        + rotation.planWord()
        + ", minimum crowd "
        + minCrowd
        + ", post texts "
        + (keepText ? "kept (" + keepTextReason + ")" : "dropped")
        + ", at most "
        + postCap
        + " posts per author per window, duplicates within "
        + duplicateWindow.toSeconds()
        + " s"
        + (dpEpsilon == null
            ? ""
            : ", noisy release with ε = " + dpEpsilon + " per window (" + dpMaxCells + " cells)");
  }

  /** A duration as a plan writes it: {@code 60s}, {@code 1500ms}; "missing" for null. */
  private static String show(Duration d) {
    if (d == null) return "missing";
    return d.toMillis() % 1000 == 0 ? d.toSeconds() + "s" : d.toMillis() + "ms";
  }

  private static IllegalArgumentException problem(String field, String value, String accepted) {
    return new IllegalArgumentException(field + " is " + value + "; accepted: " + accepted);
  }
}
