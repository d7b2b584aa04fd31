package org.crowdhex.generate;

/**
 * The venues of a {@link GeneratorSpec#week benchmark week}.
 *
 * @param stadiumId where the match is played (its hubs are every station venue)
 * @param squareId where the flash crowd gathers
 * @param routeId the route the march walks (its geometry must be a line)
 * @param campId where the build-up happens
 */
public record WeekVenues(String stadiumId, String squareId, String routeId, String campId) {
  public WeekVenues {
    ScenarioChecks.venue("week", stadiumId, "a stadium");
    ScenarioChecks.venue("week", squareId, "a square");
    ScenarioChecks.venue("week", routeId, "a route");
    ScenarioChecks.venue("week", campId, "a camp");
  }
}
