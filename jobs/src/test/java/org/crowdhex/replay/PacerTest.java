package org.crowdhex.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Pacing against a fake clock: a record goes when its event time, sped up, has come. */
class PacerTest {
  private static final long T0 = 1_776_600_000_000L; // epoch ms

  @Test
  void anHourOfEventTimeTakesAMinuteAtSixtyTimes() throws Exception {
    FakeClock clock = new FakeClock();
    Pacer pacer = new Pacer(clock, Speed.parse("60"));
    long start = clock.now;
    pacer.await(T0); // the first record goes at once
    assertThat(clock.now).isEqualTo(start);
    pacer.await(T0 + 60_000); // a minute of event time later: one second
    assertThat(clock.now - start).isEqualTo(1_000_000_000L);
    pacer.await(T0 + 3_600_000); // an hour later: a minute after the start
    assertThat(clock.now - start).isEqualTo(60_000_000_000L);
  }

  @Test
  void aSlowTargetIsNotMadeToWaitTwiceAndOldRecordsGoAtOnce() throws Exception {
    FakeClock clock = new FakeClock();
    Pacer pacer = new Pacer(clock, Speed.parse("10x"));
    long start = clock.now;
    pacer.await(T0);
    clock.now += 5_000_000_000L; // sending took five seconds
    pacer.await(T0 + 20_000); // due at two seconds: already late, no wait
    assertThat(clock.sleeps).isEmpty();
    pacer.await(T0 + 10_000); // older than one already sent: at once, in place
    pacer.await(Long.MIN_VALUE); // no time at all: at once
    assertThat(clock.sleeps).isEmpty();
    pacer.await(T0 + 60_000); // due at six seconds
    assertThat(clock.now - start).isEqualTo(6_000_000_000L);
    assertThat(clock.sleeps).containsExactly(1_000_000_000L);
  }

  @Test
  void maxNeverWaitsAndHalfSpeedTakesTwiceAsLong() throws Exception {
    FakeClock clock = new FakeClock();
    Pacer max = new Pacer(clock, Speed.MAX);
    max.await(T0);
    max.await(T0 + 86_400_000);
    assertThat(clock.sleeps).isEmpty();

    Pacer half = new Pacer(clock, Speed.parse("0.5"));
    long start = clock.now;
    half.await(T0);
    half.await(T0 + 1_500);
    assertThat(clock.now - start).isEqualTo(3_000_000_000L);
  }

  @Test
  void speedsAreReadAsWrittenAndNonsenseIsRefusedWithWhatIsAccepted() {
    assertThat(Speed.parse("max").unpaced()).isTrue();
    assertThat(Speed.parse(" 60 ").factor()).isEqualTo(60);
    assertThat(Speed.parse("60x").toString()).isEqualTo("60x");
    assertThat(Speed.parse("2.5").toString()).isEqualTo("2.5x");
    for (String bad : new String[] {"0", "-3", "fast", "NaN", "Infinity", ""}) {
      assertThatThrownBy(() -> Speed.parse(bad))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("--speed is \"" + bad + "\"")
          .hasMessageContaining("accepted: a number above 0");
    }
  }
}
