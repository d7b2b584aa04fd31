package org.crowdhex.serve;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Serves a tile folder over HTTP: the manifest of windows, each window's <a
 * href="https://github.com/mapbox/tilejson-spec/tree/master/3.0.0">TileJSON 3.0</a>, PNG and vector
 * tiles, PMTiles archives with byte ranges (<a
 * href="https://www.rfc-editor.org/rfc/rfc9110#section-14">RFC 9110 section 14</a>), strong ETags
 * with conditional requests (<a href="https://www.rfc-editor.org/rfc/rfc9110#section-13">section
 * 13</a>), CORS, and the bundled viewer. See the package documentation for the caching and token
 * policy.
 *
 * <p>Used by {@code crowdhex serve}, and by anything else that wants to show a run's tiles in a
 * browser. Listens on {@link ServeConfig#LOOPBACK} unless configured otherwise.
 *
 * <pre>{@code
 * try (TileServer server = new TileServer(ServeConfig.local(tiles, 0))) {
 *   server.start();
 *   System.out.println(server.url());
 *   server.awaitStop();
 * }
 * }</pre>
 */
public final class TileServer implements AutoCloseable {
  /** Connections waiting for a worker beyond this many are served on the accepting thread. */
  private static final int QUEUE = 256;

  private final ServeConfig config;
  private final ViewerAssets viewer;
  private final CountDownLatch stopped = new CountDownLatch(1);
  private HttpServer server;
  private ThreadPoolExecutor executor;

  public TileServer(ServeConfig config) {
    this(config, ViewerAssets.bundled());
  }

  TileServer(ServeConfig config, ViewerAssets viewer) {
    this.config = config;
    this.viewer = viewer;
  }

  /**
   * Starts listening.
   *
   * @throws java.nio.file.NoSuchFileException if the tile folder does not exist
   * @throws NotDirectoryException if the tile folder is a file
   * @throws java.net.BindException if the address and port cannot be had
   * @throws IllegalStateException if the server was started before
   */
  public synchronized void start() throws IOException {
    if (server != null || stopped.getCount() == 0) {
      throw new IllegalStateException("a tile server starts once");
    }
    Path root = config.tiles().toRealPath();
    if (!Files.isDirectory(root)) throw new NotDirectoryException(config.tiles().toString());
    InetAddress address = InetAddress.getByName(config.bind());
    int threads = Math.max(4, Math.min(32, 2 * Runtime.getRuntime().availableProcessors()));
    ThreadPoolExecutor pool =
        new ThreadPoolExecutor(
            threads,
            threads,
            30,
            TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(QUEUE),
            daemonThreads(),
            // Slowing down the accepting thread pushes back on clients instead of dropping them.
            new ThreadPoolExecutor.CallerRunsPolicy());
    pool.allowCoreThreadTimeOut(true);
    try {
      HttpServer s = HttpServer.create(new InetSocketAddress(address, config.port()), 0);
      s.createContext("/", new TileHandler(root, config.token(), viewer));
      s.setExecutor(pool);
      s.start();
      server = s;
      executor = pool;
    } catch (IOException | RuntimeException e) {
      pool.shutdownNow();
      throw e;
    }
  }

  /** The port listened on: the configured one, or the one picked when it was 0. */
  public synchronized int port() {
    return address().getPort();
  }

  /** The address and port listened on. */
  public synchronized InetSocketAddress address() {
    if (server == null) throw new IllegalStateException("the tile server is not started");
    return server.getAddress();
  }

  /**
   * The address to open in a browser on this machine: the bound address, or the loopback address
   * when bound to all addresses.
   */
  public URI url() {
    InetSocketAddress bound = address();
    InetAddress host =
        bound.getAddress().isAnyLocalAddress()
            ? InetAddress.getLoopbackAddress()
            : bound.getAddress();
    String literal = host.getHostAddress();
    if (host instanceof Inet6Address) {
      int zone = literal.indexOf('%');
      literal = "[" + (zone < 0 ? literal : literal.substring(0, zone)) + "]";
    }
    return URI.create("http://" + literal + ":" + bound.getPort() + "/");
  }

  /** Whether other machines may reach the server: it listens on more than loopback. */
  public boolean exposed() {
    return !address().getAddress().isLoopbackAddress();
  }

  /** Stops listening and drops open connections; answers in progress are cut. Idempotent. */
  public synchronized void stop() {
    if (server != null) {
      server.stop(0);
      executor.shutdownNow();
    }
    stopped.countDown();
  }

  /** Waits until {@link #stop()} is called, by another thread or a shutdown hook. */
  public void awaitStop() throws InterruptedException {
    stopped.await();
  }

  @Override
  public void close() {
    stop();
  }

  private static ThreadFactory daemonThreads() {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      // Daemon threads: a worker stuck on a slow client must not hold up the JVM's exit.
      Thread t = new Thread(r, "crowdhex-serve-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
