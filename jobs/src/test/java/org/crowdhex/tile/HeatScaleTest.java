package org.crowdhex.tile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.List;
import java.util.Random;
import org.crowdhex.tile.HeatScale.LegendStop;
import org.crowdhex.tile.HeatScale.Mapping;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class HeatScaleTest {

  @Test
  void zeroAndTheBottomStepAreTransparent() {
    HeatScale scale = HeatScale.of(5_000);

    assertThat(scale.argb(0)).isZero();
    assertThat(scale.argb(-3)).isZero();
    assertThat(scale.argb(Double.NaN)).isZero();
    assertThat(scale.minVisibleDensity())
        .isCloseTo(Math.expm1(Math.log1p(5_000) / 256), within(1e-12));
    assertThat(scale.argb(Math.nextDown(scale.minVisibleDensity()))).isZero();
    assertThat(scale.argb(scale.minVisibleDensity()) >>> 24).isPositive();
    assertThat(scale.position(scale.minVisibleDensity())).isCloseTo(1.0 / 256, within(1e-12));
  }

  @ParameterizedTest
  @EnumSource(ColourRamp.class)
  void theTopColourIsDrawnAtTheMaximumAndBeyond(ColourRamp ramp) {
    for (Mapping mapping : Mapping.values()) {
      HeatScale scale = new HeatScale(800, mapping, ramp);
      int top = 0xFF000000 | ramp.rgb(255);

      assertThat(scale.argb(800)).isEqualTo(top);
      assertThat(scale.argb(8_000)).isEqualTo(top);
      assertThat(scale.argb(Double.POSITIVE_INFINITY)).isEqualTo(top);
      assertThat(scale.level(799)).isEqualTo(255);
      assertThat(scale.level(scale.densityAt(254.5 / 256))).isEqualTo(254);
    }
  }

  @Test
  void logAndLinearMappingsPlaceDensitiesOnTheScale() {
    HeatScale log = new HeatScale(5_000, Mapping.LOG, ColourRamp.VIRIDIS);
    HeatScale linear = new HeatScale(5_000, Mapping.LINEAR, ColourRamp.VIRIDIS);

    assertThat(log.position(Math.expm1(0.5 * Math.log1p(5_000)))).isCloseTo(0.5, within(1e-12));
    assertThat(log.densityAt(0.5)).isCloseTo(Math.expm1(0.5 * Math.log1p(5_000)), within(1e-9));
    assertThat(linear.position(2_500)).isCloseTo(0.5, within(1e-12));
    assertThat(linear.level(2_500)).isEqualTo(128);
    assertThat(log.level(log.densityAt(0.5))).isEqualTo(128);
    // A log scale shows a quiet street that a linear one leaves dark.
    assertThat(log.level(20)).isGreaterThan(80);
    assertThat(linear.level(20)).isEqualTo(1);
  }

  /**
   * Lightness (CIE L*) rises along both ramps; for viridis the 8-bit rounding of the published
   * floats dips it by 0.03 at two steps, so single steps get that much slack and every 4 steps must
   * rise.
   */
  @ParameterizedTest
  @EnumSource(ColourRamp.class)
  void rampsRiseInLightness(ColourRamp ramp) {
    double[] lightness = new double[ColourRamp.SIZE];
    for (int i = 0; i < lightness.length; i++) {
      lightness[i] = lightness(ramp.rgb(i));
    }
    for (int i = 1; i < lightness.length; i++) {
      assertThat(lightness[i]).as("%s step %d", ramp, i).isGreaterThan(lightness[i - 1] - 0.05);
    }
    for (int i = 4; i < lightness.length; i++) {
      assertThat(lightness[i]).as("%s steps %d-%d", ramp, i - 4, i).isGreaterThan(lightness[i - 4]);
    }
    assertThat(lightness[255] - lightness[0]).isGreaterThan(60);
  }

  @Test
  void theRampsAreThePublishedTables() {
    assertThat(ColourRamp.VIRIDIS.rgb(0)).isEqualTo(0x440154);
    assertThat(ColourRamp.VIRIDIS.rgb(128)).isEqualTo(0x21918c);
    assertThat(ColourRamp.VIRIDIS.rgb(255)).isEqualTo(0xfde725);
    assertThat(ColourRamp.INFERNO.rgb(0)).isEqualTo(0x000004);
    assertThat(ColourRamp.INFERNO.rgb(128)).isEqualTo(0xbc3754);
    assertThat(ColourRamp.INFERNO.rgb(255)).isEqualTo(0xfcffa4);
    assertThat(ColourRamp.fromId("Inferno")).isEqualTo(ColourRamp.INFERNO);
    assertThatThrownBy(() -> ColourRamp.fromId("jet"))
        .hasMessage("colour ramp is \"jet\"; expected viridis or inferno");
  }

  @Test
  void denserIsNeverDarkerAndOpacityFadesIn() {
    HeatScale scale = HeatScale.of(5_000);
    int previousLevel = 0;
    int previousAlpha = 0;
    for (double d = 0; d < 6_000; d = d * 1.01 + 0.001) {
      int level = scale.level(d);
      int alpha = scale.argb(d) >>> 24;
      assertThat(level).isGreaterThanOrEqualTo(previousLevel);
      assertThat(alpha).isGreaterThanOrEqualTo(previousAlpha);
      previousLevel = level;
      previousAlpha = alpha;
    }
    assertThat(scale.argbOfLevel(1) >>> 24).isBetween(1, 10);
    assertThat(scale.argbOfLevel(HeatScale.FADE_LEVELS / 2) >>> 24).isBetween(120, 135);
    assertThat(scale.argbOfLevel(HeatScale.FADE_LEVELS) >>> 24).isEqualTo(255);
  }

  /** The renderer's table lookup must give the level the thresholds define, to the last float. */
  @Test
  void theFastLevelOfAFloatIsTheExactLevel() {
    Random random = new Random(5);
    for (double max : new double[] {1e-6, 0.7, 40, 5_000, 123_456, 1e9}) {
      for (Mapping mapping : Mapping.values()) {
        HeatScale scale = new HeatScale(max, mapping, ColourRamp.INFERNO);
        for (int i = 1; i < HeatScale.LEVELS; i++) {
          float at = (float) scale.densityAt((double) i / 256);
          for (float f : new float[] {Math.nextDown(at), at, Math.nextUp(at)}) {
            assertThat(scale.level(f)).as("%s at %s", scale, f).isEqualTo(scale.level((double) f));
          }
        }
        for (int i = 0; i < 20_000; i++) {
          float f = (float) (max * 1.2 * Math.pow(random.nextDouble(), 4));
          assertThat(scale.level(f)).as("%s at %s", scale, f).isEqualTo(scale.level((double) f));
        }
      }
    }
  }

  @Test
  void theLegendHasRoundedStopsWithTheirColours() {
    HeatScale scale = HeatScale.of(5_000);

    List<LegendStop> legend = scale.legend();

    assertThat(legend)
        .extracting(LegendStop::density)
        .containsExactly(0.034, 4.5, 29.0, 160.0, 910.0, 5_000.0);
    assertThat(legend).extracting(LegendStop::density).isSorted();
    assertThat(legend.get(0).opacity()).isPositive().isLessThan(0.05);
    LegendStop top = legend.get(legend.size() - 1);
    assertThat(top.colour()).isEqualTo("#fde725");
    assertThat(top.opacity()).isEqualTo(1.0);
    assertThat(top.position()).isEqualTo(1.0);
    for (LegendStop stop : legend) {
      assertThat(stop.colour())
          .isEqualTo(String.format("#%06x", scale.argb(stop.density()) & 0xFFFFFF));
    }
    assertThat(scale.units()).isEqualTo("distinct authors per km²");
  }

  @Test
  void survivesSerialisationWithItsTables() throws Exception {
    HeatScale scale = new HeatScale(1_234, Mapping.LINEAR, ColourRamp.INFERNO);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(scale);
    }
    HeatScale copy;
    try (ObjectInputStream in =
        new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      copy = (HeatScale) in.readObject();
    }

    assertThat(copy).isEqualTo(scale).hasSameHashCodeAs(scale);
    assertThat(copy.palette()).isEqualTo(scale.palette());
    assertThat(copy.level(567.8f)).isEqualTo(scale.level(567.8));
  }

  @Test
  void rejectsAMaximumOutsideTheRangeWithASentence() {
    assertThatThrownBy(() -> HeatScale.of(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "the heat scale's maximum density is 0.0 authors per km²; expected a number from"
                + " 1.0E-6 to 1.0E9");
    assertThatThrownBy(() -> HeatScale.of(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Mapping.fromId("sqrt"))
        .hasMessage("scale is \"sqrt\"; expected log or linear");
  }

  /** CIE L* of an sRGB colour. */
  private static double lightness(int rgb) {
    double y =
        0.2126 * linear((rgb >> 16) & 0xFF)
            + 0.7152 * linear((rgb >> 8) & 0xFF)
            + 0.0722 * linear(rgb & 0xFF);
    return y > 216.0 / 24389 ? 116 * Math.cbrt(y) - 16 : 24389.0 / 27 * y;
  }

  private static double linear(int channel) {
    double c = channel / 255.0;
    return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
  }
}
