package org.crowdhex.job.kafka;

import java.nio.charset.StandardCharsets;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.flink.util.function.SerializableFunction;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.crowdhex.output.RecordFormat;

/**
 * Writes each record as one Kafka record: the value is the record's JSON line (the same text as in
 * the file outputs), the key its cell or venue id so that all windows of one key land in one
 * partition, in order. The Kafka timestamp is left to the producer (the time of writing): a replay
 * of an old event stamped with its event time would be deleted by the topic's retention at once.
 */
final class JsonRecords<T> implements KafkaRecordSerializationSchema<T> {
  private final String topic;
  private final RecordFormat<T> format;
  private final SerializableFunction<T, String> key;

  /**
   * @param key the record's key, or null for records without a key
   */
  JsonRecords(String topic, RecordFormat<T> format, SerializableFunction<T, String> key) {
    this.topic = topic;
    this.format = format;
    this.key = key;
  }

  @Override
  public ProducerRecord<byte[], byte[]> serialize(
      T record, KafkaSinkContext context, Long timestamp) {
    String k = key == null ? null : key.apply(record);
    return new ProducerRecord<>(
        topic,
        null,
        null,
        k == null ? null : k.getBytes(StandardCharsets.UTF_8),
        format.encode(record).getBytes(StandardCharsets.UTF_8));
  }
}
