package org.crowdhex.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.crowdhex.post.Post;
import org.junit.jupiter.api.Test;

class PseudonymizerTest {
  static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
  static final byte[] SECRET =
      "a master secret for tests, long enough".getBytes(StandardCharsets.UTF_8);
  static final PseudonymKey KEY = PseudonymKey.of(SECRET, "test");
  static final PseudonymKey OTHER_KEY =
      PseudonymKey.of(
          "another master secret for tests, long too".getBytes(StandardCharsets.UTF_8), "test");
  static final long MORNING = Instant.parse("2026-04-19T07:00:00Z").toEpochMilli();
  static final long EVENING = Instant.parse("2026-04-19T20:00:00Z").toEpochMilli();
  static final long NEXT_DAY = Instant.parse("2026-04-20T07:00:00Z").toEpochMilli();

  static Pseudonymizer daily(PseudonymKey key) {
    return Pseudonymizer.create(key, KeyRotation.perDay(AMSTERDAM));
  }

  @Test
  void anAuthorKeepsOnePseudonymWithinAKeyPeriod() {
    Pseudonymizer p = daily(KEY);

    assertThat(p.pseudonym("u42", MORNING)).isEqualTo(p.pseudonym("u42", EVENING));
    assertThat(daily(KEY).pseudonym("u42", MORNING)).isEqualTo(p.pseudonym("u42", EVENING));
  }

  @Test
  void pseudonymsDifferAcrossKeys() {
    assertThat(daily(KEY).pseudonym("u42", MORNING))
        .isNotEqualTo(daily(OTHER_KEY).pseudonym("u42", MORNING));
  }

  @Test
  void pseudonymsDifferAcrossDaysWithDailyRotationOnly() {
    Pseudonymizer dayByDay = daily(KEY);
    Pseudonymizer wholeEvent = Pseudonymizer.create(KEY, KeyRotation.perEvent("Match day"));

    assertThat(dayByDay.pseudonym("u42", MORNING))
        .isNotEqualTo(dayByDay.pseudonym("u42", NEXT_DAY));
    assertThat(wholeEvent.pseudonym("u42", MORNING))
        .isEqualTo(wholeEvent.pseudonym("u42", NEXT_DAY));
    assertThat(wholeEvent.pseudonym("u42", MORNING))
        .isNotEqualTo(
            Pseudonymizer.create(KEY, KeyRotation.perEvent("Next match"))
                .pseudonym("u42", MORNING));
  }

  @Test
  void differentAuthorsGetDifferentPseudonyms() {
    Pseudonymizer p = daily(KEY);
    Set<Long> seen = new HashSet<>();
    for (int i = 0; i < 100_000; i++) {
      long pseudonym = p.pseudonym("author-" + i, MORNING);
      assertThat(pseudonym).isNotZero();
      seen.add(pseudonym);
    }
    assertThat(seen).hasSize(100_000);
  }

  @Test
  void isTheTruncatedHmacOfTheIdUnderThePeriodKey() throws Exception {
    for (String author : List.of("u42", "", "Jörg", "日本語の名前", "emoji 😀 user", "x".repeat(500))) {
      assertThat(daily(KEY).pseudonym(author, MORNING))
          .as(author)
          .isEqualTo(reference(SECRET, "day:2026-04-19", author));
    }
    assertThat(Pseudonymizer.create(KEY, KeyRotation.perEvent("Match day")).pseudonym("u42", 0))
        .isEqualTo(reference(SECRET, "event:Match day", "u42"));
  }

  @Test
  void encodesIdsExactlyAsUtf8EvenWithBrokenSurrogates() throws Exception {
    Pseudonymizer p = daily(KEY);
    SplittableRandom random = new SplittableRandom(7);
    for (int i = 0; i < 2_000; i++) {
      StringBuilder s = new StringBuilder();
      int n = random.nextInt(40);
      for (int j = 0; j < n; j++) {
        s.append(
            switch (random.nextInt(5)) {
              case 0 -> (char) random.nextInt(0x80);
              case 1 -> (char) (0x80 + random.nextInt(0x780));
              case 2 -> (char) (0x800 + random.nextInt(0xF7FF));
              case 3 -> "😀";
              default -> (char) (0xD800 + random.nextInt(0x800)); // a lone surrogate
            });
      }
      String author = s.toString();
      assertThat(p.pseudonym(author, MORNING))
          .isEqualTo(reference(SECRET, "day:2026-04-19", author));
    }
  }

  @Test
  void alternatingPeriodsAroundMidnightKeepTheirPseudonyms() {
    Pseudonymizer p = daily(KEY);
    long before = Instant.parse("2026-04-19T21:59:50Z").toEpochMilli();
    long after = Instant.parse("2026-04-19T22:00:10Z").toEpochMilli();
    long a = daily(KEY).pseudonym("u1", before);
    long b = daily(KEY).pseudonym("u1", after);

    for (int i = 0; i < 5; i++) {
      assertThat(p.pseudonym("u1", before)).isEqualTo(a);
      assertThat(p.pseudonym("u1", after)).isEqualTo(b);
    }
    assertThat(p.pseudonym("u1", MORNING)).isEqualTo(a);
    assertThat(p.pseudonym("u1", NEXT_DAY + 86_400_000L))
        .isEqualTo(daily(KEY).pseudonym("u1", NEXT_DAY + 86_400_000L));
    assertThat(p.pseudonym("u1", after)).isEqualTo(b);
  }

  @Test
  void applyDropsTheIdAndTheTextUnlessTextsAreKept() {
    Pseudonymizer p = daily(KEY);
    Post post = new Post("p1", "u42", MORNING, 51.89, 4.52, "x", "nl", "hello from the stands");

    PseudonymousPost dropped = p.apply(post, false);
    PseudonymousPost kept = p.apply(post, true);

    assertThat(dropped)
        .isEqualTo(
            new PseudonymousPost(
                p.pseudonym("u42", MORNING), MORNING, 51.89, 4.52, "x", "nl", null));
    assertThat(dropped.toString())
        .doesNotContain("u42")
        .doesNotContain("p1")
        .doesNotContain("hello");
    assertThat(kept.text()).isEqualTo("hello from the stands");
  }

  @Test
  void hexIsSixteenDigits() {
    assertThat(Pseudonymizer.hex(1)).isEqualTo("0000000000000001");
    assertThat(Pseudonymizer.hex(-1)).isEqualTo("ffffffffffffffff");
    assertThat(Pseudonymizer.hex(0x0123456789abcdefL)).isEqualTo("0123456789abcdef");
    PseudonymousPost post = new PseudonymousPost(255, 0, 0, 0, null, null, null);
    assertThat(post.authorHex()).isEqualTo("00000000000000ff");
  }

  @Test
  void describeNamesTheKeyByItsOriginAndFingerprint() {
    String line = daily(KEY).describe();

    assertThat(line)
        .isEqualTo(
            "pseudonyms: HMAC-SHA-256 with test (fingerprint "
                + KEY.fingerprint()
                + "), a new key every local day (Europe/Amsterdam)")
        .doesNotContain("master secret");
  }

  static long reference(byte[] master, String periodId, String author) throws Exception {
    byte[] periodKey = hmac(master, ("period:" + periodId).getBytes(StandardCharsets.UTF_8));
    long h = ByteBuffer.wrap(hmac(periodKey, author.getBytes(StandardCharsets.UTF_8))).getLong();
    return h == 0 ? 1 : h;
  }

  static byte[] hmac(byte[] key, byte[] message) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(key, "HmacSHA256"));
    return mac.doFinal(message);
  }
}
