package org.crowdhex.flow;

import java.io.Serializable;

/**
 * A zone as a flow map draws it: a point with a name. The {@code locations} rows of the flowmap
 * data model, and the ends of the flow lines in GeoJSON.
 *
 * @param id the zone id used in flows
 * @param name a readable name (the venue's name; for an H3 parent its hex id and the venues it
 *     touches)
 * @param lat latitude of the zone's centre, degrees
 * @param lon longitude of the zone's centre, degrees
 */
public record FlowLocation(String id, String name, double lat, double lon)
    implements Serializable {}
