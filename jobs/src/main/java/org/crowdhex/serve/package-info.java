/**
 * A small HTTP server for the tile folder a run writes: the manifest of windows, each window's
 * TileJSON, PNG and vector tiles, PMTiles archives (with byte ranges) and the bundled viewer.
 *
 * <p>Built on the JDK's own {@code com.sun.net.httpserver} so that serving tiles needs no
 * dependency beyond the JDK, and kept free of Flink so it starts in a blink and can serve the
 * output of any earlier run.
 *
 * <p>Choices worth knowing:
 *
 * <ul>
 *   <li>Window files never change once published (the job writes a new revision instead), so
 *       everything under {@code /tiles/{window}/} and {@code /tiles/{window}.pmtiles} is sent with
 *       {@code Cache-Control: public, max-age=31536000, immutable}. The manifest changes as windows
 *       are published and gets {@code public, max-age=5}: a viewer polling it sees a new window
 *       within seconds, and revalidation is cheap thanks to the strong ETag. Other files of the
 *       tile folder get the same short lifetime; viewer assets get {@code public, max-age=60}.
 *   <li>With a bearer token set, {@code /manifest.json} and {@code /tiles/} need it; the viewer
 *       page and its assets stay public because they hold no data, and a browser must be able to
 *       load the page before it can ask for a token. CORS preflights never need it, since browsers
 *       send them without credentials.
 *   <li>Conditional and range requests follow <a
 *       href="https://www.rfc-editor.org/rfc/rfc9110#section-13">RFC 9110 section 13</a> and <a
 *       href="https://www.rfc-editor.org/rfc/rfc9110#section-14">section 14</a>; one range per
 *       request is honoured, several are answered with the whole file.
 * </ul>
 */
package org.crowdhex.serve;
