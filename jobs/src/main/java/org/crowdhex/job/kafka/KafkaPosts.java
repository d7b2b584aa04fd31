package org.crowdhex.job.kafka;

import java.time.Duration;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.KafkaSourceBuilder;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.crowdhex.job.EventTimeWatermarks;
import org.crowdhex.plan.EventPlan;
import org.crowdhex.post.PostFormat;
import org.crowdhex.post.SourceLine;

/**
 * The Kafka source of posts: one JSON post per record value, read through the plan's field mapping
 * like a line of a file, with event time and watermarks made per partition.
 *
 * <p><b>Why the watermarks are made here and not after decoding</b> (as for files): one source
 * reader reads several partitions and interleaves their records in fetch batches, each batch easily
 * minutes of event time. A watermark made after decoding follows the newest post of any partition,
 * so a partition fetched a batch later would find its posts late and dropped, and how many depends
 * on fetch timing. Made per partition inside the source (Flink's split-local watermarks), each
 * partition's watermark follows only its own posts and the reader emits the minimum over its
 * partitions; a partition silent for the idle timeout stops holding the others back. The generator
 * is the same data-driven {@link EventTimeWatermarks} the files use, so one partition replayed
 * gives the very windows a file replay gives; the monitor job is then wired with {@code
 * timedAtSource} so that it keeps these watermarks.
 */
public final class KafkaPosts {
  private KafkaPosts() {}

  /**
   * The lines of a live run: the source with per-partition event time, at most one reader per
   * partition (a reader without a partition would hold the watermark back) and at most the plan's
   * parallelism.
   *
   * @throws IllegalArgumentException when the plan's input is not JSON lines, or the cluster, the
   *     input topic or a setting is not as the run needs ({@link KafkaPreflight})
   */
  public static DataStream<SourceLine> lines(
      StreamExecutionEnvironment env, EventPlan plan, KafkaSettings k, KafkaPreflight cluster) {
    requireJsonLines(plan);
    int readers = Math.max(1, Math.min(plan.parallelism(), cluster.partitions()));
    return env.fromSource(source(k), eventTime(plan, k.idleTimeout()), "kafka posts")
        .uid("kafka-posts")
        .setParallelism(readers);
  }

  /** The source alone: each record as a {@link SourceLine} with origin topic/partition/offset. */
  public static KafkaSource<SourceLine> source(KafkaSettings k) {
    KafkaSourceBuilder<SourceLine> b =
        KafkaSource.<SourceLine>builder()
            .setBootstrapServers(k.bootstrapServers())
            .setTopics(k.inputTopic())
            .setGroupId(k.groupId())
            .setClientIdPrefix(k.groupId())
            .setStartingOffsets(startingOffsets(k.startingOffsets()))
            .setDeserializer(new PostLineDeserializer())
            // Posts written in transactions count once they are committed.
            .setProperty("isolation.level", "read_committed");
    if (k.bounded()) b.setBounded(OffsetsInitializer.latest());
    return b.build();
  }

  /**
   * Event time for raw lines: each line's post time (decoded with the plan's input settings), a
   * watermark per partition that trails the newest post time by the plan's out-of-orderness, and
   * idleness after {@code idleTimeout} without records.
   */
  public static WatermarkStrategy<SourceLine> eventTime(EventPlan plan, Duration idleTimeout) {
    Duration outOfOrderness = plan.window().outOfOrderness();
    return WatermarkStrategy.<SourceLine>forGenerator(
            ctx -> new EventTimeWatermarks<>(outOfOrderness))
        .withTimestampAssigner(new PostTimestamps(plan.input()))
        .withIdleness(idleTimeout);
  }

  static OffsetsInitializer startingOffsets(KafkaSettings.StartingOffsets s) {
    return switch (s.kind()) {
      case COMMITTED -> OffsetsInitializer.committedOffsets(s.resetStrategy());
      case EARLIEST -> OffsetsInitializer.earliest();
      case LATEST -> OffsetsInitializer.latest();
      case TIMESTAMP -> OffsetsInitializer.timestamp(s.at().toEpochMilli());
    };
  }

  private static void requireJsonLines(EventPlan plan) {
    if (plan.input().format() != PostFormat.JSONL) {
      throw new IllegalArgumentException(
          "input.format is "
              + plan.input().format().name().toLowerCase(java.util.Locale.ROOT)
              + "; accepted with Kafka: jsonl (one JSON post per record, read through"
              + " input.fields)");
    }
  }
}
