package org.crowdhex.baseline;

import java.io.Serializable;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * What a {@link Baseline} was learned with and from: the header of its file.
 *
 * @param formatVersion the file format version, {@link Baseline#FORMAT_VERSION}
 * @param h3Resolution the resolution of its cells
 * @param windowSizeMillis the window size the counts were made with, ms
 * @param windowSlideMillis the window slide, ms
 * @param timeZone the zone whose wall clock defines the hour of the week
 * @param history the span of history replayed
 * @param windows windows learned from: wholly inside the history and overlapping no excluded
 *     interval
 * @param windowsPerHourOfWeek how many of those fall in each of the 168 slots; 0 for a slot means
 *     its expectations come from the whole history instead (see {@link BaselineLearner})
 * @param excluded the past events and incidents left out
 * @param shrinkage the shrinkage and floor used
 * @param volumeSource {@code "stream"} when the expected volume is the stream's total posts per
 *     window; {@code "cells"} when it is the sum of the cells' expected authors
 * @param createdAt when the baseline was learned
 * @param createdBy what learned it, free text (a tool and version, a plan name)
 */
public record BaselineInfo(
    int formatVersion,
    int h3Resolution,
    long windowSizeMillis,
    long windowSlideMillis,
    ZoneId timeZone,
    Interval history,
    int windows,
    List<Integer> windowsPerHourOfWeek,
    List<Interval> excluded,
    Shrinkage shrinkage,
    String volumeSource,
    Instant createdAt,
    String createdBy)
    implements Serializable {
  private static final long serialVersionUID = 1L;

  public static final String VOLUME_FROM_STREAM = "stream";
  public static final String VOLUME_FROM_CELLS = "cells";

  public BaselineInfo {
    Objects.requireNonNull(timeZone, "timeZone");
    Objects.requireNonNull(history, "history");
    Objects.requireNonNull(shrinkage, "shrinkage");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(createdBy, "createdBy");
    windowsPerHourOfWeek = List.copyOf(windowsPerHourOfWeek);
    excluded = List.copyOf(excluded);
    if (windowsPerHourOfWeek.size() != HourOfWeek.SLOTS) {
      throw new IllegalArgumentException(
          "windows_per_hour_of_week has "
              + windowsPerHourOfWeek.size()
              + " numbers; accepted: exactly 168, one per hour of the week");
    }
    if (!volumeSource.equals(VOLUME_FROM_STREAM) && !volumeSource.equals(VOLUME_FROM_CELLS)) {
      throw new IllegalArgumentException(
          "volume.source is \"" + volumeSource + "\"; accepted: \"stream\" or \"cells\"");
    }
  }
}
