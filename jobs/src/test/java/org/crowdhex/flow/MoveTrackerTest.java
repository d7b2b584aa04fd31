package org.crowdhex.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.crowdhex.flow.TestZones.H3;

import org.junit.jupiter.api.Test;

class MoveTrackerTest {
  static final long KUIP = MoveRulesTest.KUIP;
  static final long CENTRAAL = MoveRulesTest.CENTRAAL;
  static final long T0 = MoveRulesTest.T0;
  static final long MIN = 60_000;
  static final long AUTHOR = 0x5eed;

  final MoveTracker tracker = new MoveTracker(new MoveRules(FlowSettings.DEFAULT, H3));

  @Test
  void theFirstPostStartsTheStateAndMakesNoMove() {
    MoveTracker.Step step = tracker.track(null, AUTHOR, KUIP, T0);

    assertThat(step.verdict()).isEqualTo(MoveVerdict.FIRST);
    assertThat(step.move()).isNull();
    assertThat(step.state()).isEqualTo(new Sighting(KUIP, T0));
  }

  @Test
  void aSecondPostFarEnoughAwayIsAMoveBetweenTheTwo() {
    Sighting s = tracker.track(null, AUTHOR, KUIP, T0).state();

    MoveTracker.Step step = tracker.track(s, AUTHOR, CENTRAAL, T0 + 20 * MIN);

    assertThat(step.verdict()).isEqualTo(MoveVerdict.MOVE);
    assertThat(step.move()).isEqualTo(new Move(AUTHOR, KUIP, CENTRAAL, T0, T0 + 20 * MIN));
    assertThat(step.move().durationMillis()).isEqualTo(20 * MIN);
    assertThat(step.state()).isEqualTo(new Sighting(CENTRAAL, T0 + 20 * MIN));
  }

  @Test
  void movesJoinConsecutivePostsEvenAfterABrokenRule() {
    long next = H3.gridDisk(KUIP, 1).get(1);
    Sighting s = tracker.track(null, AUTHOR, KUIP, T0).state();
    MoveTracker.Step near = tracker.track(s, AUTHOR, next, T0 + 5 * MIN);
    assertThat(near.verdict()).isEqualTo(MoveVerdict.TOO_NEAR);
    assertThat(near.state()).isEqualTo(new Sighting(next, T0 + 5 * MIN));

    MoveTracker.Step move = tracker.track(near.state(), AUTHOR, CENTRAAL, T0 + 25 * MIN);
    assertThat(move.move().originCell()).isEqualTo(next);
    assertThat(move.move().originTime()).isEqualTo(T0 + 5 * MIN);
  }

  @Test
  void aPostArrivingOutOfOrderLeavesTheStateAlone() {
    Sighting s = new Sighting(CENTRAAL, T0 + 20 * MIN);

    MoveTracker.Step step = tracker.track(s, AUTHOR, KUIP, T0);

    assertThat(step.verdict()).isEqualTo(MoveVerdict.OUT_OF_ORDER);
    assertThat(step.state()).isSameAs(s);
    assertThat(step.move()).isNull();
  }

  @Test
  void theStateExpiresAfterTheLongestGap() {
    Sighting s = new Sighting(KUIP, T0);

    assertThat(tracker.expiresAt(s)).isEqualTo(T0 + 120 * MIN);
    assertThat(tracker.isExpired(s, T0 + 120 * MIN)).isFalse();
    assertThat(tracker.isExpired(s, T0 + 120 * MIN + 1)).isTrue();
    // Whether the operator has cleared it yet or not, an expired state starts no move.
    MoveTracker.Step late = tracker.track(s, AUTHOR, CENTRAAL, T0 + 120 * MIN + 1);
    MoveTracker.Step cleared = tracker.track(null, AUTHOR, CENTRAAL, T0 + 120 * MIN + 1);
    assertThat(late.move()).isNull();
    assertThat(late.verdict()).isEqualTo(MoveVerdict.TOO_LATE);
    assertThat(cleared.move()).isNull();
    assertThat(late.state()).isEqualTo(cleared.state());
  }
}
