package org.crowdhex.tileset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.uber.h3core.H3Core;
import java.io.IOException;
import java.util.List;
import org.crowdhex.alert.Hotspot;
import org.crowdhex.alert.OpenAlert;
import org.crowdhex.alert.Severity;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The detector's marks of one venue and window, and how the tile stage merges the marks of every
 * venue of a window ({@link WindowMarks}).
 */
class VenueMarksTest {
  private static final long START = 1_776_600_000_000L;
  private static final long END = START + 900_000;

  private static H3Core h3;
  private static long a, b, c, d;

  @BeforeAll
  static void loadH3() throws IOException {
    h3 = H3Core.newInstance();
    a = h3.latLngToCell(51.8939, 4.5231, 10);
    List<Long> ring = h3.gridRing(a, 1);
    b = ring.get(0);
    c = ring.get(1);
    d = h3.gridRing(a, 3).get(0);
  }

  private static Hotspot region(double score, long... cells) {
    int[] observed = new int[cells.length];
    double[] expected = new double[cells.length];
    java.util.Arrays.fill(observed, 5);
    java.util.Arrays.fill(expected, 1);
    return new Hotspot(cells[0], cells, observed, expected, score);
  }

  private static OpenAlert alert(String id, String venue, double score, long... cells) {
    return new OpenAlert(
        id, venue, null, Severity.LOW, START, END, cells, 40, 10, score, 40, null, 30L);
  }

  @Test
  void eachCellTakesTheBestScoreOfARegionContainingItAndTheAlertItIsIn() {
    OpenAlert open = alert("kuip-1", "kuip", 30, a, b, d);
    VenueMarks m =
        VenueMarks.of("kuip", START, END, List.of(region(14, a, b), region(30, a, c)), open);

    long[] sorted = java.util.stream.LongStream.of(a, b, c, d).sorted().toArray();
    assertThat(m.cells()).containsExactly(sorted);
    for (int i = 0; i < m.size(); i++) {
      long cell = m.cell(i);
      double expected = cell == a || cell == c ? 30 : cell == b ? 14 : 0;
      assertThat(m.scoreAt(i)).as(Long.toHexString(cell)).isEqualTo(expected);
      assertThat(m.alertIdAt(i)).isEqualTo(cell == c ? null : "kuip-1");
    }
    assertThat(m.openAlert()).isEqualTo(open);
    assertThat(m.isEmpty()).isFalse();
  }

  @Test
  void withoutItsAlertKeepsOnlyTheScores() {
    OpenAlert open = alert("kuip-1", "kuip", 30, a, d);
    VenueMarks m = VenueMarks.of("kuip", START, END, List.of(region(14, a, b)), open);

    VenueMarks hidden = m.withoutAlert();

    assertThat(hidden.openAlert()).isNull();
    assertThat(hidden.cells())
        .as("d was marked for the alert only")
        .containsExactlyInAnyOrder(a, b);
    assertThat(hidden.alertIds()).containsOnlyNulls();
    assertThat(VenueMarks.of("kuip", START, END, List.of(), null).isEmpty()).isTrue();
  }

  @Test
  void refusesArraysOfDifferentLengthsOrCellsOutOfOrder() {
    assertThatThrownBy(
            () ->
                new VenueMarks(
                    "kuip", START, END, new long[] {a}, new double[0], new String[1], null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("one of each per cell");
    long lo = Math.min(a, b), hi = Math.max(a, b);
    assertThatThrownBy(
            () ->
                new VenueMarks(
                    "kuip", START, END, new long[] {hi, lo}, new double[2], new String[2], null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ascending");
  }

  @Test
  void aWindowsMarksMergeTheSameWhateverTheOrderOfTheVenues() {
    // Two venues share cell a; both have an alert over it, ahoy's the stronger.
    VenueMarks kuip =
        VenueMarks.of(
            "kuip", START, END, List.of(region(20, a, b)), alert("kuip-1", "kuip", 20, a, b));
    VenueMarks ahoy =
        VenueMarks.of(
            "ahoy", START, END, List.of(region(35, a, c)), alert("ahoy-1", "ahoy", 35, a, c));
    long[] published = {a, b, c, d};

    for (List<VenueMarks> order : List.of(List.of(kuip, ahoy), List.of(ahoy, kuip))) {
      WindowMarks w = WindowMarks.of(order);
      assertThat(w.scores(published, h3)).containsExactly(35, 20, 35, 0);
      assertThat(w.alerts(published, h3)).containsExactly("ahoy-1", "kuip-1", "ahoy-1", null);
      assertThat(w.openAlerts())
          .extracting(OpenAlert::id)
          .as("by venue")
          .containsExactly("ahoy-1", "kuip-1");
    }
  }

  @Test
  void aParentCellStandsForItsMarkedChildren() {
    long parent = h3.cellToParent(a, 9);
    VenueMarks kuip =
        VenueMarks.of("kuip", START, END, List.of(region(20, a)), alert("kuip-1", "kuip", 20, a));

    WindowMarks w = WindowMarks.of(List.of(kuip));

    assertThat(w.scores(new long[] {parent}, h3)).containsExactly(20);
    assertThat(w.alerts(new long[] {parent}, h3)).containsExactly("kuip-1");
  }

  @Test
  void noMarksScoreEveryCellZeroInNoAlert() {
    WindowMarks none = WindowMarks.of(List.of());

    assertThat(none.isEmpty()).isTrue();
    assertThat(none.scores(new long[] {a, b}, h3)).containsExactly(0, 0);
    assertThat(none.alerts(new long[] {a, b}, h3)).containsOnlyNulls();
    assertThat(none.openAlerts()).isEmpty();
  }
}
