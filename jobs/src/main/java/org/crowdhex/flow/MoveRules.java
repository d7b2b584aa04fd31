package org.crowdhex.flow;

import com.uber.h3core.H3Core;
import com.uber.h3core.util.LatLng;
import java.util.Objects;
import org.crowdhex.geo.Geodesic;

/**
 * When two consecutive posts of one author make a move. With Δt the time between them:
 *
 * <ol>
 *   <li>the later post must not be older than the earlier ({@link MoveVerdict#OUT_OF_ORDER});
 *   <li>{@code min_gap ≤ Δt} ({@link MoveVerdict#TOO_SOON}), 60 s by default;
 *   <li>{@code Δt ≤ max_gap} ({@link MoveVerdict#TOO_LATE}), 2 h by default;
 *   <li>the destination cell is neither the origin cell nor one of its neighbours, its {@code
 *       gridDisk(origin, 1)} ({@link MoveVerdict#TOO_NEAR}): GPS jitter across a cell edge is not a
 *       move;
 *   <li>the speed between the two cell centres (geodesic distance on WGS 84 over Δt) is at most
 *       {@code max_speed_kmh} ({@link MoveVerdict#TOO_FAST}), 150 km/h by default.
 * </ol>
 *
 * The first rule broken is the verdict. One per task: it holds the thread-safe H3 facade.
 */
public final class MoveRules {
  private final FlowSettings settings;
  private final H3Core h3;
  private final long minGap;
  private final long maxGap;

  public MoveRules(FlowSettings settings, H3Core h3) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.h3 = Objects.requireNonNull(h3, "h3");
    this.minGap = settings.minGap().toMillis();
    this.maxGap = settings.maxGap().toMillis();
  }

  public FlowSettings settings() {
    return settings;
  }

  /** Judges the later sighting against the earlier one of the same author. */
  public MoveVerdict judge(Sighting from, Sighting to) {
    long dt = to.timeMillis() - from.timeMillis();
    if (dt < 0) return MoveVerdict.OUT_OF_ORDER;
    if (dt < minGap) return MoveVerdict.TOO_SOON;
    if (dt > maxGap) return MoveVerdict.TOO_LATE;
    if (adjacent(from.cell(), to.cell())) return MoveVerdict.TOO_NEAR;
    if (distanceMetres(from.cell(), to.cell()) > settings.maxMetresPerMilli() * dt) {
      return MoveVerdict.TOO_FAST;
    }
    return MoveVerdict.MOVE;
  }

  /**
   * Whether {@code b} lies in {@code gridDisk(a, 1)}: the same cell or one of its neighbours. Asked
   * without building the disk, so it allocates nothing.
   */
  public boolean adjacent(long a, long b) {
    return a == b || h3.areNeighborCells(a, b);
  }

  /** The geodesic distance between the centres of two cells, in metres. */
  public double distanceMetres(long a, long b) {
    LatLng p = h3.cellToLatLng(a);
    LatLng q = h3.cellToLatLng(b);
    return Geodesic.WGS84.distance(p.lng, p.lat, q.lng, q.lat);
  }
}
