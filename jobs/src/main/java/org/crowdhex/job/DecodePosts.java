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
import org.crowdhex.privacy.KeyRotation;
import org.crowdhex.privacy.Pseudonymizer;
import org.crowdhex.privacy.PseudonymousPost;
import org.crowdhex.privacy.TaskKey;

/**
 * Decodes and validates lines, and is the privacy boundary: a valid post leaves as a {@link
 * PseudonymousPost}, its author a keyed pseudonym, its id and (unless the plan keeps texts) its
 * text gone, so no raw id or text reaches any later stage. A line that fails goes to the rejects
 * output with its reason, but not the line itself.
 */
final class DecodePosts extends ProcessFunction<SourceLine, PseudonymousPost> {
  static final OutputTag<Reject> REJECTS = new OutputTag<>("rejects") {};

  private final PostSchema schema;
  private final TaskKey key;
  private final KeyRotation rotation;
  private final boolean keepText;
  private transient PostDecoder decoder;
  private transient String decoderHeader;
  private transient Pseudonymizer pseudonyms;
  private transient LongCounter read;
  private transient LongCounter rejected;
  private transient LongMaximum eventTime;

  /**
   * @param key how this task gets the pseudonym key (on a cluster: loaded here, in {@link #open})
   * @param rotation when pseudonyms change
   * @param keepText whether post texts travel on (the plan's {@code privacy.keep_text})
   */
  DecodePosts(PostSchema schema, TaskKey key, KeyRotation rotation, boolean keepText) {
    this.schema = schema;
    this.key = key;
    this.rotation = rotation;
    this.keepText = keepText;
  }

  @Override
  public void open(OpenContext context) {
    pseudonyms = Pseudonymizer.create(key.key(), rotation);
    read = getRuntimeContext().getLongCounter(RunCounters.LINES_READ);
    rejected = getRuntimeContext().getLongCounter(RunCounters.REJECTED);
    eventTime = new LongMaximum(Long.MIN_VALUE);
    getRuntimeContext().addAccumulator(RunCounters.EVENT_TIME, eventTime);
  }

  @Override
  public void processElement(SourceLine line, Context ctx, Collector<PseudonymousPost> out) {
    read.add(1L);
    Post post;
    try {
      post = decoderFor(line).decode(line.origin(), line.text());
    } catch (PostRejected e) {
      rejected.add(1L);
      ctx.output(REJECTS, Reject.of(line.origin(), e));
      return;
    }
    eventTime.add(post.timeMillis());
    out.collect(pseudonyms.apply(post, keepText));
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
