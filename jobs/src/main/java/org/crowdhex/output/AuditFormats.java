package org.crowdhex.output;

import org.crowdhex.density.LatePost;
import org.crowdhex.post.Reject;

/**
 * The audit outputs: rejected lines with their reason ({@code rejects.jsonl}) and posts that came
 * too late for every window they belonged to ({@code late.jsonl}). Nothing the job reads is lost
 * without a trace in one of the outputs or the run summary; and neither output holds an author id
 * or a post text (a reject names its line, never quotes it).
 */
public final class AuditFormats {
  private AuditFormats() {}

  public static RecordFormat<Reject> rejectLines() {
    return r ->
        Json.write(
            g -> {
              g.writeStartObject();
              g.writeStringField("origin", r.origin());
              g.writeStringField("reason", r.reason().name());
              if (r.field() != null) g.writeStringField("field", r.field());
              g.writeStringField("message", r.message());
              g.writeEndObject();
            });
  }

  public static RecordFormat<LatePost> lateLines() {
    return p ->
        Json.write(
            g -> {
              g.writeStartObject();
              g.writeStringField("time", Json.iso(p.timeMillis()));
              g.writeStringField("cell", Long.toHexString(p.cell()));
              g.writeStringField("watermark", Json.iso(p.watermarkMillis()));
              g.writeStringField("reason", "LATE");
              g.writeEndObject();
            });
  }
}
