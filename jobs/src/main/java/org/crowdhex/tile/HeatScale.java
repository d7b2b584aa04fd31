package org.crowdhex.tile;

import java.io.Serializable;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The fixed colour scale of a run's heat tiles: which colour a density of distinct authors per km²
 * is painted in.
 *
 * <p>The scale is set once for the whole run from its {@linkplain #maxDensity() top density} and
 * never from the densities of a window, so the same density has the same colour in every window,
 * tile and zoom, and two windows can be compared by eye.
 *
 * <p>A density d sits at position t in [0, 1] on the scale: t = log(1 + d) / log(1 + max) for the
 * {@linkplain Mapping#LOG log} mapping (the default, since crowds span orders of magnitude and a
 * linear scale would leave everything but the busiest spot dark), or t = d / max for the
 * {@linkplain Mapping#LINEAR linear} one; densities above the top are drawn in the top colour. The
 * scale has 256 levels: level i ≥ 1 holds the densities with t in [i/256, (i+1)/256), the last one
 * everything from 255/256 up. Level 0, below one step of the scale (t &lt; 1/256, about 0.4%), is
 * fully transparent, so a tile's empty surface and the thin tails of the kernels do not tint the
 * base map. Level i ≥ 1 has colour i of the {@link ColourRamp}, and an opacity that rises linearly
 * over the first {@value #FADE_LEVELS} levels (the bottom quarter of the scale) so that low
 * densities fade in rather than start with a hard edge; above that the colours are opaque (a map
 * can still lay the tiles over its base map with a layer opacity).
 *
 * <p>Levels are defined by 255 threshold densities, computed once, so {@link #level(double)} is
 * exact, monotone and identical wherever it runs. Instances are immutable and thread-safe.
 */
public final class HeatScale implements Serializable {
  private static final long serialVersionUID = 1L;

  /** What the scale measures, for TileJSON and legends. */
  public static final String UNITS = "distinct authors per km²";

  /** How many levels the scale has; level 0 is transparent. */
  public static final int LEVELS = 256;

  /** Over how many levels from the bottom the opacity rises to full. */
  public static final int FADE_LEVELS = 64;

  /** The smallest top density accepted, in authors per km² (one author in a million km²). */
  public static final double MIN_MAX_DENSITY = 1e-6;

  /** The largest top density accepted, in authors per km² (a thousand authors per m²). */
  public static final double MAX_MAX_DENSITY = 1e9;

  private static final int LEGEND_STOPS = 5;

  /**
   * Buckets of the level lookup are runs of float bit patterns 2^14 long: 512 per octave, so a
   * bucket is at most 2^-9 (0.2%) of its values wide. A level is never narrower than 1/255 (0.39%)
   * of its densities (level i of the linear mapping spans [i, i + 1)·max/256, and the log mapping's
   * levels are relatively wider still, e^x − 1 being convex), so a bucket holds at most one
   * threshold and the lookup is off by at most one level.
   */
  private static final int BUCKET_SHIFT = 14;

  /** How a density maps to a position on the scale. */
  public enum Mapping {
    /** t = log(1 + d) / log(1 + max): equal ratios of density are equal steps of colour. */
    LOG("log"),
    /** t = d / max: equal differences of density are equal steps of colour. */
    LINEAR("linear");

    private final String id;

    Mapping(String id) {
      this.id = id;
    }

    /** The name used in plans and TileJSON: {@code log} or {@code linear}. */
    public String id() {
      return id;
    }

    /** The mapping with an {@link #id()}, ignoring case. */
    public static Mapping fromId(String id) {
      for (Mapping mapping : values()) {
        if (mapping.id.equalsIgnoreCase(id)) {
          return mapping;
        }
      }
      throw new IllegalArgumentException("scale is \"" + id + "\"; expected log or linear");
    }
  }

  /**
   * One stop of the legend.
   *
   * @param density the density at the stop, in distinct authors per km²
   * @param position where the density sits on the scale, 0 (bottom) to 1 (top)
   * @param colour the colour drawn there, {@code #rrggbb}
   * @param opacity the opacity drawn there, 0 to 1
   */
  public record LegendStop(double density, double position, String colour, double opacity)
      implements Serializable {
    public LegendStop {
      Objects.requireNonNull(colour, "colour");
      if (!(density >= 0) || !(position >= 0 && position <= 1) || !(opacity >= 0 && opacity <= 1)) {
        throw new IllegalArgumentException(
            "legend stop needs a density >= 0 and a position and an opacity in [0, 1], got "
                + density
                + ", "
                + position
                + ", "
                + opacity);
      }
    }
  }

  private final double maxDensity;
  private final Mapping mapping;
  private final ColourRamp ramp;

  // Derived from the three above; rebuilt on deserialisation through readResolve.
  private final transient double[] thresholds;
  private final transient int[] palette;
  private final transient int lutBase;
  private final transient byte[] lut;

  /**
   * A scale with a top density, a mapping and a ramp.
   *
   * @param maxDensity the density drawn in the top colour, distinct authors per km², from {@value
   *     #MIN_MAX_DENSITY} to {@value #MAX_MAX_DENSITY}
   */
  public HeatScale(double maxDensity, Mapping mapping, ColourRamp ramp) {
    if (!(maxDensity >= MIN_MAX_DENSITY && maxDensity <= MAX_MAX_DENSITY)) {
      throw new IllegalArgumentException(
          "the heat scale's maximum density is "
              + maxDensity
              + " authors per km²; expected a number from "
              + MIN_MAX_DENSITY
              + " to "
              + MAX_MAX_DENSITY);
    }
    this.maxDensity = maxDensity;
    this.mapping = Objects.requireNonNull(mapping, "mapping");
    this.ramp = Objects.requireNonNull(ramp, "ramp");

    // thresholds[i] is where level i starts; the one past the top level, never reached, spares
    // level(float) a bounds check.
    thresholds = new double[LEVELS + 1];
    for (int i = 1; i < LEVELS; i++) {
      thresholds[i] = densityAt((double) i / LEVELS);
    }
    thresholds[LEVELS] = Double.POSITIVE_INFINITY;
    palette = new int[LEVELS];
    for (int i = 1; i < LEVELS; i++) {
      int alpha = (int) Math.round(255.0 * Math.min(1.0, (double) i / FADE_LEVELS));
      palette[i] = alpha << 24 | ramp.rgb(i);
    }

    // The lookup covers the floats from the first threshold to past the last; its entry for a
    // bucket is the level of the bucket's smallest float. The base is the largest float not above
    // the first threshold, so every visible density falls in a bucket; the last bucket starts
    // above the top threshold, so larger densities can be clamped into it.
    float first = (float) thresholds[1];
    if (first > thresholds[1]) {
      first = Math.nextDown(first);
    }
    lutBase = Float.floatToRawIntBits(first);
    int top = Float.floatToRawIntBits((float) thresholds[LEVELS - 1]);
    int buckets = ((top - lutBase) >>> BUCKET_SHIFT) + 2;
    lut = new byte[buckets];
    for (int b = 0; b < buckets; b++) {
      lut[b] = (byte) level((double) Float.intBitsToFloat(lutBase + (b << BUCKET_SHIFT)));
    }
  }

  /** The default scale of a run: log mapping on viridis. */
  public static HeatScale of(double maxDensity) {
    return new HeatScale(maxDensity, Mapping.LOG, ColourRamp.VIRIDIS);
  }

  /** The density drawn in the top colour, in distinct authors per km². */
  public double maxDensity() {
    return maxDensity;
  }

  public Mapping mapping() {
    return mapping;
  }

  public ColourRamp ramp() {
    return ramp;
  }

  /** {@value #UNITS}: what the densities of this scale count. */
  public String units() {
    return UNITS;
  }

  /** Where a density sits on the scale, from 0 (zero or less) to 1 (the top density or more). */
  public double position(double density) {
    if (!(density > 0)) {
      return 0;
    }
    double t =
        mapping == Mapping.LOG
            ? Math.log1p(density) / Math.log1p(maxDensity)
            : density / maxDensity;
    return Math.min(1, t);
  }

  /** The density at a position t in [0, 1] on the scale: the inverse of {@link #position}. */
  public double densityAt(double position) {
    if (!(position >= 0 && position <= 1)) {
      throw new IllegalArgumentException(
          "position on the scale is " + position + "; expected a number from 0 to 1");
    }
    return mapping == Mapping.LOG
        ? Math.expm1(position * Math.log1p(maxDensity))
        : position * maxDensity;
  }

  /**
   * The smallest density that is drawn at all, in authors per km²: one level (1/256) up the scale.
   * Anything less is transparent.
   */
  public double minVisibleDensity() {
    return thresholds[1];
  }

  /**
   * The level (0 to 255) a density falls on; 0, transparent, for anything below one step or NaN.
   */
  public int level(double density) {
    if (!(density >= thresholds[1])) {
      return 0;
    }
    int lo = 1;
    int hi = LEVELS - 1;
    while (lo < hi) {
      int mid = (lo + hi + 1) >>> 1;
      if (density >= thresholds[mid]) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    return lo;
  }

  /**
   * The same as {@link #level(double)} for a float, through a lookup table: the renderer calls it
   * for every pixel, where a binary search or a logarithm would cost more than the kernels do.
   */
  int level(float density) {
    if (!(density >= thresholds[1])) {
      return 0;
    }
    int bucket = (Float.floatToRawIntBits(density) - lutBase) >>> BUCKET_SHIFT;
    int level = lut[Math.min(bucket, lut.length - 1)] & 0xFF;
    return density >= thresholds[level + 1] ? level + 1 : level;
  }

  /** The colour of a level as non-premultiplied 0xAARRGGBB; level 0 is 0, fully transparent. */
  public int argbOfLevel(int level) {
    return palette[level];
  }

  /** The colour of a density as non-premultiplied 0xAARRGGBB; 0 (transparent) below one step. */
  public int argb(double density) {
    return palette[level(density)];
  }

  /** The 256 colours of the levels as 0xAARRGGBB, level 0 first: the palette of the PNG tiles. */
  public int[] palette() {
    return palette.clone();
  }

  /**
   * The stops of the legend, bottom to top: the smallest visible density, then the densities at
   * 1/5, 2/5, 3/5 and 4/5 of the scale rounded to two significant digits, and the top density. Each
   * has the colour and opacity the tiles draw it in.
   */
  public List<LegendStop> legend() {
    List<LegendStop> stops = new ArrayList<>(LEGEND_STOPS + 1);
    stops.add(stop(roundUp(minVisibleDensity())));
    for (int k = 1; k < LEGEND_STOPS; k++) {
      stops.add(stop(round(densityAt((double) k / LEGEND_STOPS))));
    }
    stops.add(stop(maxDensity));
    return List.copyOf(stops);
  }

  private LegendStop stop(double density) {
    int argb = argb(density);
    double opacity = Math.round((argb >>> 24) / 255.0 * 1000) / 1000.0;
    return new LegendStop(density, position(density), ColourRamp.hex(argb), opacity);
  }

  private static double round(double density) {
    return new BigDecimal(density).round(new MathContext(2, RoundingMode.HALF_EVEN)).doubleValue();
  }

  /** Rounded up so the legend's first stop is really drawn. */
  private static double roundUp(double density) {
    return new BigDecimal(density).round(new MathContext(2, RoundingMode.CEILING)).doubleValue();
  }

  private Object readResolve() {
    return new HeatScale(maxDensity, mapping, ramp);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof HeatScale other
        && Double.compare(maxDensity, other.maxDensity) == 0
        && mapping == other.mapping
        && ramp == other.ramp;
  }

  @Override
  public int hashCode() {
    return Objects.hash(maxDensity, mapping, ramp);
  }

  @Override
  public String toString() {
    return String.format(
        Locale.ROOT,
        "HeatScale[%s %s up to %s %s]",
        mapping.id(),
        ramp.id(),
        BigDecimal.valueOf(maxDensity).stripTrailingZeros().toPlainString(),
        UNITS);
  }
}
