package org.crowdhex.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Validation messages, defaults and scaling of the generator spec. */
class GeneratorSpecTest {
  static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
  static final Instant START = Instant.parse("2026-04-18T22:00:00Z");
  static final Instant KICK_OFF = Instant.parse("2026-04-19T12:30:00Z");

  static GeneratorSpec valid() {
    return GeneratorSpec.demo(
        1,
        START,
        Duration.ofDays(1),
        AMSTERDAM,
        List.of(new MatchScenario("kuip", KICK_OFF, 3_000)));
  }

  static GeneratorSpec with(
      int population, double rate, int res, int bots, double dup, double jitter, Duration delay) {
    GeneratorSpec v = valid();
    return new GeneratorSpec(
        v.seed(),
        v.start(),
        v.duration(),
        v.zone(),
        population,
        rate,
        res,
        v.matches(),
        bots,
        dup,
        jitter,
        delay);
  }

  static void rejects(Supplier<?> build, String... fragments) {
    assertThatThrownBy(build::get)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContainingAll(fragments);
  }

  @Test
  void demoDefaultsAreSensible() {
    GeneratorSpec spec = valid();
    assertThat(spec.population()).isEqualTo(1_500);
    assertThat(spec.h3Resolution()).isEqualTo(9);
    assertThat(spec.duplicateRate()).isEqualTo(0.005);
    assertThat(spec.jitterMeters()).isEqualTo(15);
    assertThat(spec.maxDisorder()).isEqualTo(Duration.ofSeconds(30));
    assertThat(spec.matches().get(0).matchLength()).isEqualTo(Duration.ofMinutes(105));
    assertThat(spec.matches().get(0).finalWhistle())
        .isEqualTo(Instant.parse("2026-04-19T14:15:00Z"));
  }

  @Test
  void matchDayCoversTheLocalDayOfTheKickOff() {
    GeneratorSpec spec =
        GeneratorSpec.matchDay(1, AMSTERDAM, new MatchScenario("kuip", KICK_OFF, 100));
    assertThat(spec.start()).isEqualTo(START);
    assertThat(spec.duration()).isEqualTo(Duration.ofHours(24));
    // The day the clocks go back has 25 hours.
    GeneratorSpec autumn =
        GeneratorSpec.matchDay(
            1, AMSTERDAM, new MatchScenario("kuip", Instant.parse("2026-10-25T13:30:00Z"), 100));
    assertThat(autumn.duration()).isEqualTo(Duration.ofHours(25));
  }

  @Test
  void eachFieldIsValidatedWithItsValueAndWhatIsAccepted() {
    Duration d = Duration.ofSeconds(30);
    rejects(() -> with(-1, 4, 9, 2, 0.005, 15, d), "population is -1", "from 0 to 50000000");
    rejects(() -> with(10, 0, 9, 2, 0.005, 15, d), "postsPerAuthorPerDay is 0.0", "above 0");
    rejects(() -> with(10, Double.NaN, 9, 2, 0.005, 15, d), "postsPerAuthorPerDay is NaN");
    rejects(() -> with(10, 4, 16, 2, 0.005, 15, d), "h3Resolution is 16", "0 to 15");
    rejects(() -> with(10, 4, 9, -2, 0.005, 15, d), "bots is -2", "from 0 to 10000");
    rejects(() -> with(10, 4, 9, 2, 0.6, 15, d), "duplicateRate is 0.6", "from 0 to 0.5");
    rejects(() -> with(10, 4, 9, 2, 0.005, -1, d), "jitterMeters is -1.0", "0 to 1000 metres");
    rejects(
        () -> with(10, 4, 9, 2, 0.005, 15, Duration.ofSeconds(-1)),
        "maxDisorder is PT-1S",
        "0 seconds to 1 hour");
    rejects(() -> with(10, 4, 9, 2, 0.005, 15, null), "maxDisorder is missing");
    rejects(
        () -> GeneratorSpec.demo(1, null, Duration.ofDays(1), AMSTERDAM, List.of()),
        "start is missing");
    rejects(
        () -> GeneratorSpec.demo(1, START, Duration.ZERO, AMSTERDAM, List.of()),
        "duration is PT0S",
        "from 1 minute to 366 days");
    rejects(
        () -> GeneratorSpec.demo(1, START, Duration.ofDays(1), null, List.of()), "zone is missing");
    rejects(
        () -> GeneratorSpec.demo(1, START, Duration.ofDays(1), AMSTERDAM, null),
        "matches is missing");
    rejects(
        () ->
            GeneratorSpec.demo(
                1,
                START,
                Duration.ofHours(6),
                AMSTERDAM,
                List.of(new MatchScenario("kuip", KICK_OFF, 10))),
        "matches[0].kickOff is 2026-04-19T12:30:00Z",
        "before 2026-04-19T04:00:00Z");
    rejects(
        () ->
            GeneratorSpec.demo(
                1, Instant.parse("9999-12-30T00:00:00Z"), Duration.ofDays(3), AMSTERDAM, List.of()),
        "start plus duration is +10000-01-02T00:00:00Z");
  }

  @Test
  void matchScenarioIsValidated() {
    rejects(() -> new MatchScenario(" ", KICK_OFF, 10), "venueId is \" \"");
    rejects(() -> new MatchScenario("kuip", null, 10), "kickOff is missing");
    rejects(() -> new MatchScenario("kuip", KICK_OFF, 0), "attendance is 0", "from 1 to 1000000");
    rejects(
        () -> new MatchScenario("kuip", KICK_OFF, Duration.ofMinutes(10), 10, List.of()),
        "matchLength is PT10M",
        "from 30 minutes to 6 hours");
    assertThat(new MatchScenario("kuip", KICK_OFF, null, 10, null))
        .extracting(MatchScenario::matchLength, MatchScenario::hubVenueIds)
        .containsExactly(MatchScenario.DEFAULT_LENGTH, List.of());
  }

  @Test
  void targetPostsScalesThePopulationAndRefusesTooSmallTargets() {
    GeneratorSpec big = valid().withTargetPosts(5_000_000);
    assertThat(big.expectedPosts()).isBetween(4_990_000.0, 5_010_000.0);
    assertThat(big.population()).isGreaterThan(1_000_000);
    assertThat(big.postsPerAuthorPerDay()).isEqualTo(valid().postsPerAuthorPerDay());
    rejects(() -> valid().withTargetPosts(1_000), "target posts is 1000", "bots and matches alone");
    rejects(() -> valid().withTargetPosts(0), "target posts is 0");
  }
}
