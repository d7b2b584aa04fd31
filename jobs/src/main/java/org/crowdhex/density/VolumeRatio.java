package org.crowdhex.density;

/**
 * How busy the platform is in one window compared with the baseline ({@code PlatformVolume}), sent
 * to the detector of one venue: every venue's detector gets the same ratio for a window.
 *
 * @param venue the venue whose detector it is for
 * @param windowStart the window's start, epoch ms
 * @param ratio the median over the venues of observed / expected authors; 1 when it says nothing
 */
public record VolumeRatio(String venue, long windowStart, double ratio) {}
