package org.crowdhex.serve;

import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The viewer's files, read from the class path under one prefix ({@code viewer/} in the jar).
 *
 * <p>The viewer is built separately and may be missing from a build; then every lookup comes back
 * empty and the server says so instead of failing.
 */
final class ViewerAssets {
  static final String INDEX = "index.html";

  private final ClassLoader loader;
  private final String prefix;

  ViewerAssets(ClassLoader loader, String prefix) {
    this.loader = loader;
    this.prefix = prefix.endsWith("/") ? prefix : prefix + "/";
  }

  /** The viewer bundled with this build, if any. */
  static ViewerAssets bundled() {
    return new ViewerAssets(ViewerAssets.class.getClassLoader(), "viewer/");
  }

  boolean bundled(String relative) {
    return loader.getResource(prefix + relative) != null;
  }

  /**
   * The bytes of one asset; empty when there is no such asset or it is a folder (class paths list
   * folders as resources too, and we do not list folders).
   */
  Optional<byte[]> read(String relative) throws IOException {
    URL url = loader.getResource(prefix + relative);
    if (url == null) return Optional.empty();
    if (url.getProtocol().equals("file")) {
      Path file;
      try {
        file = Path.of(url.toURI());
      } catch (URISyntaxException | IllegalArgumentException e) {
        return Optional.empty();
      }
      return Files.isRegularFile(file) ? Optional.of(Files.readAllBytes(file)) : Optional.empty();
    }
    URLConnection connection = url.openConnection();
    if (connection instanceof JarURLConnection jar) {
      // A jar answers a folder name with its folder entry, whose stream is empty.
      if (jar.getJarEntry() == null || jar.getJarEntry().isDirectory()) return Optional.empty();
    }
    try (InputStream in = connection.getInputStream()) {
      return Optional.of(in.readAllBytes());
    }
  }
}
