package org.crowdhex.tileset;

/**
 * One tile of one window revision to render, with the window's cells whose heat kernel reaches it
 * (indexes into the arrays are not shared: the task carries its own slices).
 *
 * @param window the window id, e.g. {@code 20260419T1415Z}
 * @param tile the tile as {@code TileCoord.encode()}
 * @param cells H3 cells
 * @param posts posts per cell
 * @param authors distinct authors per cell
 * @param density distinct authors per km² per cell
 * @param scores anomaly scan score per cell, 0 when none
 * @param alerts id of the open alert each cell is in, or null
 */
public record TileTask(
    String window,
    long tile,
    long[] cells,
    long[] posts,
    int[] authors,
    double[] density,
    double[] scores,
    String[] alerts) {}
