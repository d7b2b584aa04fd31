package org.crowdhex.tile;

/**
 * The spherical Web Mercator projection of web maps (EPSG:3857, "Pseudo-Mercator") in the pixel and
 * tile coordinates of the XYZ tile scheme: at zoom z the world is a square of 256·2^z pixels, x
 * growing east from the antimeridian and y growing south from latitude 85.05112878°, where Web
 * Mercator cuts the world off to make it square.
 *
 * <p>Longitudes and latitudes are WGS 84 degrees taken as if on a sphere of the WGS 84 equatorial
 * radius, which is how EPSG:3857 is defined; so metres measured with {@link #metresPerPixel} are
 * the projection's ground resolution, which differs from true distances on the ellipsoid by up to
 * about 0.3% (0.2% at Rotterdam's latitude).
 *
 * <p>Longitudes are wrapped into [-180, 180), so the antimeridian belongs to column 0; latitudes
 * beyond ±85.05112878° are clamped to it.
 */
public final class WebMercator {

  /** The WGS 84 semi-major axis, the radius of the EPSG:3857 sphere. */
  public static final double EARTH_RADIUS_METRES = 6_378_137;

  /** Width and height of a tile in pixels. */
  public static final int TILE_SIZE = 256;

  /**
   * The latitude at which the projected world becomes a square, atan(sinh(π)) in degrees, about
   * 85.05112878°.
   */
  public static final double MAX_LATITUDE = Math.toDegrees(Math.atan(Math.sinh(Math.PI)));

  private static final double EQUATOR_METRES = 2 * Math.PI * EARTH_RADIUS_METRES;

  private WebMercator() {}

  /** How many tiles there are along each side of the world at a zoom. */
  public static int tilesPerSide(int z) {
    checkZoom(z);
    return 1 << z;
  }

  /** Width of the world at a zoom, in pixels: 256·2^z. */
  public static double worldPixels(int z) {
    checkZoom(z);
    return (double) TILE_SIZE * (1L << z);
  }

  /** The global pixel x of a longitude (degrees, wrapped into [-180, 180)) at a zoom. */
  public static double pixelX(double lon, int z) {
    return (wrapLongitude(lon) + 180) / 360 * worldPixels(z);
  }

  /** The global pixel y of a latitude (degrees, clamped to the Web Mercator limit) at a zoom. */
  public static double pixelY(double lat, int z) {
    double phi = Math.toRadians(clampLatitude(lat));
    double y = (0.5 - Math.log(Math.tan(Math.PI / 4 + phi / 2)) / (2 * Math.PI)) * worldPixels(z);
    // At the clamped limit the formula lands a rounding error off the world's edge.
    return Math.max(0, Math.min(worldPixels(z), y));
  }

  /** The longitude (degrees) of a global pixel x at a zoom. */
  public static double lon(double pixelX, int z) {
    return pixelX / worldPixels(z) * 360 - 180;
  }

  /** The latitude (degrees) of a global pixel y at a zoom. */
  public static double lat(double pixelY, int z) {
    return Math.toDegrees(Math.atan(Math.sinh(Math.PI * (1 - 2 * pixelY / worldPixels(z)))));
  }

  /** The tile that holds a point (degrees) at a zoom; points on a tile edge go east and south. */
  public static TileCoord tileAt(double lon, double lat, int z) {
    int last = tilesPerSide(z) - 1;
    int x = (int) Math.floor(pixelX(lon, z) / TILE_SIZE);
    int y = (int) Math.floor(pixelY(lat, z) / TILE_SIZE);
    // Only the southern limit (y = the world's height) and rounding at the edges need clamping.
    return new TileCoord(z, Math.max(0, Math.min(last, x)), Math.max(0, Math.min(last, y)));
  }

  /** The longitude/latitude box that a tile covers. */
  public static TileBounds bounds(TileCoord tile) {
    int z = tile.z();
    return new TileBounds(
        lon((double) tile.x() * TILE_SIZE, z),
        lat((double) (tile.y() + 1) * TILE_SIZE, z),
        lon((double) (tile.x() + 1) * TILE_SIZE, z),
        lat((double) tile.y() * TILE_SIZE, z));
  }

  /**
   * The ground resolution at a latitude and zoom: how many metres one pixel spans there,
   * cos(lat)·2π·6378137 / (256·2^z). Web Mercator stretches both axes by the same factor, so it is
   * the same east-west and north-south.
   */
  public static double metresPerPixel(double lat, int z) {
    return Math.cos(Math.toRadians(clampLatitude(lat))) * EQUATOR_METRES / worldPixels(z);
  }

  /** A longitude in degrees moved by whole turns into [-180, 180). */
  public static double wrapLongitude(double lon) {
    if (lon >= -180 && lon < 180) {
      return lon;
    }
    return lon - 360 * Math.floor((lon + 180) / 360);
  }

  /** A latitude in degrees clamped to the Web Mercator limit. */
  public static double clampLatitude(double lat) {
    return Math.max(-MAX_LATITUDE, Math.min(MAX_LATITUDE, lat));
  }

  static void checkZoom(int z) {
    if (z < 0 || z > TileCoord.MAX_ZOOM) {
      throw new IllegalArgumentException(
          "zoom is " + z + "; expected a whole number from 0 to " + TileCoord.MAX_ZOOM);
    }
  }
}
