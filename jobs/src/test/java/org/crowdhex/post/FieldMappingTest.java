package org.crowdhex.post;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import org.junit.jupiter.api.Test;

class FieldMappingTest {

  @Test
  void mapsEachContractFieldToItselfByDefault() {
    assertThat(FieldMapping.DEFAULT.asMap())
        .containsExactly(
            entry("id", "id"),
            entry("author", "author"),
            entry("time", "time"),
            entry("lat", "lat"),
            entry("lon", "lon"),
            entry("platform", "platform"),
            entry("lang", "lang"),
            entry("text", "text"));
  }

  @Test
  void leavesAbsentFieldsOutOfItsMap() {
    FieldMapping m = new FieldMapping(null, null, "Date/Time", "Lat", "Lon", null, null, "body");

    assertThat(m.asMap())
        .containsExactly(
            entry("time", "Date/Time"),
            entry("lat", "Lat"),
            entry("lon", "Lon"),
            entry("text", "body"));
  }

  @Test
  void needsTimeLatitudeAndLongitude() {
    assertThatThrownBy(() -> new FieldMapping("id", "a", null, "lat", "lon", null, null, null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("time");
    assertThatThrownBy(() -> new FieldMapping("id", "a", "time", null, "lon", null, null, null))
        .hasMessage("lat");
    assertThatThrownBy(() -> new FieldMapping("id", "a", "time", "lat", null, null, null, null))
        .hasMessage("lon");
  }

  @Test
  void readsFormatCodesInLowerCaseOnly() {
    assertThat(PostFormat.fromCode("jsonl")).contains(PostFormat.JSONL);
    assertThat(PostFormat.fromCode("csv")).contains(PostFormat.CSV);
    assertThat(PostFormat.fromCode("CSV")).isEmpty();
    assertThat(PostFormat.fromCode("json")).isEmpty();
    assertThat(PostFormat.CSV.code()).isEqualTo("csv");
  }
}
