package org.crowdhex.tileset;

/**
 * How many tile tasks a window revision fanned out to, with what the manifest says of it and the
 * window's alerts document.
 *
 * @param window the window id
 * @param windowStart epoch ms
 * @param windowEnd epoch ms
 * @param revision the revision
 * @param tasks tile tasks sent to the renderers
 * @param cells cells with posts in the window
 * @param maxDensity the highest cell density of the window
 * @param openAlerts alerts open at the window's end
 * @param alerts the open alerts as a GeoJSON FeatureCollection, written beside the tiles before the
 *     window is listed; null when the run does not detect anomalies
 * @param flows the window's flows document, written beside the tiles before the window is listed;
 *     null when the tile stage is given no flows
 */
public record TileCount(
    String window,
    long windowStart,
    long windowEnd,
    int revision,
    int tasks,
    int cells,
    double maxDensity,
    int openAlerts,
    String alerts,
    String flows) {}
