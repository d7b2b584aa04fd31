package org.crowdhex.generate;

/**
 * What every part of one generation run shares.
 *
 * @param startMillis first instant of the stream, epoch millis
 * @param endMillis first instant after the stream; posts outside {@code [start, end)} are dropped
 * @param h3Resolution resolution of the cells named in the ground truth
 * @param jitter the GPS noise
 * @param cityLanguage the city's language (a {@link PostTexts} code)
 */
record StreamSetting(
    long startMillis, long endMillis, int h3Resolution, GpsJitter jitter, byte cityLanguage) {

  boolean contains(long timeMillis) {
    return timeMillis >= startMillis && timeMillis < endMillis;
  }
}
