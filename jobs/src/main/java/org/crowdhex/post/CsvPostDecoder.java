package org.crowdhex.post;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads the rows of a CSV file (RFC 4180 quoting, one record per line) whose first line names the
 * columns. Columns are found by the plan's field mapping, so an export such as {@code
 * Date/Time,Lat,Lon,Base} is read without code.
 */
final class CsvPostDecoder implements PostDecoder {
  private final PostFields fields;
  private final CSVFormat format;
  private final int[] columns; // contract slot -> column index, -1 when absent
  private final int width;
  private final String headerProblem;

  private CsvPostDecoder(
      PostFields fields, CSVFormat format, int[] columns, int width, String headerProblem) {
    this.fields = fields;
    this.format = format;
    this.columns = columns;
    this.width = width;
    this.headerProblem = headerProblem;
  }

  static CsvPostDecoder forHeader(PostSchema schema, String headerLine) {
    CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(schema.csvDelimiter()).get();
    List<String> header = new ArrayList<>();
    String h = headerLine.startsWith("\uFEFF") ? headerLine.substring(1) : headerLine;
    try {
      for (String c : parseRow(format, h)) header.add(c.trim());
    } catch (RuntimeException e) {
      header.clear();
    }
    FieldMapping m = schema.fields();
    String[] wanted = {
      m.id(), m.author(), m.time(), m.lat(), m.lon(), m.platform(), m.lang(), m.text()
    };
    String[] contract = {"id", "author", "time", "lat", "lon", "platform", "lang", "text"};
    int[] columns = new int[wanted.length];
    List<String> missing = new ArrayList<>();
    for (int i = 0; i < wanted.length; i++) {
      columns[i] = wanted[i] == null ? -1 : header.indexOf(wanted[i]);
      boolean required =
          i == 2 || i == 3 || i == 4 || (wanted[i] != null && !isDefault(m, contract[i]));
      if (columns[i] < 0 && required) {
        missing.add("no column \"" + wanted[i] + "\" for " + contract[i]);
      }
    }
    String problem =
        missing.isEmpty()
            ? null
            : "the CSV header is \""
                + PostFields.clip(h)
                + "\" ("
                + String.join(", ", missing)
                + "); accepted: a header naming the columns of the plan's input.fields";
    return new CsvPostDecoder(new PostFields(schema), format, columns, header.size(), problem);
  }

  /** A mapping the planner left at its default may be absent; one they named must be there. */
  private static boolean isDefault(FieldMapping m, String contractName) {
    Map<String, String> defaults = FieldMapping.DEFAULT.asMap();
    return defaults.get(contractName).equals(m.asMap().get(contractName));
  }

  @Override
  public Post decode(String origin, String line) throws PostRejected {
    if (headerProblem != null) {
      throw new PostRejected(RejectReason.CSV_HEADER, null, headerProblem);
    }
    List<String> row;
    try {
      row = parseRow(format, line);
    } catch (RuntimeException e) {
      throw new PostRejected(
          RejectReason.MALFORMED, null, "the line is not a CSV row; accepted: RFC 4180 CSV");
    }
    if (row.size() != width) {
      throw new PostRejected(
          RejectReason.MALFORMED,
          null,
          "the row has " + row.size() + " columns; accepted: " + width + " as in the header");
    }
    return fields.build(
        origin,
        cell(row, 0),
        cell(row, 1),
        cell(row, 2),
        cell(row, 3),
        cell(row, 4),
        cell(row, 5),
        cell(row, 6),
        cell(row, 7));
  }

  private String cell(List<String> row, int slot) {
    int c = columns[slot];
    return c < 0 ? null : row.get(c);
  }

  private static List<String> parseRow(CSVFormat format, String line) {
    try (CSVParser parser = CSVParser.parse(line, format)) {
      List<CSVRecord> records = parser.getRecords();
      if (records.size() != 1) {
        throw new IllegalArgumentException("not one record");
      }
      return records.get(0).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
