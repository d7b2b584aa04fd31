package org.crowdhex.vectortile;

import java.util.Arrays;

/**
 * Clips one polygon ring to an axis-aligned square with Sutherland–Hodgman: four passes, one per
 * side of the square.
 *
 * <p>Exact for convex rings, which H3 cells are (their edges are gnomonic great-circle arcs drawn
 * straight between the vertices). A concave ring would come out as a ring with zero-width bridges
 * along the square's sides; the encoder's collinear-vertex pass removes those.
 *
 * <p>Reuses its buffers: not thread-safe, one per encoder.
 */
final class RingClipper {
  private double[] ax = new double[16];
  private double[] ay = new double[16];
  private double[] bx = new double[16];
  private double[] by = new double[16];

  /** After {@link #clip}: the clipped ring's vertices, valid until the next call. */
  double[] xs;

  double[] ys;

  /**
   * Clips the ring (first vertex not repeated at the end) to [min, max]².
   *
   * @return the number of vertices in {@link #xs}/{@link #ys}; below 3 means nothing is left
   */
  int clip(double[] inX, double[] inY, int n, double min, double max) {
    // Each pass emits at most two vertices per input edge; only a concave ring gets near that.
    ensure(16 * n);
    System.arraycopy(inX, 0, ax, 0, n);
    System.arraycopy(inY, 0, ay, 0, n);
    n = pass(ax, ay, n, bx, by, true, min, true);
    n = pass(bx, by, n, ax, ay, true, max, false);
    n = pass(ax, ay, n, bx, by, false, min, true);
    n = pass(bx, by, n, ax, ay, false, max, false);
    xs = ax;
    ys = ay;
    return n;
  }

  private static int pass(
      double[] inX,
      double[] inY,
      int n,
      double[] outX,
      double[] outY,
      boolean onX,
      double bound,
      boolean keepAbove) {
    if (n == 0) {
      return 0;
    }
    int out = 0;
    double prevX = inX[n - 1];
    double prevY = inY[n - 1];
    boolean prevIn = inside(onX ? prevX : prevY, bound, keepAbove);
    for (int i = 0; i < n; i++) {
      double curX = inX[i];
      double curY = inY[i];
      boolean curIn = inside(onX ? curX : curY, bound, keepAbove);
      if (curIn != prevIn) {
        // The crossing lies exactly on the bound so that rounding never pushes it outside.
        if (onX) {
          double t = (bound - prevX) / (curX - prevX);
          outX[out] = bound;
          outY[out] = prevY + t * (curY - prevY);
        } else {
          double t = (bound - prevY) / (curY - prevY);
          outX[out] = prevX + t * (curX - prevX);
          outY[out] = bound;
        }
        out++;
      }
      if (curIn) {
        outX[out] = curX;
        outY[out] = curY;
        out++;
      }
      prevX = curX;
      prevY = curY;
      prevIn = curIn;
    }
    return out;
  }

  private static boolean inside(double v, double bound, boolean keepAbove) {
    return keepAbove ? v >= bound : v <= bound;
  }

  private void ensure(int capacity) {
    if (ax.length < capacity) {
      int c = Math.max(capacity, ax.length * 2);
      ax = Arrays.copyOf(ax, c);
      ay = Arrays.copyOf(ay, c);
      bx = Arrays.copyOf(bx, c);
      by = Arrays.copyOf(by, c);
    }
  }
}
