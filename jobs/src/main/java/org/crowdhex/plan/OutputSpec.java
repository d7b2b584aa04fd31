package org.crowdhex.plan;

import java.nio.file.Path;

/**
 * Where and how a run writes its outputs.
 *
 * @param dir the run's output folder (relative paths are taken from the plan's folder)
 * @param geojson whether GeoJSON is written beside the JSON lines
 */
public record OutputSpec(Path dir, boolean geojson) {}
