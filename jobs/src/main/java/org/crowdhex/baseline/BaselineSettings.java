package org.crowdhex.baseline;

import java.io.Serializable;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * What a baseline is learned with: the plan's grid and windows, the history replayed, the windows
 * to leave out and the shrinkage.
 *
 * @param h3Resolution the plan's {@code h3_resolution}; every observed cell must have it
 * @param windowSizeMillis the plan's {@code window.size}, ms
 * @param windowSlideMillis the plan's {@code window.slide}, ms; divides the size
 * @param timeZone the plan's {@code time_zone}, whose wall clock defines the hour of the week
 * @param history the span of the history replayed; only windows wholly inside it are learned from,
 *     since the first and last windows of a replay see only part of their posts
 * @param excluded past events and incidents; every window overlapping one is left out, so the
 *     baseline describes ordinary days
 * @param shrinkage how sparse cells borrow from their parent, and the floor
 */
public record BaselineSettings(
    int h3Resolution,
    long windowSizeMillis,
    long windowSlideMillis,
    ZoneId timeZone,
    Interval history,
    List<Interval> excluded,
    Shrinkage shrinkage)
    implements Serializable {
  private static final long serialVersionUID = 1L;

  public BaselineSettings {
    Objects.requireNonNull(timeZone, "timeZone");
    Objects.requireNonNull(history, "history");
    Objects.requireNonNull(shrinkage, "shrinkage");
    excluded = List.copyOf(excluded);
    if (h3Resolution < 1 || h3Resolution > 15) {
      throw new IllegalArgumentException(
          "h3_resolution is " + h3Resolution + "; accepted: a whole number from 1 to 15");
    }
    if (h3Resolution - shrinkage.parentLevels() < 0) {
      throw new IllegalArgumentException(
          "shrinkage.parent_levels is "
              + shrinkage.parentLevels()
              + "; accepted: at most the h3_resolution ("
              + h3Resolution
              + "), since no cell is coarser than resolution 0");
    }
    if (windowSlideMillis <= 0) {
      throw new IllegalArgumentException(
          "window.slide is " + windowSlideMillis + " ms; accepted: a duration greater than 0");
    }
    if (windowSizeMillis < windowSlideMillis || windowSizeMillis % windowSlideMillis != 0) {
      throw new IllegalArgumentException(
          "window.size is "
              + windowSizeMillis
              + " ms; accepted: a whole multiple of window.slide ("
              + windowSlideMillis
              + " ms)");
    }
    if (history.endMillis() - history.startMillis() < windowSizeMillis) {
      throw new IllegalArgumentException(
          "history is "
              + history
              + "; accepted: a span at least one window ("
              + windowSizeMillis
              + " ms) long");
    }
  }

  /** Settings with no excluded windows and the {@link Shrinkage#DEFAULT default} shrinkage. */
  public static BaselineSettings of(
      int h3Resolution,
      long windowSizeMillis,
      long windowSlideMillis,
      ZoneId timeZone,
      Interval history) {
    return new BaselineSettings(
        h3Resolution,
        windowSizeMillis,
        windowSlideMillis,
        timeZone,
        history,
        List.of(),
        Shrinkage.DEFAULT);
  }

  public BaselineSettings withExcluded(List<Interval> excludedIntervals) {
    return new BaselineSettings(
        h3Resolution,
        windowSizeMillis,
        windowSlideMillis,
        timeZone,
        history,
        excludedIntervals,
        shrinkage);
  }

  public BaselineSettings withShrinkage(Shrinkage newShrinkage) {
    return new BaselineSettings(
        h3Resolution,
        windowSizeMillis,
        windowSlideMillis,
        timeZone,
        history,
        excluded,
        newShrinkage);
  }

  /** The resolution of the parents sparse cells borrow from. */
  public int parentResolution() {
    return h3Resolution - shrinkage.parentLevels();
  }
}
