package org.crowdhex.tileset;

/**
 * How many tile tasks a window revision fanned out to, with what the manifest says of it.
 *
 * @param window the window id
 * @param windowStart epoch ms
 * @param windowEnd epoch ms
 * @param revision the revision
 * @param tasks tile tasks sent to the renderers
 * @param cells cells with posts in the window
 * @param maxDensity the highest cell density of the window
 */
public record TileCount(
    String window,
    long windowStart,
    long windowEnd,
    int revision,
    int tasks,
    int cells,
    double maxDensity) {}
