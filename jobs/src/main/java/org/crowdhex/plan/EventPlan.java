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
    return new EventPlan(
        name,
        timeZone,
        venues,
        h3Resolution,
        window,
        input,
        new OutputSpec(dir, output.geojson()),
        tiles,
        detection,
        schedule,
        privacy,
        flows,
        live,
        parallelism,
        file);
  }

  /** The same plan at another parallelism. */
  public EventPlan withParallelism(int p) {
    return new EventPlan(
        name,
        timeZone,
        venues,
        h3Resolution,
        window,
        input,
        output,
        tiles,
        detection,
        schedule,
        privacy,
        flows,
        live,
        p,
        file);
  }

  /** The same plan with other tile settings. */
  public EventPlan withTiles(TileSpec t) {
    return new EventPlan(
        name,
        timeZone,
        venues,
        h3Resolution,
        window,
        input,
        output,
        t,
        detection,
        schedule,
        privacy,
        flows,
        live,
        parallelism,
        file);
  }

  /** The same plan with other detection settings. */
  public EventPlan withDetection(DetectionSpec d) {
    return new EventPlan(
        name,
        timeZone,
        venues,
        h3Resolution,
        window,
        input,
        output,
        tiles,
        d,
        schedule,
        privacy,
        flows,
        live,
        parallelism,
        file);
  }

  /** The same plan with another schedule. */
  public EventPlan withSchedule(Schedule s) {
    return new EventPlan(
        name,
        timeZone,
        venues,
        h3Resolution,
        window,
        input,
        output,
        tiles,
        detection,
        s,
        privacy,
        flows,
        live,
        parallelism,
        file);
  }

  /** The same plan with other privacy settings. */
  public EventPlan withPrivacy(PrivacySettings p) {
    return new EventPlan(
        name,
        timeZone,
        venues,
        h3Resolution,
        window,
        input,
        output,
        tiles,
        detection,
        schedule,
        p,
        flows,
        live,
        parallelism,
        file);
  }

  /** The same plan with other flow settings. */
  public EventPlan withFlows(FlowSettings f) {
    return new EventPlan(
        name,
        timeZone,
        venues,
        h3Resolution,
        window,
        input,
        output,
        tiles,
        detection,
        schedule,
        privacy,
        f,
        live,
        parallelism,
        file);
  }

  /** The same plan with other live settings (Kafka, checkpoints). */
  public EventPlan withLive(LiveSpec l) {
    return new EventPlan(
        name,
        timeZone,
        venues,
        h3Resolution,
        window,
        input,
        output,
        tiles,
        detection,
        schedule,
        privacy,
        flows,
        l,
        parallelism,
        file);
  }
}
