package org.crowdhex.tile;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class PngEncoderTest {
  private static final HeatKernel KERNEL = new HeatKernel(113.8);
  private static final TileCoord TILE = new TileCoord(15, 16795, 10839);

  @Test
  void aRenderedTileDecodesWithImageIoToTheSamePixels() throws IOException {
    HeatTile tile = renderedTile(HeatScale.of(5_000));

    byte[] png;
    try (PngEncoder encoder = new PngEncoder()) {
      png = encoder.encode(tile);
    }

    assertDecodesTo(png, tile.toArgb());
  }

  @Test
  void everyLevelOfBothRampsSurvivesTheRoundTrip() throws IOException {
    for (ColourRamp ramp : ColourRamp.values()) {
      HeatScale scale = new HeatScale(100, HeatScale.Mapping.LINEAR, ramp);
      byte[] levels = new byte[256 * 256];
      for (int p = 0; p < levels.length; p++) {
        levels[p] = (byte) ((p * 7 + p / 256) & 0xFF);
      }
      HeatTile tile = new HeatTile(TILE, scale, levels, 255);

      try (PngEncoder encoder = new PngEncoder()) {
        assertDecodesTo(encoder.encode(tile), tile.toArgb());
      }
    }
  }

  @Test
  void theSameTileGivesTheSameBytes() {
    HeatTile tile = renderedTile(HeatScale.of(5_000));
    HeatTile other = renderedTile(HeatScale.of(50));

    try (PngEncoder one = new PngEncoder();
        PngEncoder two = new PngEncoder()) {
      byte[] first = one.encode(tile);
      one.encode(other);
      assertThat(one.encode(tile)).isEqualTo(first);
      assertThat(two.encode(tile)).isEqualTo(first);
    }
  }

  @Test
  void writesOnlyTheChunksADecoderNeedsEachWithItsCrc() {
    HeatTile tile = renderedTile(HeatScale.of(5_000));
    byte[] png;
    try (PngEncoder encoder = new PngEncoder()) {
      png = encoder.encode(tile);
    }

    ByteBuffer in = ByteBuffer.wrap(png);
    byte[] signature = new byte[8];
    in.get(signature);
    assertThat(signature).containsExactly(0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n');
    List<String> chunks = new ArrayList<>();
    while (in.hasRemaining()) {
      int length = in.getInt();
      int start = in.position();
      byte[] type = new byte[4];
      in.get(type);
      in.position(in.position() + length);
      CRC32 crc = new CRC32();
      crc.update(png, start, 4 + length);
      assertThat(in.getInt()).isEqualTo((int) crc.getValue());
      String name = new String(type, StandardCharsets.US_ASCII);
      chunks.add(name);
      if (name.equals("PLTE")) {
        assertThat(length).isEqualTo(3 * (tile.maxLevel() + 1));
      }
    }
    assertThat(chunks).containsExactly("IHDR", "PLTE", "tRNS", "IDAT", "IEND");
    assertThat(png[8 + 8 + 8]).as("bit depth").isEqualTo((byte) 8);
    assertThat(png[8 + 8 + 9]).as("colour type: palette").isEqualTo((byte) 3);
  }

  private static HeatTile renderedTile(HeatScale scale) {
    List<HeatPoint> cells = new ArrayList<>();
    int[][] spots = {{40, 50, 30}, {70, 60, 120}, {180, 90, 8}, {128, 200, 400}, {230, 240, 60}};
    for (int[] spot : spots) {
      cells.add(
          new HeatPoint(
              WebMercator.lat(TILE.y() * 256.0 + spot[1], 15),
              WebMercator.lon(TILE.x() * 256.0 + spot[0], 15),
              spot[2]));
    }
    return new HeatTileRenderer(KERNEL, scale).render(TILE, cells).orElseThrow();
  }

  private static void assertDecodesTo(byte[] png, int[] expected) throws IOException {
    BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(png));
    assertThat(decoded.getWidth()).isEqualTo(256);
    assertThat(decoded.getHeight()).isEqualTo(256);
    int[] argb = decoded.getRGB(0, 0, 256, 256, null, 0, 256);
    assertThat(argb).isEqualTo(expected);
  }
}
