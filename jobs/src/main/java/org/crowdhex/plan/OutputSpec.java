package org.crowdhex.plan;

import java.nio.file.Path;

/**
 * Where and how a run writes its outputs.
 *
 * @param dir the run's output folder (a relative path is taken from the folder the command runs in,
 *     not from the plan's folder)
 * @param geojson whether GeoJSON is written beside the JSON lines
 */
public record OutputSpec(Path dir, boolean geojson) {}
