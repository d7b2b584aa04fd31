package org.crowdhex.job.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.config.ConfigResource;

/**
 * What a live run checks with the Kafka cluster while the job is wired, so that a wrong topic or
 * timeout is a sentence at submission rather than a failing job: the input topic exists (and how
 * many partitions it has, which bounds the useful number of readers), the output topics exist or
 * the broker creates topics, and the sinks' transaction timeout is within the broker's maximum.
 *
 * @param partitions partitions of the input topic
 * @param maxTransactionTimeout the broker's {@code transaction.max.timeout.ms}
 */
public record KafkaPreflight(int partitions, Duration maxTransactionTimeout) {
  private static final Duration WAIT = Duration.ofSeconds(30);

  /**
   * Asks the cluster.
   *
   * @param outputTopics the output topics the run will write
   * @throws IllegalArgumentException when the cluster cannot be reached, a topic is missing, or the
   *     transaction timeout is above the broker's maximum; the message names the setting
   */
  public static KafkaPreflight check(KafkaSettings k, Collection<String> outputTopics) {
    Properties p = new Properties();
    p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, k.bootstrapServers());
    p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) WAIT.toMillis());
    p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) WAIT.toMillis() / 2);
    p.put(AdminClientConfig.CLIENT_ID_CONFIG, k.groupId() + "-preflight");
    try (Admin admin = Admin.create(p)) {
      Set<String> topics = get(admin.listTopics().names(), k);
      if (!topics.contains(k.inputTopic())) {
        throw new IllegalArgumentException(
            "kafka.input_topic is \""
                + k.inputTopic()
                + "\", which does not exist at "
                + k.bootstrapServers()
                + "; accepted: an existing topic of posts (create it with as many partitions as"
                + " the job should have readers)");
      }
      TopicDescription input =
          get(admin.describeTopics(List.of(k.inputTopic())).allTopicNames(), k).get(k.inputTopic());
      Collection<Node> nodes = get(admin.describeCluster().nodes(), k);
      ConfigResource broker =
          new ConfigResource(
              ConfigResource.Type.BROKER, String.valueOf(nodes.iterator().next().id()));
      Map<ConfigResource, Config> configs = get(admin.describeConfigs(List.of(broker)).all(), k);
      Config config = configs.get(broker);
      Duration maxTx =
          Duration.ofMillis(
              longValue(
                  config,
                  "transaction.max.timeout.ms",
                  KafkaSettings.BROKER_DEFAULT_MAX_TRANSACTION_TIMEOUT.toMillis()));
      boolean autoCreate =
          !"false".equalsIgnoreCase(value(config, "auto.create.topics.enable", "true"));
      List<String> missing = new ArrayList<>();
      for (String t : outputTopics) {
        if (!topics.contains(t)) missing.add(t);
      }
      if (!autoCreate && !missing.isEmpty()) {
        throw new IllegalArgumentException(
            "kafka output topics "
                + String.join(", ", missing)
                + " do not exist at "
                + k.bootstrapServers()
                + " and the broker does not create topics (auto.create.topics.enable=false);"
                + " accepted: existing topics");
      }
      if (k.delivery() == KafkaSettings.Delivery.EXACTLY_ONCE
          && k.transactionTimeout().compareTo(maxTx) > 0) {
        throw new IllegalArgumentException(
            "kafka.transaction_timeout is "
                + org.crowdhex.plan.Durations.format(k.transactionTimeout())
                + "; accepted: at most the broker's transaction.max.timeout.ms, "
                + org.crowdhex.plan.Durations.format(maxTx));
      }
      return new KafkaPreflight(input.partitions().size(), maxTx);
    }
  }

  private static <T> T get(org.apache.kafka.common.KafkaFuture<T> f, KafkaSettings k) {
    try {
      return f.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException | ExecutionException e) {
      Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
      throw new IllegalArgumentException(
          "kafka.bootstrap_servers is \""
              + k.bootstrapServers()
              + "\", which did not answer within "
              + WAIT.toSeconds()
              + " s ("
              + cause.getClass().getSimpleName()
              + (cause.getMessage() == null ? "" : ": " + cause.getMessage())
              + "); accepted: reachable Kafka brokers",
          cause);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while asking Kafka", e);
    }
  }

  private static String value(Config c, String name, String dflt) {
    ConfigEntry e = c == null ? null : c.get(name);
    return e == null || e.value() == null ? dflt : e.value();
  }

  private static long longValue(Config c, String name, long dflt) {
    try {
      return Long.parseLong(value(c, name, Long.toString(dflt)));
    } catch (NumberFormatException e) {
      return dflt;
    }
  }
}
