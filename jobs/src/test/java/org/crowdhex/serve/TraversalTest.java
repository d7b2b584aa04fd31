package org.crowdhex.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.crowdhex.serve.TileFolder.SECRET;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.crowdhex.serve.RawHttp.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Attempts to read a file beside the tile folder. Sent as raw request lines, because HTTP clients
 * would normalise the very paths under test.
 */
class TraversalTest {
  @TempDir Path temp;

  private TileFolder folder;
  private TileServer server;

  @BeforeEach
  void start() throws IOException {
    folder = new TileFolder(temp);
    server = new TileServer(ServeConfig.local(folder.dir, 0), TileServerTest.noViewer());
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/tiles/../secret.txt",
        "/tiles/%2e%2e/secret.txt",
        "/tiles/%2E%2e/secret.txt",
        "/tiles/%2E%2e%2fsecret.txt",
        "/tiles/..%2fsecret.txt",
        "/tiles/..%2Fsecret.txt",
        "/tiles/%2f../secret.txt",
        "/tiles/.%2e/secret.txt",
        "/tiles/....//secret.txt",
        "/tiles/..../secret.txt",
        "/tiles/./../secret.txt",
        "/tiles/" + TileFolder.WINDOW + "/../../secret.txt",
        "/tiles/%252e%252e/secret.txt",
        "//etc/passwd",
        "//secret.txt",
        "/tiles//etc/passwd",
        "/tiles/%2fetc%2fpasswd",
        "/tiles/%2Fetc/passwd",
        "/tiles/..\\secret.txt",
        "/tiles/..%5csecret.txt",
        "/tiles/%5c..%5csecret.txt",
        "/tiles/secret.txt%00.png",
        "/tiles/%00",
        "/tiles/%c0%ae%c0%ae/secret.txt",
        "/tiles/%e0%80%ae%e0%80%ae/secret.txt",
        "/tiles/C:/secret.txt",
        "/../secret.txt",
        "/%2e%2e/secret.txt",
        "/..%2fsecret.txt",
        "/..",
        "/tiles/..",
        "/tiles/%",
        "/tiles/%zz",
        "http://127.0.0.1/tiles/../secret.txt",
        "http://127.0.0.1//etc/passwd",
        "tiles/../secret.txt",
        "*"
      })
  void neverServesAFileOutsideTheFolder(String target) throws IOException {
    Response r = RawHttp.get(server.port(), target);
    assertThat(r.status()).as(target).isIn(400, 404);
    assertThat(r.text()).as(target).doesNotContain(SECRET);
  }

  @Test
  void rawControlBytesInTheRequestLineAreRefused() throws IOException {
    for (String bad : new String[] {"/tiles/secret.txt\u0000.png", "/tiles/..\u0000/secret.txt"}) {
      ByteArrayOutputStream request = new ByteArrayOutputStream();
      request.writeBytes(("GET " + bad + " HTTP/1.1\r\n").getBytes(StandardCharsets.ISO_8859_1));
      request.writeBytes("Host: 127.0.0.1\r\nConnection: close\r\n\r\n".getBytes());
      Response r = RawHttp.exchange(server.port(), request.toByteArray());
      assertThat(r.status()).isIn(400, 404);
      assertThat(r.text()).doesNotContain(SECRET);
    }
  }

  @Test
  void aSymbolicLinkOutOfTheFolderIsNotFollowed() throws IOException {
    Path link = folder.dir.resolve("link.json");
    Path dirLink = folder.dir.resolve(TileFolder.WINDOW + "-up");
    try {
      Files.createSymbolicLink(link, folder.parent.resolve("secret.txt"));
      Files.createSymbolicLink(dirLink, folder.parent);
    } catch (UnsupportedOperationException | IOException e) {
      Assumptions.abort("no symbolic links here: " + e);
      return;
    }
    for (String target :
        new String[] {"/tiles/link.json", "/tiles/" + TileFolder.WINDOW + "-up/secret.txt"}) {
      Response r = RawHttp.get(server.port(), target);
      assertThat(r.status()).as(target).isEqualTo(404);
      assertThat(r.text()).as(target).doesNotContain(SECRET);
    }
  }

  @Test
  void aSymbolicLinkWithinTheFolderIsFollowed() throws IOException {
    Path link = folder.dir.resolve("latest.pmtiles");
    try {
      Files.createSymbolicLink(link, Path.of(TileFolder.WINDOW + ".pmtiles"));
    } catch (UnsupportedOperationException | IOException e) {
      Assumptions.abort("no symbolic links here: " + e);
      return;
    }
    Response r = RawHttp.get(server.port(), "/tiles/latest.pmtiles");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.body()).isEqualTo(folder.smallPmtiles);
  }
}
