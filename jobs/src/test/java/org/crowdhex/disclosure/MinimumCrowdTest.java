package org.crowdhex.disclosure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.uber.h3core.H3Core;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.crowdhex.density.Tally;
import org.crowdhex.locate.LocatedPost;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class MinimumCrowdTest {
  static H3Core h3;
  static long parent;
  static long otherParent;
  static List<Long> children;
  static List<Long> otherChildren;

  @BeforeAll
  static void cells() throws IOException {
    h3 = H3Core.newInstance();
    parent = h3.cellToParent(h3.latLngToCell(51.8939, 4.5232, 9), 8);
    otherParent = h3.cellToParent(h3.latLngToCell(51.9249, 4.4690, 9), 8);
    children = h3.cellToChildren(parent, 9).stream().sorted().toList();
    otherChildren = h3.cellToChildren(otherParent, 9).stream().sorted().toList();
  }

  /** A tally of one post per author key given. */
  static Tally tally(long... authors) {
    Tally t = new Tally();
    for (long a : authors) t.add(new LocatedPost(1, a, 0));
    return t;
  }

  @Test
  void aFigureNeedsKAuthors() {
    MinimumCrowd crowd = new MinimumCrowd(10);

    assertThat(crowd.publishable(10)).isTrue();
    assertThat(crowd.publishable(9)).isFalse();
    assertThat(new MinimumCrowd(1).publishable(1)).isTrue();
    assertThat(new MinimumCrowd(1).publishable(0)).isFalse();
    assertThatThrownBy(() -> new MinimumCrowd(0))
        .hasMessage("privacy.min_crowd is 0; accepted: a whole number of at least 1");
  }

  @Test
  void bigCellsStayAndSmallSiblingsRollUpIntoTheirParent() {
    long big = children.get(0);
    long small1 = children.get(1);
    long small2 = children.get(2);
    Map<Long, Tally> cells = new HashMap<>();
    cells.put(big, tally(1, 2, 3, 4, 5));
    cells.put(small1, tally(1, 2, 2));
    cells.put(small2, tally(2, 3));

    CellDisclosure d = new MinimumCrowd(3).rollUp(cells, h3);

    assertThat(d.kept()).isEqualTo(1);
    assertThat(d.rolledUp()).isEqualTo(2);
    assertThat(d.suppressed()).isZero();
    assertThat(d.published()).hasSize(2);
    PublishedCell asIs =
        d.published().stream().filter(p -> !p.rolledUp()).findFirst().orElseThrow();
    assertThat(asIs.cell()).isEqualTo(big);
    assertThat(asIs.authors()).isEqualTo(5);
    assertThat(asIs.posts()).isEqualTo(5);
    assertThat(asIs.members()).containsExactly(big);
    PublishedCell merged =
        d.published().stream().filter(PublishedCell::rolledUp).findFirst().orElseThrow();
    assertThat(merged.cell()).isEqualTo(parent);
    // Authors 1, 2 and 3: an author in both small cells counts once.
    assertThat(merged.authors()).isEqualTo(3);
    assertThat(merged.posts()).isEqualTo(5);
    assertThat(merged.members()).containsExactly(small1, small2);
    assertThat(merged.memberCount()).isEqualTo(2);
  }

  @Test
  void aRollUpStillBelowKIsHeldBack() {
    Map<Long, Tally> cells = new HashMap<>();
    cells.put(children.get(0), tally(1, 2, 3));
    cells.put(children.get(1), tally(7, 8));
    cells.put(children.get(2), tally(7, 8));

    CellDisclosure d = new MinimumCrowd(3).rollUp(cells, h3);

    assertThat(d.published()).extracting(PublishedCell::cell).containsExactly(children.get(0));
    assertThat(d.kept()).isEqualTo(1);
    assertThat(d.rolledUp()).isZero();
    assertThat(d.suppressed()).isEqualTo(2);
  }

  @Test
  void eachParentRollsUpOnItsOwn() {
    Map<Long, Tally> cells = new HashMap<>();
    cells.put(children.get(3), tally(1, 2));
    cells.put(children.get(4), tally(3));
    cells.put(otherChildren.get(0), tally(4, 5));
    cells.put(otherChildren.get(1), tally(6));
    cells.put(otherChildren.get(2), tally()); // no authors: nothing to publish or hold back

    CellDisclosure d = new MinimumCrowd(3).rollUp(cells, h3);

    assertThat(d.published())
        .extracting(PublishedCell::cell)
        .containsExactlyElementsOf(List.of(parent, otherParent).stream().sorted().toList());
    assertThat(d.published()).allMatch(PublishedCell::rolledUp);
    assertThat(d.rolledUp()).isEqualTo(4);
    assertThat(d.suppressed()).isZero();
  }

  @Test
  void kOfOnePublishesEveryCellAsItIs() {
    Map<Long, Tally> cells = new HashMap<>();
    cells.put(children.get(0), tally(1));
    cells.put(otherChildren.get(0), tally(2));

    CellDisclosure d = new MinimumCrowd(1).rollUp(cells, h3);

    assertThat(d.published()).noneMatch(PublishedCell::rolledUp);
    assertThat(d.kept()).isEqualTo(2);
  }

  @Test
  void theTalliesAreLeftAsTheyWere() {
    Tally a = tally(1, 2);
    Tally b = tally(3);
    Map<Long, Tally> family = Map.of(children.get(0), a, children.get(1), b);

    CellDisclosure d = new MinimumCrowd(3).rollUpFamily(parent, family);

    assertThat(d.published()).hasSize(1);
    assertThat(a.distinctAuthors()).isEqualTo(2);
    assertThat(b.distinctAuthors()).isEqualTo(1);
    assertThat(a.posts).isEqualTo(2);
  }
}
