package org.crowdhex.post;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.crowdhex.post.JsonPostDecoderTest.millis;

import org.junit.jupiter.api.Test;

class TimeRangeTest {
  private static final long START = millis("2026-04-18T22:00:00Z");
  private static final long END = millis("2026-04-19T22:00:00Z");
  private final TimeRange day = new TimeRange(START, END);

  @Test
  void includesItsStartAndExcludesItsEnd() {
    assertThat(day.contains(START - 1)).isFalse();
    assertThat(day.contains(START)).isTrue();
    assertThat(day.contains(END - 1)).isTrue();
    assertThat(day.contains(END)).isFalse();
  }

  @Test
  void alwaysContainsEveryTimeButTheLargest() {
    assertThat(TimeRange.ALWAYS.contains(Long.MIN_VALUE)).isTrue();
    assertThat(TimeRange.ALWAYS.contains(0)).isTrue();
    assertThat(TimeRange.ALWAYS.contains(Long.MAX_VALUE - 1)).isTrue();
    assertThat(TimeRange.ALWAYS.isOpen()).isTrue();
  }

  @Test
  void isOpenOnlyWhenBothEndsAre() {
    assertThat(day.isOpen()).isFalse();
    assertThat(new TimeRange(START, Long.MAX_VALUE).isOpen()).isFalse();
    assertThat(new TimeRange(Long.MIN_VALUE, END).isOpen()).isFalse();
  }

  @Test
  void describesItsEndsAsInstantsOrAsOpen() {
    assertThat(day.describe())
        .isEqualTo("a time from 2026-04-18T22:00:00Z until before 2026-04-19T22:00:00Z");
    assertThat(new TimeRange(Long.MIN_VALUE, END).describe())
        .isEqualTo("a time from any time until before 2026-04-19T22:00:00Z");
    assertThat(TimeRange.ALWAYS.describe()).isEqualTo("a time from any time until before any time");
  }

  @Test
  void refusesAnEndThatIsNotAfterTheStart() {
    assertThatThrownBy(() -> new TimeRange(END, START))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "time_range.end is 2026-04-18T22:00:00Z; accepted: a time after time_range.start"
                + " (2026-04-19T22:00:00Z)");
    assertThatThrownBy(() -> new TimeRange(START, START))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
