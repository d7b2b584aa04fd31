/**
 * Measures how well a detector finds the crowds a ground truth says were there: event-level
 * precision, recall and F1, detection delay and false alerts per venue-day, for the scan's alerts
 * and for two simple baseline detectors scored the same way.
 *
 * <p>Plain Java: the readers take the generator's {@code truth.json} and alert JSON lines, the
 * scorer and the baselines work on values, and the table prints and writes the results.
 */
package org.crowdhex.evaluation;
