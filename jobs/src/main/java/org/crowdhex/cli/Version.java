package org.crowdhex.cli;

import picocli.CommandLine.IVersionProvider;

/** The version from the jar's manifest (or "development" when run from classes). */
final class Version implements IVersionProvider {
  @Override
  public String[] getVersion() {
    String v = Crowdhex.class.getPackage().getImplementationVersion();
    return new String[] {"crowdhex " + (v == null ? "development" : v)};
  }
}
