package org.crowdhex.serve;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ByteRangeTest {
  @Test
  void oneRangeOfEachForm() {
    assertThat(ByteRange.of("bytes=0-99", 1000)).isEqualTo(new ByteRange.Part(0, 100));
    assertThat(ByteRange.of("bytes=900-", 1000)).isEqualTo(new ByteRange.Part(900, 100));
    assertThat(ByteRange.of("bytes=-100", 1000)).isEqualTo(new ByteRange.Part(900, 100));
    assertThat(ByteRange.of("Bytes=5-5", 1000)).isEqualTo(new ByteRange.Part(5, 1));
    assertThat(ByteRange.of("bytes=0-99,", 1000)).isEqualTo(new ByteRange.Part(0, 100));
  }

  @Test
  void rangesReachingPastTheEndAreCut() {
    assertThat(ByteRange.of("bytes=990-2000", 1000)).isEqualTo(new ByteRange.Part(990, 10));
    assertThat(ByteRange.of("bytes=-5000", 1000)).isEqualTo(new ByteRange.Part(0, 1000));
    assertThat(ByteRange.of("bytes=0-99999999999999999999999", 1000))
        .isEqualTo(new ByteRange.Part(0, 1000));
  }

  @Test
  void rangesStartingPastTheEndAreUnsatisfiable() {
    assertThat(ByteRange.of("bytes=1000-", 1000)).isEqualTo(ByteRange.UNSATISFIABLE);
    assertThat(ByteRange.of("bytes=1000-1001", 1000)).isEqualTo(ByteRange.UNSATISFIABLE);
    assertThat(ByteRange.of("bytes=99999999999999999999999-", 1000))
        .isEqualTo(ByteRange.UNSATISFIABLE);
    assertThat(ByteRange.of("bytes=-0", 1000)).isEqualTo(ByteRange.UNSATISFIABLE);
    assertThat(ByteRange.of("bytes=0-", 0)).isEqualTo(ByteRange.UNSATISFIABLE);
  }

  @Test
  void anythingElseMeansTheWholeFile() {
    for (String h :
        new String[] {
          "bytes=0-9,20-29",
          "bytes=9-0",
          "bytes=x-",
          "bytes=-",
          "bytes=",
          "lines=0-9",
          "0-9",
          "bytes=1-2-3",
          "bytes=+1-2",
          "bytes=-+5",
          "bytes= , "
        }) {
      assertThat(ByteRange.of(h, 1000)).as(h).isEqualTo(ByteRange.WHOLE);
    }
    assertThat(ByteRange.of(null, 1000)).isEqualTo(ByteRange.WHOLE);
  }
}
