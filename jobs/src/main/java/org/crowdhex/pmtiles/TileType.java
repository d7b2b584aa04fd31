package org.crowdhex.pmtiles;

/** The header's tile type: what the tiles hold, for MIME types and viewers. */
public enum TileType {
  UNKNOWN(0),
  MVT(1),
  PNG(2),
  JPEG(3),
  WEBP(4),
  AVIF(5);

  private final int code;

  TileType(int code) {
    this.code = code;
  }

  /** The byte stored in the header. */
  public int code() {
    return code;
  }

  /** The type for a header byte; codes this version does not know read as {@link #UNKNOWN}. */
  public static TileType ofCode(int code) {
    for (TileType t : values()) {
      if (t.code == code) {
        return t;
      }
    }
    return UNKNOWN;
  }
}
