package org.crowdhex.generate;

import java.time.Duration;
import java.time.Instant;

/** The validation sentences the scenario records share. */
final class ScenarioChecks {
  private ScenarioChecks() {}

  static void venue(String what, String venueId, String expected) {
    if (venueId == null || venueId.isBlank()) {
      throw new IllegalArgumentException(
          what
              + ": venueId is "
              + (venueId == null ? "missing" : "\"" + venueId + "\"")
              + "; expected the id of "
              + expected
              + " venue");
    }
  }

  static void instant(String what, String field, Instant value) {
    if (value == null) {
      throw new IllegalArgumentException(what + ": " + field + " is missing; expected an instant");
    }
  }

  static void count(String what, String field, int value, int max, String meaning) {
    if (value < 1 || value > max) {
      throw new IllegalArgumentException(
          what
              + ": "
              + field
              + " is "
              + value
              + "; expected a number of "
              + meaning
              + " from 1 to "
              + max);
    }
  }

  static void duration(String what, String field, Duration value, Duration min, Duration max) {
    if (value == null || value.compareTo(min) < 0 || value.compareTo(max) > 0) {
      throw new IllegalArgumentException(
          what
              + ": "
              + field
              + " is "
              + (value == null ? "missing" : value)
              + "; expected a duration from "
              + min
              + " to "
              + max);
    }
  }

  static void number(String what, String field, double value, double min, double max) {
    if (!(value >= min && value <= max)) {
      throw new IllegalArgumentException(
          what + ": " + field + " is " + value + "; expected a number from " + min + " to " + max);
    }
  }
}
