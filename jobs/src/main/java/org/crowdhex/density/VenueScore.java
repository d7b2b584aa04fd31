package org.crowdhex.density;

/**
 * The strongest scan score of one venue in one window (0 when nothing stood out): the input of
 * threshold calibration, and a record of how unusual each window looked.
 *
 * @param venue the venue id
 * @param windowStart epoch ms
 * @param windowEnd epoch ms
 * @param score the highest expectation-based Poisson scan score around any of its cells
 */
public record VenueScore(String venue, long windowStart, long windowEnd, double score) {}
