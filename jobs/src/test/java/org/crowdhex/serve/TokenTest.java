package org.crowdhex.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.crowdhex.serve.RawHttp.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** With a token set, data needs it; preflights and the viewer page do not. */
class TokenTest {
  private static final String TOKEN = "correct-horse-battery-staple";

  @TempDir Path temp;

  private TileServer server;
  private int port;

  @BeforeEach
  void start() throws IOException {
    TileFolder folder = new TileFolder(temp);
    server =
        new TileServer(
            new ServeConfig(folder.dir, ServeConfig.LOOPBACK, 0, TOKEN), TileServerTest.noViewer());
    server.start();
    port = server.port();
  }

  @AfterEach
  void stop() {
    server.stop();
  }

  @Test
  void dataNeedsTheRightToken() throws IOException {
    for (String path :
        new String[] {
          "/manifest.json",
          "/tiles/" + TileFolder.WINDOW + "/14/8414/5384.png",
          "/tiles/" + TileFolder.WINDOW + ".pmtiles",
          "/tiles/nothing-here.png"
        }) {
      Response none = RawHttp.get(port, path);
      assertThat(none.status()).as(path).isEqualTo(401);
      assertThat(none.header("WWW-Authenticate")).isEqualTo("Bearer realm=\"crowdhex\"");
      assertThat(none.header("Access-Control-Allow-Origin")).isEqualTo("*");
      assertThat(none.text()).doesNotContain(TOKEN);

      Response wrong = RawHttp.get(port, path, "Authorization: Bearer not-" + TOKEN);
      assertThat(wrong.status()).as(path).isEqualTo(401);
      assertThat(wrong.header("WWW-Authenticate")).contains("invalid_token");

      assertThat(RawHttp.get(port, path, "Authorization: Basic " + TOKEN).status()).isEqualTo(401);
      assertThat(RawHttp.request(port, "HEAD", path).status()).isEqualTo(401);
    }
    assertThat(RawHttp.get(port, "/manifest.json", "Authorization: Bearer " + TOKEN).status())
        .isEqualTo(200);
    assertThat(RawHttp.get(port, "/manifest.json", "Authorization: bearer " + TOKEN).status())
        .isEqualTo(200);
    Response range =
        RawHttp.get(
            port,
            "/tiles/" + TileFolder.WINDOW + ".pmtiles",
            "Authorization: Bearer " + TOKEN,
            "Range: bytes=0-6");
    assertThat(range.status()).isEqualTo(206);
    assertThat(range.text()).isEqualTo("PMTiles");
    // With the token, a missing tile is an honest 404.
    assertThat(
            RawHttp.get(port, "/tiles/nothing-here.png", "Authorization: Bearer " + TOKEN).status())
        .isEqualTo(404);
  }

  @Test
  void preflightsAndTheViewerPageArePublic() throws IOException {
    Response preflight =
        RawHttp.request(
            port,
            "OPTIONS",
            "/manifest.json",
            "Origin: https://maps.example.org",
            "Access-Control-Request-Method: GET",
            "Access-Control-Request-Headers: authorization");
    assertThat(preflight.status()).isEqualTo(204);
    assertThat(preflight.header("Access-Control-Allow-Headers")).contains("Authorization");
    // No viewer in this build: a 404 that says so, not a 401.
    Response root = RawHttp.get(port, "/");
    assertThat(root.status()).isEqualTo(404);
    assertThat(root.text()).contains("viewer is not bundled");
  }
}
