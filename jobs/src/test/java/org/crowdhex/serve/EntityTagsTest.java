package org.crowdhex.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class EntityTagsTest {
  private static final String TAG = "\"0123456789abcdef0123456789abcdef\"";

  @Test
  void ifNoneMatchComparesWeakly() {
    assertThat(EntityTags.noneMatchHits(List.of(TAG), TAG)).isTrue();
    assertThat(EntityTags.noneMatchHits(List.of("W/" + TAG), TAG)).isTrue();
    assertThat(EntityTags.noneMatchHits(List.of("\"a\", \"b\"," + TAG), TAG)).isTrue();
    assertThat(EntityTags.noneMatchHits(List.of("\"a\"", TAG), TAG)).isTrue();
    assertThat(EntityTags.noneMatchHits(List.of(" * "), TAG)).isTrue();
    assertThat(EntityTags.noneMatchHits(List.of("\"a\", \"b\""), TAG)).isFalse();
    assertThat(EntityTags.noneMatchHits(List.of("0123456789abcdef0123456789abcdef"), TAG))
        .isFalse();
    assertThat(EntityTags.noneMatchHits(null, TAG)).isFalse();
  }

  @Test
  void ifRangeComparesStrongly() {
    assertThat(EntityTags.ifRangeHolds(null, TAG)).isTrue();
    assertThat(EntityTags.ifRangeHolds(TAG, TAG)).isTrue();
    assertThat(EntityTags.ifRangeHolds("W/" + TAG, TAG)).isFalse();
    assertThat(EntityTags.ifRangeHolds("Sun, 19 Apr 2026 14:15:00 GMT", TAG)).isFalse();
  }

  @Test
  void tagsFollowTheContent() {
    assertThat(EntityTags.of(new byte[] {1, 2, 3})).isEqualTo(EntityTags.of(new byte[] {1, 2, 3}));
    assertThat(EntityTags.of(new byte[] {1, 2, 3})).isNotEqualTo(EntityTags.of(new byte[] {1, 2}));
  }
}
