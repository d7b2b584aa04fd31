/**
 * Mapbox Vector Tiles (MVT 2.1) of the crowd per H3 cell: one polygon per cell with its counts, for
 * web maps.
 *
 * <p>Specification: <a href="https://github.com/mapbox/vector-tile-spec/tree/master/2.1">Vector
 * Tile Specification 2.1</a>. Plain Java: no Flink here, so the encoder is tested and benchmarked
 * without a runtime.
 */
package org.crowdhex.vectortile;
