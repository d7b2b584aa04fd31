package org.crowdhex.post;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TimeFormatTest {

  @ParameterizedTest
  @ValueSource(strings = {"auto", "AUTO", "iso", "iso8601", "ISO-8601", " auto "})
  void readsTheNamesOfAuto(String text) {
    assertThat(TimeFormat.of(text)).isEqualTo(TimeFormat.AUTO);
  }

  @ParameterizedTest
  @ValueSource(strings = {"epoch_ms", "EPOCH_MS", "epoch-ms", "millis"})
  void readsTheNamesOfEpochMillis(String text) {
    TimeFormat f = TimeFormat.of(text);

    assertThat(f.kind()).isEqualTo(TimeFormat.Kind.EPOCH_MS);
    assertThat(f.code()).isEqualTo("epoch_ms");
  }

  @ParameterizedTest
  @ValueSource(strings = {"epoch_s", "epoch-s", "epoch", "Seconds"})
  void readsTheNamesOfEpochSeconds(String text) {
    TimeFormat f = TimeFormat.of(text);

    assertThat(f.kind()).isEqualTo(TimeFormat.Kind.EPOCH_S);
    assertThat(f.code()).isEqualTo("epoch_s");
  }

  @Test
  void readsAnyOtherTextAsADateTimePatternKeepingItsCase() {
    TimeFormat f = TimeFormat.of(" M/d/yyyy H:mm:ss ");

    assertThat(f).isEqualTo(new TimeFormat(TimeFormat.Kind.PATTERN, "M/d/yyyy H:mm:ss"));
    assertThat(f.code()).isEqualTo("M/d/yyyy H:mm:ss");
    assertThat(TimeFormat.AUTO.code()).isEqualTo("auto");
  }

  @ParameterizedTest
  @ValueSource(strings = {"yyyy-bb-dd", "yyyy-MM-dd'T", "{yyyy}", "", "   "})
  void refusesABlankOrInvalidPattern(String text) {
    assertThatThrownBy(() -> TimeFormat.of(text)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void needsAPatternForThePatternKind() {
    assertThatThrownBy(() -> new TimeFormat(TimeFormat.Kind.PATTERN, null))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> new TimeFormat(null, null)).isInstanceOf(NullPointerException.class);
  }
}
