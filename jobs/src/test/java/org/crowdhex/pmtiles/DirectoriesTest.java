package org.crowdhex.pmtiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

class DirectoriesTest {

  @Test
  void serializesColumnsWithDeltasAndContiguousOffsetsAsZero() {
    List<DirectoryEntry> entries =
        List.of(
            new DirectoryEntry(5, 0, 10, 1),
            new DirectoryEntry(6, 10, 20, 2),
            new DirectoryEntry(42, 0, 10, 1));

    byte[] bytes = Directories.serialize(entries);

    // count; tile id deltas; run lengths; lengths; offsets (first +1, contiguous 0, back-ref +1).
    assertThat(bytes).containsExactly(3, 5, 1, 36, 1, 2, 1, 10, 20, 10, 1, 0, 1);
    assertThat(Directories.deserialize(bytes)).isEqualTo(entries);
  }

  @Test
  void writesLittleEndianBase128Varints() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Directories.writeVarint(out, 624_485);
    Directories.writeVarint(out, 9_007_199_254_740_991L);

    byte[] bytes = out.toByteArray();

    // The first from the protobuf docs; the second is 2^53 - 1, the largest the JS reader reads.
    assertThat(bytes)
        .startsWith(0xe5, 0x8e, 0x26)
        .endsWith(0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x0f);
    int[] pos = {0};
    assertThat(Directories.readVarint(bytes, pos)).isEqualTo(624_485);
    assertThat(Directories.readVarint(bytes, pos)).isEqualTo(9_007_199_254_740_991L);
    assertThat(pos[0]).isEqualTo(bytes.length);
  }

  @Test
  void refusesEmptyAndTruncatedDirectories() {
    assertThatThrownBy(() -> Directories.serialize(List.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Directories.deserialize(new byte[] {0}))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Directories.deserialize(new byte[] {2, 1, (byte) 0x81}))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
