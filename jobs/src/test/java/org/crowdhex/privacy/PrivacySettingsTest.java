package org.crowdhex.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class PrivacySettingsTest {
  static final PrivacySettings D = PrivacySettings.DEFAULT;

  static PrivacySettings with(
      int minCrowd, boolean keepText, String reason, int cap, Duration dup, Double eps, int cells) {
    return new PrivacySettings(
        D.key(), D.rotation(), minCrowd, keepText, reason, cap, dup, eps, cells);
  }

  @Test
  void theDefaultsAreTheIssuesFigures() {
    assertThat(D.key()).isEqualTo(KeySource.environment("CROWDHEX_PSEUDONYM_KEY"));
    assertThat(D.rotation()).isEqualTo(KeyRotation.Kind.DAY);
    assertThat(D.minCrowd()).isEqualTo(10);
    assertThat(D.keepText()).isFalse();
    assertThat(D.duplicateWindow()).isEqualTo(Duration.ofSeconds(60));
    assertThat(D.noisyRelease()).isFalse();
    assertThat(D.keyRotation("Match", ZoneId.of("UTC")))
        .isEqualTo(KeyRotation.perDay(ZoneId.of("UTC")));
  }

  @Test
  void eachBadFieldIsNamedWithItsValueAndWhatIsAccepted() {
    assertThatThrownBy(() -> with(0, false, null, 10, Duration.ofSeconds(60), null, 2))
        .hasMessage(
            "privacy.min_crowd is 0; accepted: a whole number from 1 to 1000 (default 10): the"
                + " fewest distinct authors a published count may hold");
    assertThatThrownBy(() -> with(10, false, null, 0, Duration.ofSeconds(60), null, 2))
        .hasMessageStartingWith("privacy.post_cap is 0; accepted: a whole number from 1 to 1000");
    assertThatThrownBy(() -> with(10, false, null, 10, Duration.ofSeconds(-1), null, 2))
        .hasMessageStartingWith("privacy.duplicate_window is -1s; accepted: a duration from 0s");
    assertThatThrownBy(() -> with(10, false, null, 10, Duration.ofMinutes(11), null, 2))
        .hasMessageStartingWith("privacy.duplicate_window is 660s; accepted:");
    assertThatThrownBy(() -> with(10, false, null, 10, Duration.ofSeconds(60), 0.0, 2))
        .hasMessageStartingWith("privacy.dp_epsilon is 0.0; accepted: a number above 0");
    assertThatThrownBy(() -> with(10, false, null, 10, Duration.ofSeconds(60), Double.NaN, 2))
        .hasMessageStartingWith("privacy.dp_epsilon is NaN; accepted:");
    assertThatThrownBy(() -> with(10, false, null, 10, Duration.ofSeconds(60), 1.0, 0))
        .hasMessageStartingWith("privacy.dp_max_cells is 0; accepted: a whole number from 1");
  }

  @Test
  void keepingTextsNeedsAReason() {
    assertThatThrownBy(() -> with(10, true, " ", 10, Duration.ofSeconds(60), null, 2))
        .hasMessage(
            "privacy.keep_text_reason is blank; accepted: a sentence saying why post texts are"
                + " kept (required with keep_text: true)");
    assertThatThrownBy(() -> with(10, true, null, 10, Duration.ofSeconds(60), null, 2))
        .hasMessageStartingWith("privacy.keep_text_reason is missing;");

    PrivacySettings s =
        with(10, true, "language detection study", 10, Duration.ofSeconds(60), null, 2);
    assertThat(s.describe()).contains("post texts kept (language detection study)");
  }

  @Test
  void describeListsEverySettingAndTheKeyOnlyByItsSource() {
    assertThat(D.describe())
        .isEqualTo(
            "pseudonym key from environment variable CROWDHEX_PSEUDONYM_KEY, rotation day,"
                + " minimum crowd 10, post texts dropped, at most 10 posts per author per window,"
                + " duplicates within 60 s");
    assertThat(
            with(10, false, null, 10, Duration.ofSeconds(60), 1.0, 2)
                .withKey(KeySource.file(java.nio.file.Path.of("secrets", "k")))
                .describe())
        .contains("key file secrets")
        .endsWith(", noisy release with ε = 1.0 per window (2 cells)");
  }

  @Test
  void witherKeepTheOtherFields() {
    PrivacySettings s = D.withMinCrowd(3).withRotation(KeyRotation.Kind.EVENT);

    assertThat(s.minCrowd()).isEqualTo(3);
    assertThat(s.rotation()).isEqualTo(KeyRotation.Kind.EVENT);
    assertThat(s.postCap()).isEqualTo(D.postCap());
    assertThat(s.key()).isEqualTo(D.key());
  }
}
