package org.crowdhex.venue;

import java.util.List;

/**
 * A venues file that cannot be used: missing, not JSON, not a GeoJSON FeatureCollection, or with
 * features that break the rules of {@link VenueCatalog}. It carries every problem found, so a user
 * can fix the whole file in one go.
 */
public final class VenueFileException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final List<String> problems;

  /**
   * @param fileName the file's name, for the summary line when there are several problems
   * @param problems one self-contained sentence per problem, each naming the file; not empty
   */
  public VenueFileException(String fileName, List<String> problems) {
    super(summary(fileName, problems));
    this.problems = List.copyOf(problems);
  }

  /** Every problem found, in file order, one sentence each. */
  public List<String> problems() {
    return problems;
  }

  private static String summary(String fileName, List<String> problems) {
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("a VenueFileException needs at least one problem");
    }
    if (problems.size() == 1) {
      return problems.get(0);
    }
    return fileName + " has " + problems.size() + " problems:\n  " + String.join("\n  ", problems);
  }
}
