package org.crowdhex.alert;

/**
 * A cell whose crowd has been building up for a while: its CUSUM reached the threshold. Opens an
 * alert at once, like a critical score, since the evidence has been gathering over many windows.
 *
 * @param cell the H3 cell
 * @param windows windows the build-up has lasted (non-overlapping windows, 1 or more)
 * @param observed authors observed in the cell over them
 * @param expected authors expected over them, above 0
 * @param score the scan score of the observed against the expected count over the build-up
 */
public record BuildUp(long cell, int windows, long observed, double expected, double score) {
  public BuildUp {
    if (windows < 1) {
      throw new IllegalArgumentException(
          "build-up windows is " + windows + "; accepted: 1 or more windows");
    }
    if (observed < 0 || !(expected > 0) || !Double.isFinite(score)) {
      throw new IllegalArgumentException(
          "build-up observed "
              + observed
              + ", expected "
              + expected
              + ", score "
              + score
              + "; accepted: a count of 0 or more, an expectation above 0, a finite score");
    }
  }
}
