package org.crowdhex.plan;

import java.nio.file.Path;
import java.time.ZoneId;
import org.crowdhex.flow.FlowSettings;
import org.crowdhex.post.PostSchema;
import org.crowdhex.privacy.PrivacySettings;

/**
 * A planner's description of one event to watch: where (venues), at what grain (H3 resolution,
 * windows), what input looks like, and where outputs go. Read from YAML by {@link PlanReader},
 * which checks every field; an {@code EventPlan} that exists is valid.
 *
 * @param name what the event is called, for logs and outputs
 * @param timeZone the local zone of the event (daily rhythm, schedule, local input times)
 * @param venues the venues file and which venues to watch
 * @param h3Resolution the H3 resolution of cells (9 ≈ 0.1 km² hexagons)
 * @param window the event-time windows
 * @param input how posts are read (format, field mapping, time format, accepted time range)
 * @param output where results are written
 * @param tiles the heatmap tiles written per window
 * @param detection anomaly detection settings
 * @param schedule the event's phases (kick-off, march start...), with the crowds they make expected
 * @param privacy pseudonyms, hygiene and the minimum crowd of published aggregates
 * @param flows how moves between cells are found and aggregated into flows
 * @param live how the plan runs live: Kafka settings and checkpoints
 * @param parallelism the parallelism of the job on the embedded engine
 * @param file the plan file, or null for a plan made in code
 */
public record EventPlan(
    String name,
    ZoneId timeZone,
    VenueSource venues,
    int h3Resolution,
    WindowSpec window,
    PostSchema input,
    OutputSpec output,
    TileSpec tiles,
    DetectionSpec detection,
    Schedule schedule,
    PrivacySettings privacy,
    FlowSettings flows,
    LiveSpec live,
    int parallelism,
    Path file) {

  public static final int MIN_RESOLUTION = 5;
  public static final int MAX_RESOLUTION = 12;

  /** The same plan writing to another folder. */
  public EventPlan withOutputDir(Path dir) {
    return with(c -> c.output = new OutputSpec(dir, output.geojson()));
  }

  /** The same plan at another parallelism. */
  public EventPlan withParallelism(int p) {
    return with(c -> c.parallelism = p);
  }

  /** The same plan reading its input otherwise (format, fields, accepted time range). */
  public EventPlan withInput(PostSchema i) {
    return with(c -> c.input = i);
  }

  /** The same plan with other tile settings. */
  public EventPlan withTiles(TileSpec t) {
    return with(c -> c.tiles = t);
  }

  /** The same plan with other detection settings. */
  public EventPlan withDetection(DetectionSpec d) {
    return with(c -> c.detection = d);
  }

  /** The same plan with another schedule. */
  public EventPlan withSchedule(Schedule s) {
    return with(c -> c.schedule = s);
  }

  /** The same plan with other privacy settings. */
  public EventPlan withPrivacy(PrivacySettings p) {
    return with(c -> c.privacy = p);
  }

  /** The same plan with other flow settings. */
  public EventPlan withFlows(FlowSettings f) {
    return with(c -> c.flows = f);
  }

  /** The same plan with other live settings. */
  public EventPlan withLive(LiveSpec l) {
    return with(c -> c.live = l);
  }

  /** A copy of this plan with the parts that {@code change} sets replaced. */
  private EventPlan with(java.util.function.Consumer<Parts> change) {
    Parts c = new Parts(this);
    change.accept(c);
    return new EventPlan(
        c.name,
        c.timeZone,
        c.venues,
        c.h3Resolution,
        c.window,
        c.input,
        c.output,
        c.tiles,
        c.detection,
        c.schedule,
        c.privacy,
        c.flows,
        c.live,
        c.parallelism,
        c.file);
  }

  /** The parts of a plan, to change one or two of them in a copy. */
  private static final class Parts {
    String name;
    ZoneId timeZone;
    VenueSource venues;
    int h3Resolution;
    WindowSpec window;
    PostSchema input;
    OutputSpec output;
    TileSpec tiles;
    DetectionSpec detection;
    Schedule schedule;
    PrivacySettings privacy;
    FlowSettings flows;
    LiveSpec live;
    int parallelism;
    Path file;

    Parts(EventPlan p) {
      name = p.name;
      timeZone = p.timeZone;
      venues = p.venues;
      h3Resolution = p.h3Resolution;
      window = p.window;
      input = p.input;
      output = p.output;
      tiles = p.tiles;
      detection = p.detection;
      schedule = p.schedule;
      privacy = p.privacy;
      flows = p.flows;
      live = p.live;
      parallelism = p.parallelism;
      file = p.file;
    }
  }
}
