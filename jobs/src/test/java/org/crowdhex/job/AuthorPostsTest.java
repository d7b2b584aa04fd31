package org.crowdhex.job;

import static org.assertj.core.api.Assertions.assertThat;

import com.uber.h3core.H3Core;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.crowdhex.flow.FlowSettings;
import org.crowdhex.flow.Move;
import org.crowdhex.hygiene.HygieneRules;
import org.crowdhex.locate.LocatedPost;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The per-author operator in a test harness: which posts go on, which moves come out, and that its
 * state and timers are gone once event time has passed them (the state's time to live).
 */
class AuthorPostsTest {
  private static final Duration LATENESS = Duration.ofMinutes(6);
  private static final HygieneRules HYGIENE =
      new HygieneRules(2, Duration.ofMinutes(15), Duration.ofSeconds(60), LATENESS);
  private static final long T0 = Instant.parse("2026-04-19T12:00:00Z").toEpochMilli();
  private static final long MINUTE = 60_000;
  private static long kuip, centraal, nextToKuip;

  private KeyedOneInputStreamOperatorTestHarness<Long, LocatedPost, LocatedPost> harness;

  @BeforeAll
  static void cells() throws Exception {
    H3Core h3 = H3Core.newInstance();
    kuip = h3.latLngToCell(51.8939, 4.5232, 9);
    centraal = h3.latLngToCell(51.9249, 4.4690, 9);
    nextToKuip = h3.gridRing(kuip, 1).get(0);
  }

  @BeforeEach
  void open() throws Exception {
    harness =
        ProcessFunctionTestHarnesses.forKeyedProcessFunction(
            new AuthorPosts(HYGIENE, FlowSettings.DEFAULT, LATENESS),
            LocatedPost::authorKey,
            Types.LONG);
  }

  @AfterEach
  void close() throws Exception {
    harness.close();
  }

  private void post(long author, long cell, long time) throws Exception {
    harness.processElement(new LocatedPost(cell, author, time), time);
  }

  private List<Move> moves() {
    ConcurrentLinkedQueue<StreamRecord<Move>> out = harness.getSideOutput(AuthorPosts.MOVES);
    return out == null ? List.of() : out.stream().map(StreamRecord::getValue).toList();
  }

  @Test
  void countsAPostOnceAndNoMoreThanTheCapPerWindowLength() throws Exception {
    post(1, kuip, T0);
    post(1, kuip, T0 + 30_000); // same cell within 60 s: a duplicate
    post(1, nextToKuip, T0 + 2 * MINUTE);
    post(1, centraal, T0 + 4 * MINUTE); // a third post within 15 minutes: over the cap of 2
    post(2, kuip, T0 + 30_000); // another author

    assertThat(harness.extractOutputValues())
        .containsExactly(
            new LocatedPost(kuip, 1, T0),
            new LocatedPost(nextToKuip, 1, T0 + 2 * MINUTE),
            new LocatedPost(kuip, 2, T0 + 30_000));
    // Next to the first cell is no move; the post over the cap never reaches the move rules.
    assertThat(moves()).isEmpty();
  }

  @Test
  void aMoveLeavesAtItsDestinationTime() throws Exception {
    post(7, kuip, T0);
    post(7, centraal, T0 + 20 * MINUTE);

    assertThat(moves()).containsExactly(new Move(7, kuip, centraal, T0, T0 + 20 * MINUTE));
    assertThat(harness.getSideOutput(AuthorPosts.MOVES).peek().getTimestamp())
        .isEqualTo(T0 + 20 * MINUTE);
  }

  @Test
  void stateAndTimersExpireOnceEventTimeHasPassedThem() throws Exception {
    post(1, kuip, T0);
    post(1, centraal, T0 + 20 * MINUTE);
    post(2, kuip, T0 + 5 * MINUTE);
    // Two authors, each with two states and one timer per state: replaced timers were deleted.
    assertThat(harness.numKeyedStateEntries()).isEqualTo(4);
    assertThat(harness.numEventTimeTimers()).isEqualTo(4);

    // Hygiene forgets an author 15 minutes (the window) plus the lateness after the newest post.
    harness.processWatermark(T0 + 20 * MINUTE + 21 * MINUTE);
    assertThat(harness.numKeyedStateEntries()).isEqualTo(2); // the two sightings
    assertThat(harness.numEventTimeTimers()).isEqualTo(2);

    // A sighting can start a move for max_gap (2 h), kept the lateness longer for late posts.
    harness.processWatermark(T0 + 5 * MINUTE + 126 * MINUTE);
    assertThat(harness.numKeyedStateEntries()).isEqualTo(1);
    harness.processWatermark(T0 + 20 * MINUTE + 126 * MINUTE);
    assertThat(harness.numKeyedStateEntries()).isZero();
    assertThat(harness.numEventTimeTimers()).isZero();

    // An author seen again after that starts afresh: no move from the forgotten post.
    post(1, kuip, T0 + 200 * MINUTE);
    assertThat(moves()).hasSize(1);
  }
}
