package org.crowdhex.pmtiles;

/**
 * The header's compression enum, used both for the archive's own directories and metadata (internal
 * compression) and for the tiles.
 */
public enum Compression {
  UNKNOWN(0),
  NONE(1),
  GZIP(2),
  BROTLI(3),
  ZSTD(4);

  private final int code;

  Compression(int code) {
    this.code = code;
  }

  /** The byte stored in the header. */
  public int code() {
    return code;
  }

  /** The compression for a header byte; codes this version does not know read as UNKNOWN. */
  public static Compression ofCode(int code) {
    for (Compression c : values()) {
      if (c.code == code) {
        return c;
      }
    }
    return UNKNOWN;
  }
}
