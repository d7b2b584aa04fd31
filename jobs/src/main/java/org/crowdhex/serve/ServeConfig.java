package org.crowdhex.serve;

import java.nio.file.Path;
import java.util.Objects;

/**
 * What a {@link TileServer} serves and where it listens.
 *
 * @param tiles the tile folder of a run (holds {@code manifest.json} and one folder per window)
 * @param bind the address to listen on; {@value #LOOPBACK} keeps the server on this machine
 * @param port the port to listen on, or 0 for any free port
 * @param token the bearer token that requests for data must carry, or {@code null} for none
 */
public record ServeConfig(Path tiles, String bind, int port, String token) {
  /** The address a server listens on unless told otherwise. */
  public static final String LOOPBACK = "127.0.0.1";

  /** The port a server listens on unless told otherwise. */
  public static final int DEFAULT_PORT = 8080;

  public ServeConfig {
    Objects.requireNonNull(tiles, "tiles");
    Objects.requireNonNull(bind, "bind");
    if (bind.isBlank()) {
      throw new IllegalArgumentException("the bind address is empty; accepted: an IP address");
    }
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException(
          "the port is " + port + "; accepted: a whole number from 0 to 65535");
    }
    if (token != null && !validToken(token)) {
      // The token itself stays out of the message: messages end up in logs.
      throw new IllegalArgumentException(
          "the token is empty or holds spaces or characters other than printable ASCII;"
              + " accepted: one word of printable ASCII");
    }
  }

  /** Serves a folder on this machine only, without a token: what the demo needs. */
  public static ServeConfig local(Path tiles, int port) {
    return new ServeConfig(tiles, LOOPBACK, port, null);
  }

  /** Whether requests for data must carry a bearer token. */
  public boolean hasToken() {
    return token != null;
  }

  /**
   * Whether a string can be a bearer token: printable ASCII without spaces, so that it fits in an
   * {@code Authorization} header as is.
   */
  public static boolean validToken(String token) {
    if (token.isEmpty()) return false;
    for (int i = 0; i < token.length(); i++) {
      char c = token.charAt(i);
      if (c < 0x21 || c > 0x7e) return false;
    }
    return true;
  }

  /** Leaves the token out, so that printing a config never leaks it. */
  @Override
  public String toString() {
    return "ServeConfig[tiles="
        + tiles
        + ", bind="
        + bind
        + ", port="
        + port
        + ", token="
        + (token == null ? "none" : "set")
        + "]";
  }
}
