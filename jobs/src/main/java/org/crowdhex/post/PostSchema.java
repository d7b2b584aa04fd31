package org.crowdhex.post;

import java.io.Serializable;
import java.time.ZoneId;
import java.util.Objects;

/**
 * How to read posts from one kind of source: the line format, which field holds what, how time is
 * written, and what span of time is accepted. Serializable: it travels to the Flink tasks.
 *
 * @param format JSON lines or CSV
 * @param fields field (or column) names
 * @param timeFormat how the time field is written
 * @param zone the zone of times written without one
 * @param csvDelimiter column separator for CSV
 * @param timeRange event times outside it are rejected
 */
public record PostSchema(
    PostFormat format,
    FieldMapping fields,
    TimeFormat timeFormat,
    ZoneId zone,
    char csvDelimiter,
    TimeRange timeRange)
    implements Serializable {

  public static final PostSchema DEFAULT =
      new PostSchema(
          PostFormat.JSONL,
          FieldMapping.DEFAULT,
          TimeFormat.AUTO,
          ZoneId.of("UTC"),
          ',',
          TimeRange.ALWAYS);

  public PostSchema {
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(fields, "fields");
    Objects.requireNonNull(timeFormat, "timeFormat");
    Objects.requireNonNull(zone, "zone");
    Objects.requireNonNull(timeRange, "timeRange");
  }

  public PostSchema withTimeRange(TimeRange range) {
    return new PostSchema(format, fields, timeFormat, zone, csvDelimiter, range);
  }
}
