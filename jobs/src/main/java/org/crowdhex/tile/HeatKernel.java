package org.crowdhex.tile;

import com.uber.h3core.H3Core;
import com.uber.h3core.LengthUnit;
import java.io.Serializable;

/**
 * The kernel of the kernel density estimate that heat tiles draw: each cell spreads its distinct
 * authors over a disc around its centre, and the surface at a point is Σ authors_c · K(distance to
 * c), in distinct authors per km².
 *
 * <p>K is the quartic (biweight) kernel with compact support of radius R:
 *
 * <pre>K(r) = 3 / (π R²) · (1 − r²/R²)²  for r &lt; R, and 0 beyond,</pre>
 *
 * <p>with R in km, so K is in km⁻². It integrates to exactly 1 over the plane (substituting u =
 * r²/R², ∫ 2πr K(r) dr = 3 ∫₀¹ (1 − u)² du = 1), which makes the surface's integral the number of
 * authors and its value a density in the same units as the cells' own. It is smooth (its slope
 * vanishes at the rim, so the surface has no creases) and exactly zero beyond R, so a tile needs
 * only the cells within R of it.
 *
 * <p>The default radius, {@value #DEFAULT_RADIUS_IN_EDGES} average H3 hexagon edges of the plan's
 * resolution, reaches to just short of the neighbouring cells' centres (√3 ≈ 1.73 edges away): the
 * kernels of neighbours overlap enough to blend the hexagons into one surface, yet a lone busy cell
 * does not smear far beyond its own hexagon, and its peak, 3 / (π · 1.5² e²) ≈ 0.42/e², is within
 * 10% of its own density as a cell (authors over the hexagon's area 2.6 e²). At H3 resolution 10
 * (average edge 75.9 m) that is a radius of about 114 m.
 *
 * @param radiusMetres R, the radius of the kernel's support, in metres, above 0 and at most {@value
 *     #MAX_RADIUS_METRES}
 */
public record HeatKernel(double radiusMetres) implements Serializable {

  /** The default radius in average H3 edge lengths of the plan's resolution. */
  public static final double DEFAULT_RADIUS_IN_EDGES = 1.5;

  /** The largest radius accepted; a city-scale heat map never needs more. */
  public static final double MAX_RADIUS_METRES = 50_000;

  public HeatKernel {
    if (!(radiusMetres > 0 && radiusMetres <= MAX_RADIUS_METRES)) {
      throw new IllegalArgumentException(
          "the heat kernel's radius is "
              + radiusMetres
              + " m; expected a number above 0 and at most "
              + MAX_RADIUS_METRES);
    }
  }

  /**
   * The default kernel for cells of an H3 resolution: radius {@value #DEFAULT_RADIUS_IN_EDGES}
   * times the resolution's average hexagon edge.
   */
  public static HeatKernel forResolution(H3Core h3, int resolution) {
    return new HeatKernel(
        DEFAULT_RADIUS_IN_EDGES * h3.getHexagonEdgeLengthAvg(resolution, LengthUnit.m));
  }

  /** K(0) = 3 / (π R²): the kernel at its centre, in km⁻². */
  public double peakPerKm2() {
    double radiusKm = radiusMetres / 1000;
    return 3 / (Math.PI * radiusKm * radiusKm);
  }

  /** K(r) at a distance from the centre in metres, in km⁻². */
  public double weightPerKm2(double distanceMetres) {
    double u = 1 - (distanceMetres * distanceMetres) / (radiusMetres * radiusMetres);
    return u > 0 ? peakPerKm2() * u * u : 0;
  }

  /**
   * R in pixels at a latitude and zoom, through Web Mercator's ground resolution at that latitude.
   * Tiles and the fan-out both take the kernel as a circle of this radius around the point, so they
   * agree on which pixels a point reaches.
   */
  public double radiusPixels(double lat, int z) {
    return radiusMetres / WebMercator.metresPerPixel(lat, z);
  }
}
