package org.crowdhex.job.kafka;

import org.apache.flink.api.common.eventtime.SerializableTimestampAssigner;
import org.apache.flink.api.common.eventtime.TimestampAssigner;
import org.crowdhex.post.PostDecoder;
import org.crowdhex.post.PostRejected;
import org.crowdhex.post.PostSchema;
import org.crowdhex.post.SourceLine;

/**
 * The event time of a raw line, read at the source so that watermarks can be made per Kafka
 * partition: the line is decoded with the plan's field mapping and time format, exactly as the
 * decode stage will decode it, so a post's timestamp is its {@code timeMillis}. A line that is not
 * a valid post gets no timestamp ({@link TimestampAssigner#NO_TIMESTAMP}): it goes to the rejects,
 * never to a window, and does not move the watermark. Costs one more parse per post (well under a
 * microsecond for a JSON post).
 */
final class PostTimestamps implements SerializableTimestampAssigner<SourceLine> {
  private final PostSchema schema;
  private transient PostDecoder decoder;

  PostTimestamps(PostSchema schema) {
    this.schema = schema;
  }

  @Override
  public long extractTimestamp(SourceLine line, long recordTimestamp) {
    if (decoder == null) decoder = PostDecoder.jsonLines(schema);
    try {
      return decoder.decode(line.origin(), line.text()).timeMillis();
    } catch (PostRejected e) {
      return TimestampAssigner.NO_TIMESTAMP;
    }
  }
}
