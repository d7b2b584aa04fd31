/**
 * Heat tiles: the kernel density surface of a window's crowd, in distinct authors per km², drawn as
 * 256-pixel PNG tiles of the XYZ scheme in Web Mercator (EPSG:3857) for web maps.
 *
 * <p>The pieces, in the order a job uses them: {@link org.crowdhex.tile.TileFanOut} sends each cell
 * of a window to the tiles its kernel reaches, keyed by {@link org.crowdhex.tile.TileCoord}; {@link
 * org.crowdhex.tile.HeatTileRenderer} draws a tile from the cells sent to it with the {@link
 * org.crowdhex.tile.HeatKernel} and the run's fixed {@link org.crowdhex.tile.HeatScale}; {@link
 * org.crowdhex.tile.PngEncoder} writes the tiles that are not empty. Plain Java, no Flink.
 */
package org.crowdhex.tile;
