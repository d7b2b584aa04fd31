package org.crowdhex.density;

/**
 * The crowd in one venue's zone in one window: the record of the venue totals output.
 *
 * @param venue the venue id
 * @param windowStart inclusive, epoch ms
 * @param windowEnd exclusive, epoch ms
 * @param posts posts in the zone
 * @param authors distinct authors in the zone (an author seen in two of its cells counts once)
 * @param cells cells of the zone with at least one post
 * @param areaKm2 the zone's area (its cells' true area), km²
 * @param density distinct authors per km² of the zone
 * @param revision 0 when first published; incremented by each late change
 */
public record VenueWindow(
    String venue,
    long windowStart,
    long windowEnd,
    long posts,
    int authors,
    int cells,
    double areaKm2,
    double density,
    int revision) {}
