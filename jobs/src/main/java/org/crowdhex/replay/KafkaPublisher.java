package org.crowdhex.replay;

import java.io.IOException;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes to a Kafka topic: idempotent, acknowledged by all in-sync replicas, so the topic holds
 * each record once and a partition holds them in the order sent. Records are keyed by post id
 * (never by author); keyless records are spread by Kafka. The Kafka timestamp is the time of
 * sending, as in the live stream.
 */
public final class KafkaPublisher implements Publisher {
  private final KafkaProducer<String, String> producer;
  private final String topic;
  private final AtomicReference<Exception> failure = new AtomicReference<>();

  private KafkaPublisher(KafkaProducer<String, String> producer, String topic) {
    this.producer = producer;
    this.topic = topic;
  }

  /**
   * Connects and checks that the topic is there (a broker that creates topics creates it).
   *
   * @throws IllegalArgumentException when the brokers do not answer or the topic is not there
   *     within 30 s, naming the option and the value
   */
  public static KafkaPublisher open(String bootstrapServers, String topic) {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    p.put(ProducerConfig.LINGER_MS_CONFIG, 10);
    p.put(ProducerConfig.BATCH_SIZE_CONFIG, 1 << 16);
    p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 30_000);
    p.put(ProducerConfig.CLIENT_ID_CONFIG, "crowdhex-replay");
    p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    KafkaProducer<String, String> producer = new KafkaProducer<>(p);
    try {
      List<PartitionInfo> partitions = producer.partitionsFor(topic);
      if (partitions == null || partitions.isEmpty()) throw new IllegalStateException("none");
    } catch (RuntimeException e) {
      producer.close();
      throw new IllegalArgumentException(
          "--topic "
              + topic
              + " at --bootstrap "
              + bootstrapServers
              + " is not available ("
              + e.getClass().getSimpleName()
              + (e.getMessage() == null ? "" : ": " + e.getMessage())
              + "); accepted: reachable brokers and an existing topic",
          e);
    }
    return new KafkaPublisher(producer, topic);
  }

  @Override
  public void publish(String key, String value) throws IOException {
    rethrow();
    producer.send(
        new ProducerRecord<>(topic, key, value),
        (meta, e) -> {
          if (e != null) failure.compareAndSet(null, e);
        });
  }

  @Override
  public void close() throws IOException {
    try {
      producer.flush();
    } finally {
      producer.close();
    }
    rethrow();
  }

  private void rethrow() throws IOException {
    Exception e = failure.get();
    if (e != null) throw new IOException("a record could not be written to " + topic, e);
  }
}
