package org.crowdhex.venue;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Finds, for the <a href="https://h3geo.org/docs/core-library/h3Indexing">H3 cell</a> of a post,
 * the venues whose zone covers it. It is built once from the venue zones and shipped to every task
 * of the job, so it is {@link Serializable}, and a lookup is one binary search over a sorted {@code
 * long[]} that allocates nothing.
 *
 * <p>Thread-safety: immutable once built, so one instance may be read by any number of threads. The
 * arrays returned by {@link #venuesOf(long)} are shared between calls and cells; callers must not
 * modify them.
 */
public final class VenueIndex implements Serializable {
  private static final long serialVersionUID = 1L;

  private static final String[] NO_VENUES = new String[0];

  private final int resolution;

  /** Every covered cell, ascending, distinct. */
  private final long[] cells;

  /**
   * The venue ids per covered cell, parallel to {@link #cells}; cells with the same set of venues
   * share one array, which keeps the index small when thousands of cells belong to one venue.
   */
  private final String[][] venuesByCell;

  private final List<String> venueIds;
  private final Map<String, long[]> cellsByVenue;
  private final Map<String, Double> coverAreaKm2ByVenue;

  private VenueIndex(
      int resolution,
      long[] cells,
      String[][] venuesByCell,
      List<String> venueIds,
      Map<String, long[]> cellsByVenue,
      Map<String, Double> coverAreaKm2ByVenue) {
    this.resolution = resolution;
    this.cells = cells;
    this.venuesByCell = venuesByCell;
    this.venueIds = venueIds;
    this.cellsByVenue = cellsByVenue;
    this.coverAreaKm2ByVenue = coverAreaKm2ByVenue;
  }

  /**
   * Indexes venue zones, which must all be at one H3 resolution and have distinct venue ids.
   *
   * @throws IllegalArgumentException if the list is empty, resolutions differ or ids repeat
   */
  public static VenueIndex of(List<VenueZone> zones) {
    if (zones.isEmpty()) {
      throw new IllegalArgumentException("a venue index needs at least one venue zone");
    }
    int resolution = zones.get(0).resolution();
    Map<String, long[]> cellsByVenue = new LinkedHashMap<>();
    Map<String, Double> areaByVenue = new HashMap<>();
    TreeMap<Long, List<String>> venuesByCell = new TreeMap<>();
    for (VenueZone zone : zones) {
      String id = zone.venue().id();
      if (zone.resolution() != resolution) {
        throw new IllegalArgumentException(
            "venue "
                + id
                + " is covered at H3 resolution "
                + zone.resolution()
                + ", but venue "
                + zones.get(0).venue().id()
                + " at "
                + resolution
                + "; one index needs one resolution");
      }
      long[] zoneCells = zone.cells();
      if (cellsByVenue.put(id, zoneCells) != null) {
        throw new IllegalArgumentException("venue id " + id + " appears twice in the zones");
      }
      areaByVenue.put(id, zone.coverAreaKm2());
      for (long cell : zoneCells) {
        venuesByCell.computeIfAbsent(cell, c -> new ArrayList<>(1)).add(id);
      }
    }

    long[] cells = new long[venuesByCell.size()];
    String[][] venues = new String[cells.length][];
    Map<List<String>, String[]> shared = new HashMap<>();
    int i = 0;
    for (Map.Entry<Long, List<String>> entry : venuesByCell.entrySet()) {
      cells[i] = entry.getKey();
      venues[i] = shared.computeIfAbsent(entry.getValue(), ids -> ids.toArray(String[]::new));
      i++;
    }
    return new VenueIndex(
        resolution,
        cells,
        venues,
        List.copyOf(cellsByVenue.keySet()),
        Map.copyOf(cellsByVenue),
        Map.copyOf(areaByVenue));
  }

  /**
   * The ids of the venues whose cover holds the cell, in the order the zones were given; a shared
   * empty array when none. Do not modify the returned array.
   */
  public String[] venuesOf(long cell) {
    int i = Arrays.binarySearch(cells, cell);
    return i >= 0 ? venuesByCell[i] : NO_VENUES;
  }

  /** Whether any venue's cover holds the cell. */
  public boolean covers(long cell) {
    return Arrays.binarySearch(cells, cell) >= 0;
  }

  /** The H3 resolution of every cell in the index; posts must be mapped to cells at it. */
  public int resolution() {
    return resolution;
  }

  /** How many distinct cells are covered by at least one venue. */
  public int cellCount() {
    return cells.length;
  }

  /** The indexed venue ids, in the order the zones were given. */
  public List<String> venueIds() {
    return venueIds;
  }

  /**
   * The cells covering a venue, sorted ascending; a copy.
   *
   * @throws IllegalArgumentException if the venue is not in the index
   */
  public long[] cellsOf(String venueId) {
    return known(cellsByVenue.get(venueId), venueId).clone();
  }

  /**
   * The area of a venue's cover, in km² (the summed H3 cell areas).
   *
   * @throws IllegalArgumentException if the venue is not in the index
   */
  public double areaKm2(String venueId) {
    return known(coverAreaKm2ByVenue.get(venueId), venueId);
  }

  private <T> T known(T value, String venueId) {
    if (value == null) {
      throw new IllegalArgumentException(
          "venue " + venueId + " is not in the index; known: " + String.join(", ", venueIds));
    }
    return value;
  }

  @Override
  public String toString() {
    return "VenueIndex[venues=" + venueIds.size() + ", cells=" + cells.length + "]";
  }
}
