package org.crowdhex.post;

/**
 * One line of an input file before decoding.
 *
 * @param origin file name and line number, e.g. {@code posts.jsonl.gz:17}
 * @param text the line without its terminator
 * @param header the file's first line for CSV input (the same string for every line of a file), or
 *     null for JSON lines
 */
public record SourceLine(String origin, String text, String header) {}
