package org.crowdhex.job.kafka;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.function.SerializableFunction;
import org.crowdhex.alert.AlertRecord;
import org.crowdhex.density.CellWindow;
import org.crowdhex.density.VenueWindow;
import org.crowdhex.disclosure.MinimumCrowd;
import org.crowdhex.flow.FlowWindow;
import org.crowdhex.flow.ZoneFlowWindow;
import org.crowdhex.job.MonitorJob;
import org.crowdhex.job.PublicAlerts;
import org.crowdhex.output.AlertFormats;
import org.crowdhex.output.AuditFormats;
import org.crowdhex.output.DensityFormats;
import org.crowdhex.output.FlowFormats;
import org.crowdhex.output.RecordFormat;
import org.crowdhex.plan.Durations;
import org.crowdhex.plan.EventPlan;
import org.crowdhex.venue.VenueIndex;
import org.crowdhex.venue.VenueZone;

/**
 * The Kafka sinks of a live run. Each output topic gets the JSON lines of the matching file output,
 * one record per Kafka record, keyed by cell (density), venue (venue totals, alerts), origin and
 * destination (flows) or zone (zone in- and outflows); rejects go to the dead-letter topic with
 * their reason. With {@link KafkaSettings.Delivery#EXACTLY_ONCE} each sink writes in Kafka
 * transactions that commit when a checkpoint completes, so consumers reading with {@code
 * isolation.level=read_committed} see every record once, restarts included; the records of a window
 * therefore appear one checkpoint interval after the window closes.
 */
public final class KafkaOutputs {
  /** The checkpoint interval of a live run whose environment sets none. */
  public static final Duration CHECKPOINT_INTERVAL = Duration.ofSeconds(30);

  private KafkaOutputs() {}

  /** The output topics a run of this plan writes to (alerts only when the plan detects). */
  public static List<String> topics(EventPlan plan, KafkaSettings k) {
    List<String> topics =
        new ArrayList<>(List.of(k.densityTopic(), k.venuesTopic(), k.flowsTopic(), k.zonesTopic()));
    if (plan.detection().enabled()) topics.add(k.alertsTopic());
    topics.add(k.rejectsTopic());
    return topics;
  }

  /**
   * Sends the streams of a monitor run to Kafka: cells to the density topic, venue totals to the
   * venues topic, flows (keyed by origin and destination zone) to the flows topic, each zone's
   * inflow and outflow (keyed by zone) to the zones topic, rejects to the dead-letter topic and,
   * when the plan detects, alerts to the alerts topic. Turns checkpointing on (every {@link
   * #CHECKPOINT_INTERVAL}) when the environment has it off, since the sinks commit with
   * checkpoints.
   *
   * @throws IllegalArgumentException when the transaction timeout is not longer than the checkpoint
   *     interval
   */
  public static void write(
      MonitorJob.Streams s, EventPlan plan, List<VenueZone> zones, KafkaSettings k)
      throws IOException {
    write(
        s,
        plan.detection().enabled()
            ? MonitorJob.detect(s.counts(), plan, VenueIndex.of(zones))
            : null,
        plan,
        k);
  }

  /**
   * Sends the streams of a monitor run to Kafka (see {@link #write(MonitorJob.Streams, EventPlan,
   * List, KafkaSettings)}), with the alerts of a detector the caller has wired.
   *
   * @param detector the detector over the run's counts ({@link MonitorJob#detect}), whose public
   *     alerts go to the alerts topic; null when the plan does not detect
   */
  public static void write(
      MonitorJob.Streams s,
      SingleOutputStreamOperator<AlertRecord> detector,
      EventPlan plan,
      KafkaSettings k) {
    requireCheckpoints(s.cells().getExecutionEnvironment(), k);
    sinkTo(
        s.cells(),
        k,
        k.densityTopic(),
        "density",
        DensityFormats.cellLines(),
        (CellWindow c) -> Long.toHexString(c.cell()));
    sinkTo(
        s.venues(), k, k.venuesTopic(), "venues", DensityFormats.venueLines(), VenueWindow::venue);
    sinkTo(
        s.flows(),
        k,
        k.flowsTopic(),
        "flows",
        FlowFormats.edgeLines(),
        (FlowWindow f) -> f.origin() + ">" + f.destination());
    sinkTo(
        s.zoneFlows(), k, k.zonesTopic(), "zones", FlowFormats.zoneLines(), ZoneFlowWindow::zone);
    sinkTo(s.rejects(), k, k.rejectsTopic(), "rejects", AuditFormats.rejectLines(), null);
    if (detector != null) {
      // Only the public form of the alerts is written, as in the file outputs.
      DataStream<AlertRecord> alerts =
          detector
              .flatMap(new PublicAlerts(new MinimumCrowd(plan.privacy().minCrowd())))
              .name("public alerts")
              .uid("public-alerts");
      sinkTo(alerts, k, k.alertsTopic(), "alerts", AlertFormats.lines(), AlertRecord::venue);
    }
  }

  /**
   * Sends one stream to one topic, e.g. flows to {@link KafkaSettings#flowsTopic()}.
   *
   * @param name a short name, unique within the job: the operator's name and id, and the suffix of
   *     the sink's transactional id prefix (two sinks must never share one)
   * @param key the record's key, or null for records without a key
   */
  public static <T> void sinkTo(
      DataStream<T> stream,
      KafkaSettings k,
      String topic,
      String name,
      RecordFormat<T> format,
      SerializableFunction<T, String> key) {
    stream.sinkTo(sink(k, topic, name, format, key)).name("kafka " + topic).uid("kafka-" + name);
  }

  /** The sink of one output topic (see {@link #sinkTo}). */
  public static <T> KafkaSink<T> sink(
      KafkaSettings k,
      String topic,
      String name,
      RecordFormat<T> format,
      SerializableFunction<T, String> key) {
    return KafkaSink.<T>builder()
        .setBootstrapServers(k.bootstrapServers())
        .setRecordSerializer(new JsonRecords<>(topic, format, key))
        .setDeliveryGuarantee(k.delivery().guarantee())
        .setTransactionalIdPrefix(k.transactionalIdPrefix() + "-" + name)
        .setProperty("transaction.timeout.ms", Long.toString(k.transactionTimeout().toMillis()))
        .build();
  }

  private static void requireCheckpoints(StreamExecutionEnvironment env, KafkaSettings k) {
    if (!env.getCheckpointConfig().isCheckpointingEnabled()) {
      env.enableCheckpointing(CHECKPOINT_INTERVAL.toMillis());
    }
    Duration interval = Duration.ofMillis(env.getCheckpointInterval());
    if (k.delivery() == KafkaSettings.Delivery.EXACTLY_ONCE
        && k.transactionTimeout().compareTo(interval) <= 0) {
      throw new IllegalArgumentException(
          "kafka.transaction_timeout is "
              + Durations.format(k.transactionTimeout())
              + "; accepted: longer than the checkpoint interval ("
              + Durations.format(interval)
              + "), or a transaction would be aborted before its checkpoint commits it");
    }
  }
}
