package org.crowdhex.tileset;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import org.crowdhex.tile.ColourRamp;
import org.crowdhex.tile.HeatScale;
import org.junit.jupiter.api.Test;

/** The manifest and TileJSON name a window's alerts document when the run detects anomalies. */
class TileDocumentsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long START = Instant.parse("2026-04-19T14:15:00Z").toEpochMilli();
  private static final TileSetInfo INFO =
      new TileSetInfo(
          "match",
          "Europe/Amsterdam",
          12,
          16,
          new double[] {4.4, 51.8, 4.6, 51.95},
          new double[] {4.5, 51.9, 13},
          new HeatScale(5000, HeatScale.Mapping.LOG, ColourRamp.fromId("inferno")),
          100,
          false);

  @Test
  void aWindowWithAnAlertsDocumentIsListedWithItsUrlAndCount() throws Exception {
    var detected =
        new TileDocuments.Entry("20260419T1415Z", START, START + 900_000, 0, 12, 40, 800, true, 2);
    var plain =
        new TileDocuments.Entry("20260419T1420Z", START + 300_000, START + 1_200_000, 0, 3, 9, 20);

    JsonNode m =
        JSON.readTree(TileDocuments.manifest(INFO, List.of(plain, detected), Instant.EPOCH));
    JsonNode hex = JSON.readTree(TileDocuments.tileJson(INFO, detected, TileDocuments.HEX));
    JsonNode plainHex = JSON.readTree(TileDocuments.tileJson(INFO, plain, TileDocuments.HEX));

    JsonNode first = m.at("/windows/0");
    assertThat(first.get("id").asText()).isEqualTo("20260419T1415Z");
    assertThat(first.get("alerts").asText()).isEqualTo("20260419T1415Z/alerts.geojson");
    assertThat(first.get("open_alerts").asInt()).isEqualTo(2);
    JsonNode second = m.at("/windows/1");
    assertThat(second.has("alerts")).isFalse();
    assertThat(second.has("open_alerts")).isFalse();
    assertThat(hex.at("/window/alerts").asText())
        .as("beside the TileJSON")
        .isEqualTo("alerts.geojson");
    assertThat(plainHex.at("/window").has("alerts")).isFalse();
    assertThat(hex.at("/vector_layers/0/fields").has("score")).isTrue();
    assertThat(hex.at("/vector_layers/0/fields").has("alert")).isTrue();
  }

  @Test
  void aWindowWithAFlowsDocumentIsListedWithItsUrl() throws Exception {
    var flows =
        new TileDocuments.Entry(
            "20260419T1415Z", START, START + 900_000, 0, 12, 40, 800, false, 0, true);
    var plain =
        new TileDocuments.Entry("20260419T1420Z", START + 300_000, START + 1_200_000, 0, 3, 9, 20);

    JsonNode m = JSON.readTree(TileDocuments.manifest(INFO, List.of(plain, flows), Instant.EPOCH));
    JsonNode heat = JSON.readTree(TileDocuments.tileJson(INFO, flows, TileDocuments.HEAT));

    assertThat(m.at("/windows/0/flows").asText()).isEqualTo("20260419T1415Z/flows.geojson");
    assertThat(m.at("/windows/0").has("alerts")).isFalse();
    assertThat(m.at("/windows/1").has("flows")).isFalse();
    assertThat(heat.at("/window/flows").asText())
        .as("beside the TileJSON")
        .isEqualTo("flows.geojson");
  }
}
