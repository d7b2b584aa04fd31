package org.crowdhex.job;

/**
 * Names of the job's accumulators: what the run summary and the progress line report. Together they
 * account for every line read: {@code read = counted + rejected + outside zones + duplicates + over
 * cap + late}.
 */
public final class RunCounters {
  public static final String LINES_READ = "lines_read";
  public static final String REJECTED = "rejected";
  public static final String OUTSIDE_ZONES = "outside_zones";
  public static final String LATE = "late";
  public static final String DUPLICATES = "duplicates";
  public static final String OVER_CAP = "over_cap";
  public static final String MOVES = "moves";
  public static final String CELLS_ROLLED_UP = "cells_rolled_up";
  public static final String CELLS_SUPPRESSED = "cells_suppressed";
  public static final String FLOW_WINDOWS = "flow_windows";
  public static final String EVENT_TIME = "event_time_max";
  public static final String CELL_WINDOWS = "cell_windows";
  public static final String VENUE_WINDOWS = "venue_windows";
  public static final String TILES = "tiles_written";
  public static final String TILE_WINDOWS = "tile_windows";

  private RunCounters() {}
}
