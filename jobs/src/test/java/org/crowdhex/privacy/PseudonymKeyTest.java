package org.crowdhex.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PseudonymKeyTest {
  static final String SECRET = "correct horse battery staple, and then some more";

  @TempDir Path dir;

  @Test
  void loadsTheSecretFromAnEnvironmentVariable() {
    PseudonymKey key = PseudonymKey.load(KeySource.environment("KEY"), Map.of("KEY", SECRET)::get);

    assertThat(key).isEqualTo(PseudonymKey.of(SECRET.getBytes(StandardCharsets.UTF_8), "test"));
    assertThat(key.origin()).isEqualTo("environment variable KEY");
  }

  @Test
  void theDefaultSourceIsTheCrowdhexVariable() {
    assertThat(KeySource.defaultSource())
        .isEqualTo(KeySource.environment("CROWDHEX_PSEUDONYM_KEY"));
  }

  @Test
  void anUnsetVariableIsASentenceNamingFieldVariableAndWhatIsAccepted() {
    assertThatThrownBy(() -> PseudonymKey.load(KeySource.environment("NOPE"), v -> null))
        .isInstanceOf(PseudonymKeyException.class)
        .hasMessage(
            "privacy.key_env is \"NOPE\", a variable that is not set; accepted: an environment"
                + " variable holding a secret of at least 32 bytes (make one with: openssl rand"
                + " -base64 48)");
    assertThatThrownBy(() -> PseudonymKey.load(KeySource.environment("EMPTY"), v -> ""))
        .hasMessageContaining("a variable that is empty");
  }

  @Test
  void aShortSecretIsRefusedWithoutShowingIt() {
    assertThatThrownBy(
            () -> PseudonymKey.load(KeySource.environment("KEY"), v -> "hunter2-is-short"))
        .isInstanceOf(PseudonymKeyException.class)
        .hasMessage(
            "privacy.key_env is \"KEY\", whose secret is 16 bytes long; accepted: a secret of at"
                + " least 32 bytes (make one with: openssl rand -base64 48)")
        .message()
        .doesNotContain("hunter2");
  }

  @Test
  void loadsAKeyFileWithoutItsTrailingLineBreak() throws IOException {
    Path lf = Files.writeString(dir.resolve("lf.key"), SECRET + "\n");
    Path crlf = Files.writeString(dir.resolve("crlf.key"), SECRET + "\r\n");
    Path bare = Files.writeString(dir.resolve("bare.key"), SECRET);

    PseudonymKey expected = PseudonymKey.of(SECRET.getBytes(StandardCharsets.UTF_8), "test");
    assertThat(PseudonymKey.load(KeySource.file(lf))).isEqualTo(expected);
    assertThat(PseudonymKey.load(KeySource.file(crlf))).isEqualTo(expected);
    assertThat(PseudonymKey.load(KeySource.file(bare))).isEqualTo(expected);
    assertThat(PseudonymKey.load(KeySource.file(lf)).origin()).isEqualTo("key file " + lf);
  }

  @Test
  void binaryKeyFilesAreReadAsBytes() throws IOException {
    byte[] secret = new byte[40];
    for (int i = 0; i < secret.length; i++) secret[i] = (byte) (i * 37 + 200);
    Path file = Files.write(dir.resolve("binary.key"), secret);

    assertThat(PseudonymKey.load(KeySource.file(file))).isEqualTo(PseudonymKey.of(secret, "x"));
  }

  @Test
  void aMissingOrUnreadableKeyFileIsASentence() throws IOException {
    Path missing = dir.resolve("missing.key");
    assertThatThrownBy(() -> PseudonymKey.load(KeySource.file(missing)))
        .isInstanceOf(PseudonymKeyException.class)
        .hasMessage(
            "privacy.key_file is \""
                + missing
                + "\" (no such file); accepted: a readable file holding a secret of at least 32"
                + " bytes (make one with: openssl rand -base64 48)");
    assertThatThrownBy(() -> PseudonymKey.load(KeySource.file(dir)))
        .hasMessageContaining("(a folder, not a file)");
    Path empty = Files.writeString(dir.resolve("empty.key"), "\n");
    assertThatThrownBy(() -> PseudonymKey.load(KeySource.file(empty)))
        .hasMessageContaining("whose secret is 0 bytes long");
  }

  @Test
  void blankSourcesAreRefused() {
    assertThatThrownBy(() -> KeySource.environment(" "))
        .hasMessageStartingWith("privacy.key_env is blank; accepted:");
    assertThatThrownBy(() -> new KeySource.KeyFile(null))
        .hasMessageStartingWith("privacy.key_file is missing; accepted:");
  }

  @Test
  void neitherToStringNorFingerprintRevealTheSecret() {
    PseudonymKey key = PseudonymKey.of(SECRET.getBytes(StandardCharsets.UTF_8), "test");

    assertThat(key.toString()).isEqualTo("PseudonymKey[test]").doesNotContain("horse");
    assertThat(key.fingerprint()).hasSize(8).matches("[0-9a-f]{8}");
    assertThat(key.fingerprint())
        .isEqualTo(PseudonymKey.of(SECRET.getBytes(StandardCharsets.UTF_8), "other").fingerprint());
    assertThat(key.fingerprint())
        .isNotEqualTo(
            PseudonymKey.of((SECRET + "!").getBytes(StandardCharsets.UTF_8), "x").fingerprint());
  }

  @Test
  void throwawayKeysAreFreshEveryTimeAndSaySo() {
    PseudonymKey a = PseudonymKey.throwaway();
    PseudonymKey b = PseudonymKey.throwaway();

    assertThat(a).isNotEqualTo(b);
    assertThat(a.fingerprint()).isNotEqualTo(b.fingerprint());
    assertThat(a.origin()).isEqualTo("a throwaway key made for this run");
  }

  @Test
  void periodKeysDifferByPeriodAndAreFullLength() {
    PseudonymKey key = PseudonymKey.of(SECRET.getBytes(StandardCharsets.UTF_8), "test");

    assertThat(key.periodKey("day:2026-04-19")).hasSize(32);
    assertThat(key.periodKey("day:2026-04-19")).isEqualTo(key.periodKey("day:2026-04-19"));
    assertThat(key.periodKey("day:2026-04-19")).isNotEqualTo(key.periodKey("day:2026-04-20"));
  }

  @Test
  void writesAKeyFileForItsOwnerOnlyAndNeverOverwrites() throws IOException {
    PseudonymKey key = PseudonymKey.throwaway();
    Path file = dir.resolve("run.key");

    key.writeTo(file);

    assertThat(PseudonymKey.load(KeySource.file(file))).isEqualTo(key);
    if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
      assertThat(Files.getPosixFilePermissions(file))
          .isEqualTo(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
    }
    assertThatThrownBy(() -> key.writeTo(file)).isInstanceOf(FileAlreadyExistsException.class);
  }

  @Test
  void aKeyInCodeMustBeLongEnough() {
    assertThatThrownBy(() -> PseudonymKey.of(new byte[31], "code"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("is 31 bytes long; accepted: a secret of at least 32 bytes");
  }
}
