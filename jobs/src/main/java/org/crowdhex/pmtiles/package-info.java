/**
 * PMTiles v3 archives: a whole tile pyramid in one file that web maps read with HTTP range
 * requests, so a window's tiles can be published as a single static object.
 *
 * <p>Specification: <a
 * href="https://github.com/protomaps/PMTiles/blob/main/spec/v3/spec.md">PMTiles Version 3</a>.
 * Plain Java: no Flink here.
 */
package org.crowdhex.pmtiles;
