package org.crowdhex.job;

/**
 * Names of the job's accumulators: what the run summary and the progress line report. Together they
 * account for every line read: {@code read = counted + rejected + outside zones + late}.
 */
public final class RunCounters {
  public static final String LINES_READ = "lines_read";
  public static final String REJECTED = "rejected";
  public static final String OUTSIDE_ZONES = "outside_zones";
  public static final String LATE = "late";
  public static final String EVENT_TIME = "event_time_max";
  public static final String CELL_WINDOWS = "cell_windows";
  public static final String VENUE_WINDOWS = "venue_windows";
  public static final String TILES = "tiles_written";
  public static final String TILE_WINDOWS = "tile_windows";

  private RunCounters() {}
}
