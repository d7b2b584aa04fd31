package org.crowdhex.plan;

import java.io.Serializable;
import java.time.Duration;

/**
 * Event-time windows of a plan.
 *
 * @param size how long a window is
 * @param slide how often a window starts; size is a whole multiple of it
 * @param outOfOrderness how far behind the newest post a post may arrive and still be on time (the
 *     watermark lags the newest event time by this much)
 * @param allowedLateness how long after its end a window still takes late posts, each one
 *     re-publishing the window as a new revision; later posts go to the late output
 */
public record WindowSpec(
    Duration size, Duration slide, Duration outOfOrderness, Duration allowedLateness)
    implements Serializable {

  public static final WindowSpec DEFAULT =
      new WindowSpec(
          Duration.ofMinutes(15),
          Duration.ofMinutes(5),
          Duration.ofMinutes(1),
          Duration.ofMinutes(5));
}
