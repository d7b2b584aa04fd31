package org.crowdhex.tileset;

/**
 * Word that one tile task of a window is done: its tiles were stored, or were empty and left out.
 * The publisher counts receipts against {@link TileCount} before it lists a window.
 *
 * @param window the window id
 * @param tile the tile as {@code TileCoord.encode()}
 * @param stored how many files were written for this tile (0, 1 or 2: heat and hex)
 */
public record TileReceipt(String window, long tile, int stored) {}
