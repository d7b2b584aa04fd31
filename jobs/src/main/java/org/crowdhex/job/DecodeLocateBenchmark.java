package org.crowdhex.job;

import com.uber.h3core.H3Core;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import org.crowdhex.locate.LocatedPost;
import org.crowdhex.locate.Locator;
import org.crowdhex.post.Post;
import org.crowdhex.post.PostDecoder;
import org.crowdhex.post.PostRejected;
import org.crowdhex.post.PostSchema;
import org.crowdhex.privacy.KeyRotation;
import org.crowdhex.privacy.PseudonymKey;
import org.crowdhex.privacy.Pseudonymizer;
import org.crowdhex.venue.VenueIndex;

/**
 * Times the per-post work of the job's first stages in one thread, without the engine: the H3 call
 * alone, decoding alone, and decoding plus locating (with the author's pseudonym, an HMAC, as the
 * job makes it). Their difference is the cost the job adds beyond H3, which must stay well under a
 * microsecond of CPU per post.
 *
 * <p>Each figure is a whole pass over lines held in memory timed as one, so the clock's own cost
 * and resolution do not distort a sub-microsecond figure; the passes of the three kinds are
 * interleaved so that drift of a shared machine (other processes, frequency changes) hits all three
 * alike. Results feed an accumulator that is published after each pass, so the compiler cannot drop
 * the work. Plain Java: it measures the cores, not the engine.
 */
public final class DecodeLocateBenchmark {
  /** Published after every pass so the compiler must compute what the passes return. */
  private static volatile long sink;

  private static final String ORIGIN = "bench";

  private final String[] lines;
  private final PostDecoder decoder;
  private final H3Core h3;
  private final int resolution;
  private final Locator locator;
  private final Pseudonymizer pseudonyms =
      Pseudonymizer.create(PseudonymKey.throwaway(), KeyRotation.perEvent("benchmark"));
  private final double[] lat;
  private final double[] lon;
  private final int rejected;
  private final int located;
  private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
  private final boolean cpuTime;

  /**
   * Decodes every line once, to check them and to keep their positions for the H3-only pass.
   *
   * @param lines the posts, one line each, in the plan's input format (JSON lines)
   * @param schema the plan's input schema
   * @param h3 the H3 facade both the H3-only pass and the locator use
   * @param resolution the plan's H3 resolution
   * @param index the plan's venue index
   * @throws IllegalArgumentException when no line is a valid post
   */
  public DecodeLocateBenchmark(
      String[] lines, PostSchema schema, H3Core h3, int resolution, VenueIndex index) {
    this.lines = lines;
    this.decoder = PostDecoder.jsonLines(schema);
    this.h3 = h3;
    this.resolution = resolution;
    this.locator = new Locator(h3, resolution, index);
    double[] la = new double[lines.length];
    double[] lo = new double[lines.length];
    int valid = 0;
    int inZones = 0;
    for (String line : lines) {
      try {
        Post p = decoder.decode(ORIGIN, line);
        la[valid] = p.lat();
        lo[valid] = p.lon();
        valid++;
        if (locator.locate(pseudonyms.apply(p, false)) != null) inZones++;
      } catch (PostRejected e) {
        // counted below; the timed passes meet the same lines and pay for the same rejections
      }
    }
    if (valid == 0) {
      throw new IllegalArgumentException(
          "none of the " + lines.length + " lines is a valid post of the plan's input schema");
    }
    this.lat = Arrays.copyOf(la, valid);
    this.lon = Arrays.copyOf(lo, valid);
    this.rejected = lines.length - valid;
    this.located = inZones;
    this.cpuTime = threads.isCurrentThreadCpuTimeSupported() && threads.isThreadCpuTimeEnabled();
  }

  /**
   * The medians over the timed passes, in nanoseconds per post.
   *
   * @param posts lines per pass
   * @param rejected lines that were not valid posts (the H3 pass skips them)
   * @param located valid posts that fell in a venue zone
   * @param passes timed passes of each kind
   * @param h3Nanos wall time of latLngToCell on decoded positions
   * @param decodeNanos wall time of decoding a line into a post
   * @param decodeLocateNanos wall time of decoding and locating
   * @param h3CpuNanos thread CPU time of the H3 pass, NaN when the JVM cannot measure it
   * @param decodeCpuNanos thread CPU time of the decode pass, NaN likewise
   * @param decodeLocateCpuNanos thread CPU time of the decode + locate pass, NaN likewise
   */
  public record Result(
      int posts,
      int rejected,
      int located,
      int passes,
      double h3Nanos,
      double decodeNanos,
      double decodeLocateNanos,
      double h3CpuNanos,
      double decodeCpuNanos,
      double decodeLocateCpuNanos) {

    /** What decoding and locating cost beyond the H3 call itself, wall time. */
    public double beyondH3Nanos() {
      return decodeLocateNanos - h3Nanos;
    }

    /** The same in thread CPU time. */
    public double beyondH3CpuNanos() {
      return decodeLocateCpuNanos - h3CpuNanos;
    }
  }

  /** Listens to the passes, e.g. to show progress; told the pass just done and how many remain. */
  @FunctionalInterface
  public interface PassListener {
    void passDone(int done, int total);
  }

  /**
   * Runs {@code warmups} untimed rounds, then {@code passes} timed rounds; a round is one pass of
   * each kind.
   */
  public Result run(int warmups, int passes, PassListener listener) {
    if (warmups < 0 || passes < 1) {
      throw new IllegalArgumentException(
          "warm-ups is "
              + warmups
              + " and passes "
              + passes
              + "; expected 0 or more and 1 or more");
    }
    int total = warmups + passes;
    for (int w = 0; w < warmups; w++) {
      sink = h3Pass() + decodePass() + decodeLocatePass();
      listener.passDone(w + 1, total);
    }
    long[] h3Wall = new long[passes], decodeWall = new long[passes], bothWall = new long[passes];
    long[] h3Cpu = new long[passes], decodeCpu = new long[passes], bothCpu = new long[passes];
    for (int k = 0; k < passes; k++) {
      long cpu = cpu();
      long t = System.nanoTime();
      sink = h3Pass();
      h3Wall[k] = System.nanoTime() - t;
      h3Cpu[k] = cpu() - cpu;

      cpu = cpu();
      t = System.nanoTime();
      sink = decodePass();
      decodeWall[k] = System.nanoTime() - t;
      decodeCpu[k] = cpu() - cpu;

      cpu = cpu();
      t = System.nanoTime();
      sink = decodeLocatePass();
      bothWall[k] = System.nanoTime() - t;
      bothCpu[k] = cpu() - cpu;
      listener.passDone(warmups + k + 1, total);
    }
    double n = lines.length;
    double cpuScale = cpuTime ? 1 : Double.NaN;
    return new Result(
        lines.length,
        rejected,
        located,
        passes,
        median(h3Wall) / lat.length,
        median(decodeWall) / n,
        median(bothWall) / n,
        cpuScale * median(h3Cpu) / lat.length,
        cpuScale * median(decodeCpu) / n,
        cpuScale * median(bothCpu) / n);
  }

  private long cpu() {
    return cpuTime ? threads.getCurrentThreadCpuTime() : 0;
  }

  private long h3Pass() {
    long acc = 0;
    for (int i = 0; i < lat.length; i++) acc += h3.latLngToCell(lat[i], lon[i], resolution);
    return acc;
  }

  private long decodePass() {
    long acc = 0;
    for (String line : lines) {
      try {
        Post p = decoder.decode(ORIGIN, line);
        acc += p.timeMillis() ^ Double.doubleToRawLongBits(p.lat() + p.lon()) ^ p.author().length();
      } catch (PostRejected e) {
        acc++;
      }
    }
    return acc;
  }

  private long decodeLocatePass() {
    long acc = 0;
    for (String line : lines) {
      try {
        LocatedPost p = locator.locate(pseudonyms.apply(decoder.decode(ORIGIN, line), false));
        acc += p == null ? 1 : p.cell() ^ p.authorKey() ^ p.timeMillis();
      } catch (PostRejected e) {
        acc++;
      }
    }
    return acc;
  }

  private static double median(long[] values) {
    long[] v = values.clone();
    Arrays.sort(v);
    int m = v.length / 2;
    return v.length % 2 == 1 ? v[m] : (v[m - 1] + v[m]) / 2.0;
  }
}
