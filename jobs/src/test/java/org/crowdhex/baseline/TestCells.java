package org.crowdhex.baseline;

import com.uber.h3core.H3Core;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/** Real H3 cells at De Kuip, Rotterdam (51.894 N, 4.523 E), resolution 10. */
final class TestCells {
  static final int RESOLUTION = 10;
  static final H3Core H3;

  static {
    try {
      H3 = H3Core.newInstance();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static final long KUIP = H3.latLngToCell(51.894, 4.523, RESOLUTION);
  static final long KUIP_PARENT = H3.cellToParent(KUIP, RESOLUTION - 1);

  /** The 7 cells of {@link #KUIP_PARENT}, {@link #KUIP} among them. */
  static final List<Long> SIBLINGS = H3.cellToChildren(KUIP_PARENT, RESOLUTION);

  private TestCells() {}

  /** A resolution-10 cell a few kilometres away, with another parent. */
  static long farAway() {
    return H3.latLngToCell(51.9225, 4.4792, RESOLUTION);
  }
}
