package org.crowdhex.privacy;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Objects;

/**
 * How often pseudonyms change: once per event (every post of a run under one key) or every local
 * day in the plan's time zone. Each period gets its own key, derived from the one master secret as
 * HMAC-SHA-256(secret, "period:" + period id), so rotating needs no new secret and a replay of the
 * same posts gives the same pseudonyms.
 *
 * <p>The shorter the period, the less one pseudonym reveals about a person's movements over time;
 * but a move is only seen between two posts of one period, so a daily key loses the moves that span
 * local midnight. Per event, the period id holds the event's name, so two events run with the same
 * secret still give unrelated pseudonyms.
 */
public final class KeyRotation implements Serializable {
  private static final long serialVersionUID = 1L;

  /** The kinds of rotation a plan may ask for ({@code privacy.rotation}). */
  public enum Kind {
    /** One key for the whole event. */
    EVENT,
    /** A new key every local day, at midnight in the plan's time zone. */
    DAY;

    /** The word a plan uses: {@code event} or {@code day}. */
    public String planWord() {
      return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The kind a plan word names, ignoring case.
     *
     * @throws IllegalArgumentException naming the field, the value and the accepted words
     */
    public static Kind parse(String word) {
      for (Kind k : values()) {
        if (k.planWord().equalsIgnoreCase(word == null ? "" : word.trim())) return k;
      }
      throw new IllegalArgumentException(
          "privacy.rotation is \"" + word + "\"; accepted: " + ACCEPTED);
    }
  }

  /** What a plan may write for the rotation. */
  public static final String ACCEPTED =
      "event (one key for the whole event) or day (a new key at local midnight)";

  private final Kind kind;
  private final String eventName;
  private final ZoneId zone;

  private KeyRotation(Kind kind, String eventName, ZoneId zone) {
    this.kind = kind;
    this.eventName = eventName;
    this.zone = zone;
  }

  /** One key period for all time, named after the event. */
  public static KeyRotation perEvent(String eventName) {
    if (eventName == null || eventName.isBlank()) {
      throw new IllegalArgumentException("a per-event key rotation needs the event's name");
    }
    return new KeyRotation(Kind.EVENT, eventName, null);
  }

  /** A key period per local day in the zone, from midnight to midnight. */
  public static KeyRotation perDay(ZoneId zone) {
    return new KeyRotation(Kind.DAY, null, Objects.requireNonNull(zone, "zone"));
  }

  /** The rotation of the given kind for an event in a zone. */
  public static KeyRotation of(Kind kind, String eventName, ZoneId zone) {
    return kind == Kind.EVENT ? perEvent(eventName) : perDay(zone);
  }

  public Kind kind() {
    return kind;
  }

  /** The key period an instant (epoch ms) falls in. */
  public KeyPeriod periodOf(long timeMillis) {
    if (kind == Kind.EVENT) {
      return new KeyPeriod("event:" + eventName, Long.MIN_VALUE, Long.MAX_VALUE);
    }
    LocalDate day = Instant.ofEpochMilli(timeMillis).atZone(zone).toLocalDate();
    long start = day.atStartOfDay(zone).toInstant().toEpochMilli();
    long end = day.plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli();
    return new KeyPeriod("day:" + day, start, end);
  }

  /** For logs, e.g. {@code a new key every local day (Europe/Amsterdam)}. */
  public String describe() {
    return kind == Kind.EVENT
        ? "one key for the event \"" + eventName + "\""
        : "a new key every local day (" + zone + ")";
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof KeyRotation r
        && r.kind == kind
        && Objects.equals(r.eventName, eventName)
        && Objects.equals(r.zone, zone);
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, eventName, zone);
  }

  @Override
  public String toString() {
    return "KeyRotation[" + describe() + "]";
  }
}
