package org.crowdhex.job.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

/**
 * A real Kafka broker (KRaft, one combined broker and controller) inside the test JVM, on loopback,
 * with the replication settings a one-broker cluster needs for transactions.
 */
public final class TestBroker implements AutoCloseable {
  private final KafkaClusterTestKit cluster;

  private TestBroker(KafkaClusterTestKit cluster) {
    this.cluster = cluster;
  }

  /** Starts a broker (a few seconds). */
  public static TestBroker start() throws Exception {
    KafkaClusterTestKit cluster =
        new KafkaClusterTestKit.Builder(
                new TestKitNodes.Builder()
                    .setCombined(true)
                    .setNumBrokerNodes(1)
                    .setNumControllerNodes(1)
                    .build())
            .setConfigProp("offsets.topic.replication.factor", "1")
            .setConfigProp("offsets.topic.num.partitions", "2")
            .setConfigProp("transaction.state.log.replication.factor", "1")
            .setConfigProp("transaction.state.log.min.isr", "1")
            .setConfigProp("transaction.state.log.num.partitions", "2")
            .setConfigProp("group.initial.rebalance.delay.ms", "0")
            .build();
    try {
      cluster.format();
      cluster.startup();
      cluster.waitForReadyBrokers();
    } catch (Exception e) {
      cluster.close();
      throw e;
    }
    return new TestBroker(cluster);
  }

  public String bootstrapServers() {
    return cluster.bootstrapServers();
  }

  /** Creates topics with the given number of partitions each. */
  public void createTopics(int partitions, String... names) throws Exception {
    Properties p = new Properties();
    p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
    try (Admin admin = Admin.create(p)) {
      List<NewTopic> topics = new ArrayList<>();
      for (String n : names) topics.add(new NewTopic(n, partitions, (short) 1));
      admin.createTopics(topics).all().get();
    }
  }

  /**
   * Every record a topic holds, partition by partition in offset order, as a consumer reading with
   * {@code isolation.level=read_committed} sees them (records of open or aborted transactions left
   * out).
   */
  public List<ConsumerRecord<String, String>> readCommitted(String topic) {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    List<ConsumerRecord<String, String>> out = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p)) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic).stream()
              .map(i -> new TopicPartition(topic, i.partition()))
              .sorted(java.util.Comparator.comparingInt(TopicPartition::partition))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
        if (System.nanoTime() > deadline) {
          throw new AssertionError("could not read " + topic + " to its end within 60 s");
        }
        consumer.poll(Duration.ofMillis(200)).forEach(out::add);
      }
    }
    List<ConsumerRecord<String, String>> ordered = new ArrayList<>(out);
    ordered.sort(
        java.util.Comparator.comparingInt((ConsumerRecord<String, String> r) -> r.partition())
            .thenComparingLong(ConsumerRecord::offset));
    return ordered;
  }

  @Override
  public void close() throws Exception {
    cluster.close();
  }
}
