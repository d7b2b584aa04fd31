package org.crowdhex.density;

/**
 * One cell's distinct authors in one window, as seen by one venue whose zone holds the cell: what
 * the detector of that venue scans.
 */
public record VenueCellCount(
    String venue, long cell, long windowStart, long windowEnd, int authors) {}
