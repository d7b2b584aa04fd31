package org.crowdhex.serve;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers every request of a {@link TileServer}: routing, the bearer token, CORS, conditional and
 * range requests (<a href="https://www.rfc-editor.org/rfc/rfc9110">RFC 9110</a>), and confinement
 * of every path to the tile folder.
 *
 * <p>Routes: {@code /manifest.json} and {@code /tiles/...} are files of the tile folder (for
 * example {@code /tiles/{window}/tiles.json}, a <a
 * href="https://github.com/mapbox/tilejson-spec/tree/master/3.0.0">TileJSON 3.0</a> document);
 * {@code /} is the viewer's {@code index.html} and any other path one of the viewer's assets.
 */
final class TileHandler implements HttpHandler {
  private static final Logger LOG = LoggerFactory.getLogger(TileServer.class);

  static final String IMMUTABLE = "public, max-age=31536000, immutable";
  static final String SHORT = "public, max-age=5";
  static final String VIEWER = "public, max-age=60";
  static final String NO_CACHE = "no-cache";
  static final String METHODS = "GET, HEAD, OPTIONS";
  static final String ALLOW_HEADERS = "Range, If-None-Match, If-Range, Authorization";
  static final String EXPOSE_HEADERS = "ETag, Content-Range, Content-Length, Accept-Ranges";

  /** A day: browsers cap it lower anyway, and the answer never changes while we run. */
  static final String PREFLIGHT_MAX_AGE = "86400";

  /**
   * Files up to this size are read whole, so that the tag and the body come from one read even if
   * the file is replaced meanwhile (the manifest is); larger ones are streamed.
   */
  static final long IN_MEMORY = 1 << 20;

  static final String NOT_BUNDLED =
      "the viewer is not bundled in this build; the windows are listed at /manifest.json and"
          + " their tiles are under /tiles/";

  /** A window id: its UTC start, and a revision suffix when the job rewrote it. */
  private static final Pattern WINDOW = Pattern.compile("\\d{8}T\\d{4}(?:\\d{2})?Z(?:-r\\d+)?");

  private final Path root;
  private final byte[] tokenDigest;
  private final ViewerAssets viewer;
  private final EntityTags tags = new EntityTags(4096);

  /**
   * @param root the real path of the tile folder
   * @param token the bearer token, or {@code null} for none
   */
  TileHandler(Path root, String token, ViewerAssets viewer) {
    this.root = root;
    // Comparing digests keeps the comparison's time independent of the token's length too.
    this.tokenDigest = token == null ? null : sha256(token);
    this.viewer = viewer;
  }

  @Override
  public void handle(HttpExchange exchange) {
    try {
      serve(exchange);
    } catch (IOException e) {
      // The client went away mid-answer; there is no one left to tell.
      LOG.debug("answer to {} broke off", describe(exchange), e);
    } catch (RuntimeException e) {
      LOG.error("failed to answer {}", describe(exchange), e);
      if (exchange.getResponseCode() == -1) {
        try {
          text(exchange, 500, "the server failed; its log says why", false);
        } catch (IOException | RuntimeException ignored) {
          // Nothing more to do for this connection.
        }
      }
    } finally {
      exchange.close();
    }
  }

  private void serve(HttpExchange exchange) throws IOException {
    Headers out = exchange.getResponseHeaders();
    out.set("Access-Control-Allow-Origin", "*");
    out.set("Access-Control-Expose-Headers", EXPOSE_HEADERS);
    out.set("Accept-Ranges", "bytes");
    out.set("X-Content-Type-Options", "nosniff");

    String method = exchange.getRequestMethod();
    if (method.equals("OPTIONS")) {
      out.set("Allow", METHODS);
      out.set("Access-Control-Allow-Methods", METHODS);
      out.set("Access-Control-Allow-Headers", ALLOW_HEADERS);
      out.set("Access-Control-Max-Age", PREFLIGHT_MAX_AGE);
      exchange.sendResponseHeaders(204, -1);
      return;
    }
    boolean head = method.equals("HEAD");
    if (!head && !method.equals("GET")) {
      out.set("Allow", METHODS);
      text(exchange, 405, "method " + method + " is not allowed; accepted: " + METHODS, false);
      return;
    }

    RequestPath path;
    try {
      path = RequestPath.parse(RequestPath.rawPath(exchange.getRequestURI()));
    } catch (RequestPath.Refused e) {
      text(exchange, 400, e.getMessage(), head);
      return;
    }
    List<String> segments = path.segments();
    boolean manifest = segments.equals(List.of("manifest.json"));
    boolean tiles = !segments.isEmpty() && segments.get(0).equals("tiles");

    if ((manifest || tiles) && tokenDigest != null) {
      String problem = tokenProblem(exchange);
      if (problem != null) {
        out.set(
            "WWW-Authenticate",
            problem.equals("missing")
                ? "Bearer realm=\"crowdhex\""
                : "Bearer realm=\"crowdhex\", error=\"invalid_token\"");
        text(
            exchange,
            401,
            problem.equals("missing")
                ? "this server needs a token: send Authorization: Bearer <token>"
                : "the bearer token is not the one this server was given",
            head);
        return;
      }
    }
    if (segments.isEmpty()) {
      viewerAsset(exchange, ViewerAssets.INDEX, head, true);
      return;
    }
    // Folders are never listed, and hidden files include the job's temporary files.
    if (path.directory() || path.hidden()) {
      notFound(exchange, head);
      return;
    }
    if (manifest) {
      tileFile(exchange, segments, SHORT, head);
    } else if (tiles) {
      List<String> inFolder = segments.subList(1, segments.size());
      if (inFolder.isEmpty()) {
        notFound(exchange, head);
      } else {
        tileFile(exchange, inFolder, cacheControl(inFolder), head);
      }
    } else {
      viewerAsset(exchange, path.joined(), head, false);
    }
  }

  /** Window files never change once published; anything else in the folder may. */
  static String cacheControl(List<String> inFolder) {
    String first = inFolder.get(0);
    if (inFolder.size() >= 2 && WINDOW.matcher(first).matches()) return IMMUTABLE;
    if (inFolder.size() == 1 && first.endsWith(".pmtiles")) {
      String window = first.substring(0, first.length() - ".pmtiles".length());
      if (WINDOW.matcher(window).matches()) return IMMUTABLE;
    }
    return SHORT;
  }

  private void tileFile(HttpExchange exchange, List<String> inFolder, String cache, boolean head)
      throws IOException {
    Optional<Body> found = open(inFolder, cache);
    if (found.isEmpty()) {
      notFound(exchange, head);
      return;
    }
    try (Body body = found.get()) {
      send(exchange, body, head);
    }
  }

  /**
   * Opens a file of the tile folder, or nothing when the path does not name a regular file inside
   * it. Problems of the file system on a path count as "not found": a client cannot fix them, and a
   * map asks for many tiles that do not exist.
   */
  private Optional<Body> open(List<String> inFolder, String cache) {
    Path real;
    BasicFileAttributes attributes;
    FileChannel channel;
    try {
      Path candidate = root;
      for (String segment : inFolder) candidate = candidate.resolve(segment);
      real = candidate.toRealPath();
      // The segments cannot climb out, but a symbolic link inside the folder can point anywhere.
      if (!real.startsWith(root)) return Optional.empty();
      attributes = Files.readAttributes(real, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      if (!attributes.isRegularFile()) return Optional.empty();
      channel = FileChannel.open(real, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
    } catch (IOException | InvalidPathException | SecurityException e) {
      return Optional.empty();
    }
    String name = real.getFileName().toString();
    try {
      if (attributes.size() <= IN_MEMORY) {
        byte[] bytes;
        try (channel) {
          bytes = Channels.newInputStream(channel).readAllBytes();
        }
        return Optional.of(Body.inMemory(name, bytes, cache));
      }
      EntityTags.Facts facts = tags.of(real, attributes, channel);
      return Optional.of(
          new Body(
              MediaTypes.of(name),
              cache,
              facts.etag(),
              facts.gzipped() && MediaTypes.mayBeGzipped(name),
              attributes.size(),
              null,
              channel));
    } catch (IOException e) {
      LOG.warn("cannot read {}: {}", String.join("/", inFolder), e.toString());
      closeQuietly(channel);
      return Optional.empty();
    }
  }

  private void viewerAsset(HttpExchange exchange, String relative, boolean head, boolean index)
      throws IOException {
    Optional<byte[]> bytes;
    try {
      bytes = viewer.read(relative);
    } catch (IOException | RuntimeException e) {
      LOG.warn("cannot read viewer asset {}: {}", relative, e.toString());
      bytes = Optional.empty();
    }
    if (bytes.isEmpty()) {
      if (index) {
        text(exchange, 404, NOT_BUNDLED, head);
      } else {
        notFound(exchange, head);
      }
      return;
    }
    String name = relative.substring(relative.lastIndexOf('/') + 1);
    send(exchange, Body.inMemory(name, bytes.get(), VIEWER), head);
  }

  /** Sends a file, answering conditional and range requests (RFC 9110 sections 13 and 14). */
  private static void send(HttpExchange exchange, Body body, boolean head) throws IOException {
    Headers in = exchange.getRequestHeaders();
    Headers out = exchange.getResponseHeaders();
    out.set("ETag", body.etag());
    out.set("Cache-Control", body.cacheControl());
    // If-None-Match is evaluated before Range, so a cached copy wins over a partial answer.
    if (EntityTags.noneMatchHits(in.get("If-None-Match"), body.etag())) {
      exchange.sendResponseHeaders(304, -1);
      return;
    }
    // RFC 9110 defines ranges for GET only; HEAD describes the whole file.
    ByteRange range = head ? ByteRange.WHOLE : ByteRange.of(single(in, "Range"), body.size());
    if (range instanceof ByteRange.Part
        && !EntityTags.ifRangeHolds(in.getFirst("If-Range"), body.etag())) {
      range = ByteRange.WHOLE;
    }
    if (range instanceof ByteRange.Unsatisfiable) {
      out.set("Content-Range", "bytes */" + body.size());
      text(
          exchange,
          416,
          "the range asks for bytes beyond the end of the file, which is "
              + body.size()
              + " bytes long",
          false);
      return;
    }
    out.set("Content-Type", body.contentType());
    if (body.gzipped()) out.set("Content-Encoding", "gzip");
    int status = 200;
    long first = 0;
    long length = body.size();
    if (range instanceof ByteRange.Part part) {
      status = 206;
      first = part.first();
      length = part.length();
      out.set("Content-Range", "bytes " + first + "-" + part.last() + "/" + body.size());
    }
    respond(exchange, status, length, head);
    if (!head && length > 0) {
      try (OutputStream stream = exchange.getResponseBody()) {
        body.write(stream, first, length);
      }
    }
  }

  /** A header that must appear once to count: two Range headers make no sense together. */
  private static String single(Headers headers, String name) {
    List<String> values = headers.get(name);
    return values != null && values.size() == 1 ? values.get(0) : null;
  }

  /** Why a request lacks the right token ("missing" or "wrong"), or null when it has it. */
  private String tokenProblem(HttpExchange exchange) {
    String header = exchange.getRequestHeaders().getFirst("Authorization");
    if (header == null) return "missing";
    String h = header.strip();
    if (!h.regionMatches(true, 0, "Bearer ", 0, 7)) return "missing";
    return MessageDigest.isEqual(sha256(h.substring(7).strip()), tokenDigest) ? null : "wrong";
  }

  private static void notFound(HttpExchange exchange, boolean head) throws IOException {
    text(exchange, 404, "not found", head);
  }

  private static void text(HttpExchange exchange, int status, String message, boolean head)
      throws IOException {
    Headers out = exchange.getResponseHeaders();
    out.remove("ETag");
    out.remove("Content-Encoding");
    out.set("Content-Type", "text/plain; charset=utf-8");
    out.set("Cache-Control", NO_CACHE);
    byte[] bytes = (message + "\n").getBytes(StandardCharsets.UTF_8);
    respond(exchange, status, bytes.length, head);
    if (!head) {
      try (OutputStream stream = exchange.getResponseBody()) {
        stream.write(bytes);
      }
    }
  }

  /**
   * Sends the status line and headers. The JDK server takes -1 for "no body" and 0 for "chunked",
   * and leaves Content-Length to us on HEAD, where no body follows.
   */
  private static void respond(HttpExchange exchange, int status, long length, boolean head)
      throws IOException {
    if (head) {
      exchange.getResponseHeaders().set("Content-Length", Long.toString(length));
      exchange.sendResponseHeaders(status, -1);
    } else {
      exchange.sendResponseHeaders(status, length == 0 ? -1 : length);
    }
  }

  private static String describe(HttpExchange exchange) {
    // The path only: a query could carry anything, tokens included.
    String path = RequestPath.rawPath(exchange.getRequestURI());
    if (path.length() > 200) path = path.substring(0, 200) + "...";
    return exchange.getRequestMethod() + " " + path;
  }

  private static byte[] sha256(String s) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  private static void closeQuietly(FileChannel channel) {
    try {
      channel.close();
    } catch (IOException ignored) {
      // Closing a read-only channel loses nothing.
    }
  }

  /** One file ready to send: its bytes in memory, or an open channel on a large file. */
  private record Body(
      String contentType,
      String cacheControl,
      String etag,
      boolean gzipped,
      long size,
      byte[] bytes,
      FileChannel channel)
      implements AutoCloseable {

    static Body inMemory(String name, byte[] bytes, String cacheControl) {
      boolean gzipped =
          MediaTypes.mayBeGzipped(name) && MediaTypes.startsLikeGzip(bytes, bytes.length);
      return new Body(
          MediaTypes.of(name),
          cacheControl,
          EntityTags.of(bytes),
          gzipped,
          bytes.length,
          bytes,
          null);
    }

    void write(OutputStream out, long first, long length) throws IOException {
      if (bytes != null) {
        out.write(bytes, (int) first, (int) length);
        return;
      }
      ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(1 << 16, length));
      long position = first;
      long end = first + length;
      while (position < end) {
        buffer.clear().limit((int) Math.min(buffer.capacity(), end - position));
        int read = channel.read(buffer, position);
        if (read < 0) throw new EOFException("the file shrank while it was sent");
        out.write(buffer.array(), 0, read);
        position += read;
      }
    }

    @Override
    public void close() throws IOException {
      if (channel != null) channel.close();
    }
  }
}
