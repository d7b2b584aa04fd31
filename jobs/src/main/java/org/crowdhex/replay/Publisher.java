package org.crowdhex.replay;

import java.io.IOException;

/** Where a replay sends its records, e.g. a Kafka topic. */
public interface Publisher extends AutoCloseable {

  /**
   * Sends one record; may return before it is stored.
   *
   * @param key the record key, or null
   * @param value the line as recorded
   * @throws IOException when an earlier record could not be sent, or this one cannot
   */
  void publish(String key, String value) throws IOException;

  /** Waits until every record sent is stored, then releases the target. */
  @Override
  void close() throws IOException;
}
