package org.crowdhex.job;

import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.accumulators.LongMaximum;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.crowdhex.post.Post;
import org.crowdhex.post.PostDecoder;
import org.crowdhex.post.PostFormat;
import org.crowdhex.post.PostRejected;
import org.crowdhex.post.PostSchema;
import org.crowdhex.post.Reject;
import org.crowdhex.post.SourceLine;

/** Decodes and validates lines; a line that fails goes to the rejects output with its reason. */
final class DecodePosts extends ProcessFunction<SourceLine, Post> {
  static final OutputTag<Reject> REJECTS = new OutputTag<>("rejects") {};

  private final PostSchema schema;
  private transient PostDecoder decoder;
  private transient String decoderHeader;
  private transient LongCounter read;
  private transient LongCounter rejected;
  private transient LongMaximum eventTime;

  DecodePosts(PostSchema schema) {
    this.schema = schema;
  }

  @Override
  public void open(OpenContext context) {
    read = getRuntimeContext().getLongCounter(RunCounters.LINES_READ);
    rejected = getRuntimeContext().getLongCounter(RunCounters.REJECTED);
    eventTime = new LongMaximum(Long.MIN_VALUE);
    getRuntimeContext().addAccumulator(RunCounters.EVENT_TIME, eventTime);
  }

  @Override
  public void processElement(SourceLine line, Context ctx, Collector<Post> out) {
    read.add(1L);
    try {
      Post post = decoderFor(line).decode(line.origin(), line.text());
      eventTime.add(post.timeMillis());
      out.collect(post);
    } catch (PostRejected e) {
      rejected.add(1L);
      ctx.output(REJECTS, Reject.of(line.origin(), e, line.text()));
    }
  }

  private PostDecoder decoderFor(SourceLine line) {
    if (schema.format() == PostFormat.JSONL) {
      if (decoder == null) decoder = PostDecoder.jsonLines(schema);
    } else if (decoder == null || !line.header().equals(decoderHeader)) {
      // One decoder per file header; files of a folder may order their columns differently.
      decoder = PostDecoder.csv(schema, line.header() == null ? "" : line.header());
      decoderHeader = line.header();
    }
    return decoder;
  }
}
