package org.crowdhex.flow;

import com.uber.h3core.H3Core;
import com.uber.h3core.util.LatLng;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.crowdhex.venue.VenueIndex;
import org.crowdhex.venue.VenueZone;
import org.locationtech.jts.geom.Point;

/**
 * The zones moves are aggregated to: venue zones (a cell belongs to every venue whose zone covers
 * it, so zones may overlap) or H3 parent cells at a coarser resolution (a cell belongs to exactly
 * one). Built once and shipped to the tasks.
 *
 * <p>A move from a cell in zones A to a cell in zones B gives:
 *
 * <ul>
 *   <li>an outflow from each zone of A that is not in B, and an inflow to each zone of B not in A;
 *   <li>a flow edge (o, d) for each o in A and d in B with o ≠ d where the author left o or entered
 *       d (o ∉ B or d ∉ A): a move out of the overlap of a station and a stadium into the stadium
 *       alone is a flow from the station to the stadium.
 * </ul>
 *
 * A move within one zone, or between cells in no zone, gives neither.
 */
public final class FlowZones implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final String[] NONE = new String[0];

  private final boolean venues;
  private final int resolution;
  private final VenueIndex index;
  private final Map<Long, String[]> parentIds;
  private final Map<String, FlowLocation> locations;
  private transient H3Core h3;

  private FlowZones(
      boolean venues,
      int resolution,
      VenueIndex index,
      Map<Long, String[]> parentIds,
      Map<String, FlowLocation> locations) {
    this.venues = venues;
    this.resolution = resolution;
    this.index = index;
    this.parentIds = parentIds;
    this.locations = locations;
  }

  /** The zones the settings ask for, over the venues' zones. */
  public static FlowZones of(FlowSettings settings, List<VenueZone> zones) {
    return settings.venueZones()
        ? ofVenues(zones)
        : ofH3Parents(settings.zoneResolution(), zones, newH3());
  }

  /** Each venue's zone is a flow zone, located at the centroid of its buffered outline. */
  public static FlowZones ofVenues(List<VenueZone> zones) {
    Map<String, FlowLocation> locations = new LinkedHashMap<>();
    for (VenueZone z : zones) {
      Point c = z.zone().getCentroid();
      locations.put(
          z.venue().id(), new FlowLocation(z.venue().id(), z.venue().name(), c.getY(), c.getX()));
    }
    return new FlowZones(
        true, -1, VenueIndex.of(zones), Map.of(), Collections.unmodifiableMap(locations));
  }

  /**
   * Each H3 parent cell at {@code resolution} of the venues' cells is a flow zone, located at the
   * parent's centre and named by its hex id and the venues it touches.
   *
   * @throws IllegalArgumentException if the resolution is finer than the venues' cells
   */
  public static FlowZones ofH3Parents(int resolution, List<VenueZone> zones, H3Core h3) {
    VenueIndex index = VenueIndex.of(zones);
    if (resolution < 0 || resolution > index.resolution()) {
      throw new IllegalArgumentException(
          "flows.resolution is "
              + resolution
              + "; accepted: an H3 resolution from 0 to the plan's h3_resolution ("
              + index.resolution()
              + ")");
    }
    Map<Long, TreeSet<String>> venuesByParent = new TreeMap<>();
    for (String venue : index.venueIds()) {
      for (long cell : index.cellsOf(venue)) {
        venuesByParent
            .computeIfAbsent(h3.cellToParent(cell, resolution), p -> new TreeSet<>())
            .add(venue);
      }
    }
    Map<Long, String[]> ids = new HashMap<>();
    Map<String, FlowLocation> locations = new LinkedHashMap<>();
    for (Map.Entry<Long, TreeSet<String>> e : venuesByParent.entrySet()) {
      String id = h3.h3ToString(e.getKey());
      LatLng c = h3.cellToLatLng(e.getKey());
      ids.put(e.getKey(), new String[] {id});
      locations.put(
          id,
          new FlowLocation(id, id + " (" + String.join(", ", e.getValue()) + ")", c.lat, c.lng));
    }
    FlowZones zonesOut =
        new FlowZones(
            false, resolution, index, Map.copyOf(ids), Collections.unmodifiableMap(locations));
    zonesOut.h3 = h3;
    return zonesOut;
  }

  /** Whether the zones are venue zones (else H3 parent cells). */
  public boolean venueZones() {
    return venues;
  }

  /**
   * The zones holding a cell: venue ids in the order the venues were given, or the one H3 parent
   * (hex); empty when a venue cell is in no zone. Do not modify the returned array.
   */
  public String[] zonesOf(long cell) {
    if (venues) return index.venuesOf(cell);
    long parent = h3().cellToParent(cell, resolution);
    String[] known = parentIds.get(parent);
    return known != null ? known : new String[] {h3().h3ToString(parent)};
  }

  /** The flow edges of a move (see the class documentation); empty within one zone. */
  public List<FlowEdge> edges(Move move) {
    String[] from = zonesOf(move.originCell());
    String[] to = zonesOf(move.destinationCell());
    if (from.length == 0 || to.length == 0 || from == to) return List.of();
    List<FlowEdge> edges = new ArrayList<>(1);
    for (String o : from) {
      boolean stays = contains(to, o);
      for (String d : to) {
        if (!o.equals(d) && (!stays || !contains(from, d))) edges.add(new FlowEdge(o, d));
      }
    }
    return edges;
  }

  /** The zone crossings of a move: out of the zones it left, into those it entered. */
  public List<ZoneCrossing> crossings(Move move) {
    String[] from = zonesOf(move.originCell());
    String[] to = zonesOf(move.destinationCell());
    if (from == to) return List.of();
    List<ZoneCrossing> crossings = new ArrayList<>(2);
    for (String o : from) {
      if (!contains(to, o)) crossings.add(new ZoneCrossing(o, ZoneCrossing.Direction.OUT));
    }
    for (String d : to) {
      if (!contains(from, d)) crossings.add(new ZoneCrossing(d, ZoneCrossing.Direction.IN));
    }
    return crossings;
  }

  /**
   * Where a zone is drawn.
   *
   * @throws IllegalArgumentException for a venue id not in the zones or a text that is no H3 cell
   */
  public FlowLocation location(String zone) {
    FlowLocation known = locations.get(zone);
    if (known != null) return known;
    if (!venues && h3().isValidCell(zone)) {
      LatLng c = h3().cellToLatLng(zone);
      return new FlowLocation(zone, zone, c.lat, c.lng);
    }
    throw new IllegalArgumentException(
        "zone " + zone + " is not a flow zone; known: " + String.join(", ", locations.keySet()));
  }

  /** Every zone of the venues, in the order the venues were given or by parent cell. */
  public Collection<FlowLocation> locations() {
    return locations.values();
  }

  /** For logs, e.g. {@code venue zones (6)} or {@code H3 parent cells at resolution 7 (4)}. */
  public String describe() {
    return (venues ? "venue zones" : "H3 parent cells at resolution " + resolution)
        + " ("
        + locations.size()
        + ")";
  }

  private static boolean contains(String[] zones, String zone) {
    for (String z : zones) {
      if (z.equals(zone)) return true;
    }
    return false;
  }

  private H3Core h3() {
    if (h3 == null) h3 = newH3();
    return h3;
  }

  private static H3Core newH3() {
    try {
      return H3Core.newInstance();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot load the H3 native library", e);
    }
  }
}
