package org.crowdhex.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.crowdhex.flow.TestZones.H3;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MoveRulesTest {
  static final int RES = 10;
  static final long KUIP = H3.latLngToCell(51.8939, 4.5232, RES);
  static final long CENTRAAL = H3.latLngToCell(51.9249, 4.4690, RES);
  static final long T0 = 1_776_600_000_000L;
  static final long MIN = 60_000;

  static final MoveRules RULES = new MoveRules(FlowSettings.DEFAULT, H3);

  static MoveVerdict judge(long from, long fromTime, long to, long toTime) {
    return RULES.judge(new Sighting(from, fromTime), new Sighting(to, toTime));
  }

  @Test
  void aTripAcrossTownInTwentyMinutesIsAMove() {
    assertThat(judge(KUIP, T0, CENTRAAL, T0 + 20 * MIN)).isEqualTo(MoveVerdict.MOVE);
  }

  @Test
  void sixtySecondsIsTheShortestGap() {
    long far = ring2();
    assertThat(judge(KUIP, T0, far, T0 + 59_999)).isEqualTo(MoveVerdict.TOO_SOON);
    assertThat(judge(KUIP, T0, far, T0 + 60_000)).isEqualTo(MoveVerdict.MOVE);
  }

  @Test
  void twoHoursIsTheLongestGap() {
    assertThat(judge(KUIP, T0, CENTRAAL, T0 + 120 * MIN)).isEqualTo(MoveVerdict.MOVE);
    assertThat(judge(KUIP, T0, CENTRAAL, T0 + 120 * MIN + 1)).isEqualTo(MoveVerdict.TOO_LATE);

    MoveRules longer = new MoveRules(FlowSettings.DEFAULT.withMaxGap(Duration.ofHours(3)), H3);
    assertThat(longer.judge(new Sighting(KUIP, T0), new Sighting(CENTRAAL, T0 + 150 * MIN)))
        .isEqualTo(MoveVerdict.MOVE);
  }

  @Test
  void theOriginCellAndItsNeighboursAreTooNearAndTheNextRingIsNot() {
    List<Long> disk = H3.gridDisk(KUIP, 1);
    assertThat(disk).hasSize(7);
    for (long near : disk) {
      assertThat(judge(KUIP, T0, near, T0 + 5 * MIN))
          .as(Long.toHexString(near))
          .isEqualTo(MoveVerdict.TOO_NEAR);
      assertThat(RULES.adjacent(KUIP, near)).isTrue();
    }
    Set<Long> ring2 = new HashSet<>(H3.gridDisk(KUIP, 2));
    disk.forEach(ring2::remove);
    assertThat(ring2).hasSize(12);
    for (long far : ring2) {
      assertThat(judge(KUIP, T0, far, T0 + 5 * MIN)).isEqualTo(MoveVerdict.MOVE);
      assertThat(RULES.adjacent(KUIP, far)).isFalse();
    }
  }

  @Test
  void aHundredAndFiftyKilometresAnHourIsTheSpeedLimit() {
    double metres = RULES.distanceMetres(KUIP, CENTRAAL);
    assertThat(metres).isCloseTo(5_330, within(300.0));
    long atLimit = (long) Math.ceil(metres / (150 / 3.6) * 1000);

    assertThat(judge(KUIP, T0, CENTRAAL, T0 + atLimit)).isEqualTo(MoveVerdict.MOVE);
    assertThat(judge(KUIP, T0, CENTRAAL, T0 + atLimit - 1_000)).isEqualTo(MoveVerdict.TOO_FAST);

    MoveRules slow = new MoveRules(FlowSettings.DEFAULT.withMaxSpeedKmh(10), H3);
    assertThat(slow.judge(new Sighting(KUIP, T0), new Sighting(CENTRAAL, T0 + 20 * MIN)))
        .isEqualTo(MoveVerdict.TOO_FAST);
  }

  @Test
  void aPostOlderThanTheEarlierOneIsOutOfOrder() {
    assertThat(judge(KUIP, T0, CENTRAAL, T0 - 1)).isEqualTo(MoveVerdict.OUT_OF_ORDER);
  }

  @Test
  void theFirstRuleBrokenIsTheVerdict() {
    // Too soon, too near and too fast at once: too soon is checked first.
    assertThat(judge(KUIP, T0, KUIP, T0 + 1_000)).isEqualTo(MoveVerdict.TOO_SOON);
    // Too late and too near: too late first.
    assertThat(judge(KUIP, T0, KUIP, T0 + 3 * 60 * MIN)).isEqualTo(MoveVerdict.TOO_LATE);
  }

  @Test
  void distanceIsBetweenCellCentres() {
    assertThat(RULES.distanceMetres(KUIP, KUIP)).isZero();
    long neighbour = H3.gridDisk(KUIP, 1).stream().filter(c -> c != KUIP).findFirst().orElseThrow();
    // Centres of neighbouring resolution 10 cells are about √3 × 76 m apart.
    assertThat(RULES.distanceMetres(KUIP, neighbour)).isCloseTo(130, within(15.0));
  }

  private static long ring2() {
    Set<Long> ring = new HashSet<>(H3.gridDisk(KUIP, 2));
    H3.gridDisk(KUIP, 1).forEach(ring::remove);
    return ring.iterator().next();
  }
}
