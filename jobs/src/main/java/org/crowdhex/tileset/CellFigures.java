package org.crowdhex.tileset;

/** What a tile shows of one cell in one window. */
public record CellFigures(long posts, int authors, double density) {}
