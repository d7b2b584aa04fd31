package org.crowdhex.job.kafka;

import java.nio.charset.StandardCharsets;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.crowdhex.post.SourceLine;

/**
 * Turns each Kafka record into the {@link SourceLine} the file source would give for one line: the
 * record value as text, and {@code topic/partition/offset} as its origin, so a reject says where it
 * came from and a post without id or author gets a unique stand-in. Undecodable bytes become U+FFFD
 * (the line is then rejected on its own); a record without a value (a tombstone) becomes an empty
 * line and so a reject, never a silent loss. The key is not read: posts are found by their value.
 */
final class PostLineDeserializer implements KafkaRecordDeserializationSchema<SourceLine> {

  @Override
  public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<SourceLine> out) {
    byte[] value = record.value();
    String text = value == null ? "" : new String(value, StandardCharsets.UTF_8);
    out.collect(
        new SourceLine(origin(record.topic(), record.partition(), record.offset()), text, null));
  }

  /** The origin of a record, e.g. {@code crowdhex.posts/3/1207}. */
  static String origin(String topic, int partition, long offset) {
    return topic + "/" + partition + "/" + offset;
  }

  @Override
  public TypeInformation<SourceLine> getProducedType() {
    return TypeInformation.of(SourceLine.class);
  }
}
