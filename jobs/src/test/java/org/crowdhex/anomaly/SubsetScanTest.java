package org.crowdhex.anomaly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.uber.h3core.H3Core;
import java.io.IOException;
import java.util.Arrays;
import java.util.Random;
import org.crowdhex.anomaly.SubsetScan.CentreRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The scan against exhaustive search over every subset and duration. */
class SubsetScanTest {
  private static H3Core h3;

  /** A resolution-10 cell on De Kuip's pitch. */
  private static long centre;

  @BeforeAll
  static void loadH3() throws IOException {
    h3 = H3Core.newInstance();
    centre = h3.latLngToCell(51.8939, 4.5232, 10);
  }

  private static long[] disk(int radius) {
    return h3.gridDisk(centre, radius).stream().mapToLong(Long::longValue).toArray();
  }

  @Test
  void findsTheBruteForceOptimumOnSevenCells() {
    long[] cells = disk(1);
    assertThat(cells).hasSize(7);
    Random random = new Random(20260419L);
    SubsetScan scan = new SubsetScan();
    int comparedSubsets = 0;
    for (int trial = 0; trial < 400; trial++) {
      int windows = 1 + trial % 3;
      Counts counts = randomCounts(random, windows, cells.length);
      ScanResult found = scan.scan(centre, cells, counts.observed, counts.expected);
      Optimum optimum = bruteForce(cells, counts, CentreRule.ANY_SUBSET);

      assertThat(found.score()).as("trial %d", trial).isCloseTo(optimum.score, within(1e-9));
      if (optimum.isUnique()) {
        assertThat(found.cells()).as("trial %d", trial).containsExactly(optimum.cells);
        assertThat(found.duration()).as("trial %d", trial).isEqualTo(optimum.duration);
        comparedSubsets++;
      }
      assertConsistent(found, cells, counts);
    }
    // Ties must be the exception, or the subset comparison would prove little.
    assertThat(comparedSubsets).isGreaterThan(300);
  }

  @Test
  void findsTheBruteForceOptimumWhenTheRegionMustHoldTheCentre() {
    long[] cells = disk(1);
    Random random = new Random(7L);
    SubsetScan scan = new SubsetScan(CentreRule.CONTAINS_CENTRE);
    for (int trial = 0; trial < 300; trial++) {
      Counts counts = randomCounts(random, 1 + trial % 3, cells.length);
      ScanResult found = scan.scan(centre, cells, counts.observed, counts.expected);
      Optimum optimum = bruteForce(cells, counts, CentreRule.CONTAINS_CENTRE);

      assertThat(found.score()).as("trial %d", trial).isCloseTo(optimum.score, within(1e-9));
      if (!found.isEmpty()) {
        assertThat(found.cells()).contains(centre);
      }
      if (optimum.isUnique()) {
        assertThat(found.cells()).as("trial %d", trial).containsExactly(optimum.cells);
      }
    }
  }

  @Test
  void findsTheBruteForceOptimumOnNineteenCells() {
    long[] cells = disk(2);
    assertThat(cells).hasSize(19);
    Random random = new Random(42L);
    SubsetScan scan = new SubsetScan();
    for (int trial = 0; trial < 6; trial++) {
      Counts counts = randomCounts(random, 1 + trial % 2, cells.length);
      ScanResult found = scan.scan(centre, cells, counts.observed, counts.expected);
      Optimum optimum = bruteForce(cells, counts, CentreRule.ANY_SUBSET);

      assertThat(found.score()).as("trial %d", trial).isCloseTo(optimum.score, within(1e-9));
      assertThat(found.score()).isPositive();
      if (optimum.isUnique()) {
        assertThat(found.cells()).as("trial %d", trial).containsExactly(optimum.cells);
      }
    }
  }

  @Test
  void aHotSpotOffCentreIsFoundWithoutTheCentreUnlessTheRuleAsksForIt() {
    long[] cells = disk(1);
    long edge = cells[0] == centre ? cells[1] : cells[0];
    int[][] observed = new int[1][cells.length];
    double[][] expected = new double[1][cells.length];
    for (int i = 0; i < cells.length; i++) {
      expected[0][i] = 4;
      observed[0][i] = cells[i] == edge ? 40 : 4;
    }

    ScanResult free = new SubsetScan().scan(centre, cells, observed, expected);
    ScanResult anchored =
        new SubsetScan(CentreRule.CONTAINS_CENTRE).scan(centre, cells, observed, expected);

    assertThat(free.cells()).containsExactly(edge);
    assertThat(free.observed()).isEqualTo(40);
    assertThat(free.expected()).isEqualTo(4);
    assertThat(free.ratio()).isEqualTo(10);
    assertThat(free.score()).isCloseTo(40 * Math.log(10) + 4 - 40, within(1e-9));
    assertThat(anchored.cells()).containsExactlyInAnyOrder(sorted(centre, edge));
    assertThat(anchored.score()).isCloseTo(PoissonScore.score(44, 8), within(1e-9));
  }

  @Test
  void aSlowBuildUpIsFoundOverSeveralWindows() {
    long[] cells = disk(1);
    int[][] observed = new int[3][cells.length];
    double[][] expected = new double[3][cells.length];
    for (int w = 0; w < 3; w++) {
      for (int i = 0; i < cells.length; i++) {
        expected[w][i] = 10;
        observed[w][i] = cells[i] == centre ? 16 : 10;
      }
    }
    // The oldest window was quiet: the region should span the newest two.
    for (int i = 0; i < cells.length; i++) {
      observed[0][i] = 5;
    }

    ScanResult found = new SubsetScan().scan(centre, cells, observed, expected);

    assertThat(found.duration()).isEqualTo(2);
    assertThat(found.cells()).containsExactly(centre);
    assertThat(found.observed()).isEqualTo(32);
    assertThat(found.expected()).isEqualTo(20);
  }

  @Test
  void nothingAboveExpectationGivesAnEmptyResult() {
    long[] cells = disk(1);
    int[][] observed = new int[2][cells.length];
    double[][] expected = new double[2][cells.length];
    for (double[] window : expected) {
      Arrays.fill(window, 3);
    }
    observed[1][2] = 3;

    ScanResult found = new SubsetScan().scan(centre, cells, observed, expected);

    assertThat(found).isEqualTo(ScanResult.nothing(centre));
    assertThat(found.isEmpty()).isTrue();
    assertThat(found.score()).isZero();
    assertThat(found.ratio()).isZero();
  }

  @Test
  void theResultDoesNotDependOnTheOrderOfTheCells() {
    long[] cells = disk(2);
    Random random = new Random(3L);
    SubsetScan scan = new SubsetScan();
    for (int trial = 0; trial < 50; trial++) {
      // Equal ratios are common with small whole counts: the tie-break must settle them.
      int[][] observed = new int[2][cells.length];
      double[][] expected = new double[2][cells.length];
      for (int w = 0; w < 2; w++) {
        for (int i = 0; i < cells.length; i++) {
          expected[w][i] = 1 + random.nextInt(2);
          observed[w][i] = random.nextInt(4);
        }
      }
      int[] permutation = shuffled(random, cells.length);
      long[] shuffledCells = new long[cells.length];
      int[][] shuffledObserved = new int[2][cells.length];
      double[][] shuffledExpected = new double[2][cells.length];
      for (int i = 0; i < cells.length; i++) {
        shuffledCells[i] = cells[permutation[i]];
        for (int w = 0; w < 2; w++) {
          shuffledObserved[w][i] = observed[w][permutation[i]];
          shuffledExpected[w][i] = expected[w][permutation[i]];
        }
      }

      ScanResult inOrder = scan.scan(centre, cells, observed, expected);
      ScanResult shuffled = scan.scan(centre, shuffledCells, shuffledObserved, shuffledExpected);

      assertThat(shuffled.cells()).containsExactly(inOrder.cells());
      assertThat(shuffled.duration()).isEqualTo(inOrder.duration());
      assertThat(shuffled.score()).isCloseTo(inOrder.score(), within(1e-9));
    }
  }

  @Test
  void oneScanServesNeighbourhoodsOfEitherSize() {
    Random random = new Random(11L);
    SubsetScan reused = new SubsetScan();
    for (int trial = 0; trial < 20; trial++) {
      long[] cells = disk(trial % 2 == 0 ? 2 : 1);
      Counts counts = randomCounts(random, 3, cells.length);
      assertThat(reused.scan(centre, cells, counts.observed, counts.expected))
          .isEqualTo(new SubsetScan().scan(centre, cells, counts.observed, counts.expected));
    }
  }

  @Test
  void rejectsInputsThatAreNotANeighbourhoodWithCounts() {
    long[] cells = disk(1);
    SubsetScan scan = new SubsetScan();
    int[][] observed = new int[1][cells.length];
    double[][] expected = new double[1][cells.length];

    long[] withoutCentre = Arrays.stream(cells).filter(c -> c != centre).toArray();
    assertThatThrownBy(() -> scan.scan(centre, withoutCentre, new int[1][6], new double[1][6]))
        .hasMessageContaining("lacks the centre");
    long[] twice = cells.clone();
    twice[1] = twice[2];
    assertThatThrownBy(() -> scan.scan(centre, twice, observed, expected))
        .hasMessageContaining("twice");
    assertThatThrownBy(() -> scan.scan(centre, cells, new int[0][], new double[0][]))
        .hasMessageContaining("no windows");
    assertThatThrownBy(() -> scan.scan(centre, cells, observed, new double[2][cells.length]))
        .hasMessageContaining("cover 2 windows");
    assertThatThrownBy(() -> scan.scan(centre, cells, new int[][] {new int[6]}, expected))
        .hasMessageContaining("have 6 values");
    int[][] negative = new int[1][cells.length];
    negative[0][3] = -1;
    assertThatThrownBy(() -> scan.scan(centre, cells, negative, expected))
        .hasMessageContaining("is -1");
    double[][] notANumber = new double[1][cells.length];
    notANumber[0][4] = Double.NaN;
    assertThatThrownBy(() -> scan.scan(centre, cells, observed, notANumber))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("is NaN");
  }

  // ---- brute force ----

  private record Counts(int[][] observed, double[][] expected) {}

  /** Baselines from 0 (floored) to 6 authors, with a random hot set raised up to fivefold. */
  private static Counts randomCounts(Random random, int windows, int cells) {
    int[][] observed = new int[windows][cells];
    double[][] expected = new double[windows][cells];
    double[] base = new double[cells];
    double[] lift = new double[cells];
    for (int i = 0; i < cells; i++) {
      base[i] = random.nextInt(5) == 0 ? 0 : random.nextDouble() * 6;
      lift[i] = random.nextInt(3) == 0 ? 1 + random.nextDouble() * 4 : 1;
    }
    for (int w = 0; w < windows; w++) {
      for (int i = 0; i < cells; i++) {
        expected[w][i] = base[i] * (0.8 + 0.4 * random.nextDouble());
        observed[w][i] = poisson(random, Math.max(expected[w][i], 0.3) * lift[i]);
      }
    }
    return new Counts(observed, expected);
  }

  private static int poisson(Random random, double mean) {
    double limit = Math.exp(-mean);
    double product = random.nextDouble();
    int count = 0;
    while (product > limit) {
      count++;
      product *= random.nextDouble();
    }
    return count;
  }

  private record Optimum(double score, double runnerUp, long[] cells, int duration) {
    boolean isUnique() {
      return score > 0 && score - runnerUp > 1e-9;
    }
  }

  /** Every non-empty subset at every duration, with subset sums built up one bit at a time. */
  private static Optimum bruteForce(long[] cells, Counts counts, CentreRule rule) {
    int n = cells.length;
    int windows = counts.observed.length;
    int centreBit = -1;
    for (int i = 0; i < n; i++) {
      if (cells[i] == centre) {
        centreBit = i;
      }
    }
    double[] sumC = new double[1 << n];
    double[] sumB = new double[1 << n];
    double best = 0;
    double runnerUp = 0;
    int bestMask = 0;
    int bestDuration = 0;
    for (int duration = 1; duration <= windows; duration++) {
      double[] c = new double[n];
      double[] b = new double[n];
      for (int w = windows - duration; w < windows; w++) {
        for (int i = 0; i < n; i++) {
          c[i] += counts.observed[w][i];
          b[i] += Math.max(counts.expected[w][i], PoissonScore.MIN_EXPECTED);
        }
      }
      for (int mask = 1; mask < 1 << n; mask++) {
        int low = Integer.numberOfTrailingZeros(mask);
        int rest = mask & (mask - 1);
        sumC[mask] = sumC[rest] + c[low];
        sumB[mask] = sumB[rest] + b[low];
        if (rule == CentreRule.CONTAINS_CENTRE && (mask & (1 << centreBit)) == 0) {
          continue;
        }
        double score = PoissonScore.score(sumC[mask], sumB[mask]);
        if (score > best) {
          runnerUp = best;
          best = score;
          bestMask = mask;
          bestDuration = duration;
        } else if (score > runnerUp) {
          runnerUp = score;
        }
      }
    }
    long[] region = new long[Integer.bitCount(bestMask)];
    int k = 0;
    for (int i = 0; i < n; i++) {
      if ((bestMask & (1 << i)) != 0) {
        region[k++] = cells[i];
      }
    }
    Arrays.sort(region);
    return new Optimum(best, runnerUp, region, bestDuration);
  }

  /** The reported C and B are the sums over the reported cells and duration. */
  private static void assertConsistent(ScanResult found, long[] cells, Counts counts) {
    long c = 0;
    double b = 0;
    int windows = counts.observed.length;
    for (int i = 0; i < cells.length; i++) {
      if (Arrays.binarySearch(found.cells(), cells[i]) >= 0) {
        for (int w = windows - found.duration(); w < windows; w++) {
          c += counts.observed[w][i];
          b += Math.max(counts.expected[w][i], PoissonScore.MIN_EXPECTED);
        }
      }
    }
    assertThat(found.observed()).isEqualTo(c);
    assertThat(found.expected()).isCloseTo(b, within(1e-9));
    assertThat(found.score())
        .isCloseTo(PoissonScore.score(found.observed(), found.expected()), within(1e-12));
  }

  private static long[] sorted(long... cells) {
    long[] copy = cells.clone();
    Arrays.sort(copy);
    return copy;
  }

  private static int[] shuffled(Random random, int n) {
    int[] permutation = new int[n];
    for (int i = 0; i < n; i++) {
      permutation[i] = i;
    }
    for (int i = n - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int swap = permutation[i];
      permutation[i] = permutation[j];
      permutation[j] = swap;
    }
    return permutation;
  }
}
