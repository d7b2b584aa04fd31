package org.crowdhex.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.crowdhex.serve.TileFolder.WINDOW;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import org.crowdhex.serve.RawHttp.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server as a map client meets it: types, tags, ranges, CORS and not-found answers. */
class TileServerTest {
  @TempDir Path temp;

  private TileFolder folder;
  private TileServer server;
  private int port;

  @BeforeEach
  void start() throws IOException {
    folder = new TileFolder(temp);
    server = new TileServer(ServeConfig.local(folder.dir, 0), noViewer());
    server.start();
    port = server.port();
  }

  @AfterEach
  void stop() {
    server.stop();
  }

  static ViewerAssets noViewer() {
    return new ViewerAssets(new URLClassLoader(new URL[0], null), "viewer/");
  }

  private Response get(String target, String... headers) throws IOException {
    return RawHttp.get(port, target, headers);
  }

  @Test
  void servesEachKindOfFileWithItsTypeAndExactBytes() throws IOException {
    Response png = get("/tiles/" + WINDOW + "/14/8414/5384.png");
    assertThat(png.status()).isEqualTo(200);
    assertThat(png.header("Content-Type")).isEqualTo("image/png");
    assertThat(png.header("Content-Length")).isEqualTo(String.valueOf(folder.png.length));
    assertThat(png.body()).isEqualTo(folder.png);

    Response mvt = get("/tiles/" + WINDOW + "/14/8414/5384.mvt");
    assertThat(mvt.header("Content-Type")).isEqualTo("application/vnd.mapbox-vector-tile");
    assertThat(mvt.header("Content-Encoding")).isNull();
    assertThat(mvt.body()).isEqualTo(folder.mvt);

    Response manifest = get("/manifest.json");
    assertThat(manifest.header("Content-Type")).isEqualTo("application/json");
    assertThat(manifest.body()).isEqualTo(folder.manifest());
    assertThat(get("/tiles/manifest.json").body()).isEqualTo(folder.manifest());

    Response tileJson = get("/tiles/" + WINDOW + "/tiles.json");
    assertThat(tileJson.header("Content-Type")).isEqualTo("application/json");
    assertThat(tileJson.text()).contains("\"tilejson\":\"3.0.0\"");

    Response pmtiles = get("/tiles/" + WINDOW + ".pmtiles");
    assertThat(pmtiles.header("Content-Type")).isEqualTo("application/vnd.pmtiles");
    assertThat(pmtiles.header("Content-Encoding")).isNull();
    assertThat(pmtiles.body()).isEqualTo(folder.smallPmtiles);

    Response large = get("/tiles/" + WINDOW + "-r1.pmtiles");
    assertThat(large.header("Content-Length"))
        .isEqualTo(String.valueOf(folder.largePmtiles.length));
    assertThat(large.body()).isEqualTo(folder.largePmtiles);

    Response venues = get("/tiles/venues.geojson");
    assertThat(venues.header("Content-Type")).isEqualTo("application/geo+json");
  }

  @Test
  void aTileStoredGzippedSaysSoAndIsSentAsStored() throws IOException {
    Response r = get("/tiles/" + WINDOW + "/14/8414/5385.mvt");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.header("Content-Encoding")).isEqualTo("gzip");
    assertThat(r.header("Content-Type")).isEqualTo("application/vnd.mapbox-vector-tile");
    assertThat(r.body()).isEqualTo(folder.mvtGzipped);
    // A PNG never gets an encoding, whatever its bytes.
    assertThat(get("/tiles/" + WINDOW + "/14/8414/5384.png").header("Content-Encoding")).isNull();
  }

  @Test
  void anEmptyFileIsAnEmptyAnswer() throws IOException {
    Response r = get("/tiles/" + WINDOW + "/14/8414/5386.png");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.header("Content-Length")).isEqualTo("0");
    assertThat(r.header("Transfer-Encoding")).isNull();
    assertThat(r.body()).isEmpty();
  }

  @Test
  void windowFilesAreImmutableAndTheManifestShortLived() throws IOException {
    assertThat(get("/tiles/" + WINDOW + "/14/8414/5384.png").header("Cache-Control"))
        .isEqualTo("public, max-age=31536000, immutable");
    assertThat(get("/tiles/" + WINDOW + "/tiles.json").header("Cache-Control"))
        .isEqualTo("public, max-age=31536000, immutable");
    assertThat(get("/tiles/" + WINDOW + ".pmtiles").header("Cache-Control"))
        .isEqualTo("public, max-age=31536000, immutable");
    assertThat(get("/tiles/" + WINDOW + "-r1.pmtiles").header("Cache-Control"))
        .isEqualTo("public, max-age=31536000, immutable");
    assertThat(get("/manifest.json").header("Cache-Control")).isEqualTo("public, max-age=5");
    assertThat(get("/tiles/venues.geojson").header("Cache-Control")).isEqualTo("public, max-age=5");
  }

  @Test
  void theEtagIsStrongStableAndAnswersIfNoneMatchWith304() throws IOException {
    String path = "/tiles/" + WINDOW + "/14/8414/5384.png";
    String etag = get(path).header("ETag");
    assertThat(etag).matches("\"[0-9a-f]{32}\"");
    assertThat(get(path).header("ETag")).isEqualTo(etag);

    Response notModified = get(path, "If-None-Match: " + etag);
    assertThat(notModified.status()).isEqualTo(304);
    assertThat(notModified.body()).isEmpty();
    assertThat(notModified.header("ETag")).isEqualTo(etag);
    assertThat(notModified.header("Cache-Control"))
        .isEqualTo("public, max-age=31536000, immutable");
    assertThat(notModified.header("Access-Control-Allow-Origin")).isEqualTo("*");

    assertThat(get(path, "If-None-Match: \"other\", " + etag).status()).isEqualTo(304);
    assertThat(get(path, "If-None-Match: W/" + etag).status()).isEqualTo(304);
    assertThat(get(path, "If-None-Match: *").status()).isEqualTo(304);
    assertThat(get(path, "If-None-Match: \"other\"").status()).isEqualTo(200);
    // A tag is tied to the content, not the path.
    assertThat(get("/tiles/" + WINDOW + "/14/8414/5384.mvt").header("ETag")).isNotEqualTo(etag);
  }

  @Test
  void largeFilesHaveStableTagsToo() throws IOException {
    String path = "/tiles/" + WINDOW + "-r1.pmtiles";
    String etag = get(path, "Range: bytes=0-15").header("ETag");
    assertThat(etag).matches("\"[0-9a-f]{32}\"");
    assertThat(get(path).header("ETag")).isEqualTo(etag);
    Response notModified = get(path, "If-None-Match: " + etag);
    assertThat(notModified.status()).isEqualTo(304);
    assertThat(notModified.body()).isEmpty();
  }

  @Test
  void aRewrittenManifestGetsANewTag() throws IOException {
    String before = get("/manifest.json").header("ETag");
    folder.writeManifest("{\"windows\":[\"" + WINDOW + "\",\"20260419T1420Z\"]}");
    Response after = get("/manifest.json", "If-None-Match: " + before);
    assertThat(after.status()).isEqualTo(200);
    assertThat(after.header("ETag")).isNotEqualTo(before);
    assertThat(after.text()).contains("20260419T1420Z");
  }

  @Test
  void rangesOfAnArchiveAreTheExactBytes() throws IOException {
    for (String name : new String[] {WINDOW + ".pmtiles", WINDOW + "-r1.pmtiles"}) {
      String path = "/tiles/" + name;
      byte[] file = Files.readAllBytes(folder.dir.resolve(name));
      int size = file.length;

      Response middle = get(path, "Range: bytes=100-227");
      assertThat(middle.status()).isEqualTo(206);
      assertThat(middle.header("Content-Range")).isEqualTo("bytes 100-227/" + size);
      assertThat(middle.header("Content-Length")).isEqualTo("128");
      assertThat(middle.body()).isEqualTo(Arrays.copyOfRange(file, 100, 228));
      assertThat(middle.header("Content-Type")).isEqualTo("application/vnd.pmtiles");

      Response open = get(path, "Range: bytes=" + (size - 300) + "-");
      assertThat(open.status()).isEqualTo(206);
      assertThat(open.header("Content-Range"))
          .isEqualTo("bytes " + (size - 300) + "-" + (size - 1) + "/" + size);
      assertThat(open.body()).isEqualTo(Arrays.copyOfRange(file, size - 300, size));

      Response suffix = get(path, "Range: bytes=-50");
      assertThat(suffix.status()).isEqualTo(206);
      assertThat(suffix.header("Content-Range"))
          .isEqualTo("bytes " + (size - 50) + "-" + (size - 1) + "/" + size);
      assertThat(suffix.header("Content-Length")).isEqualTo("50");
      assertThat(suffix.body()).isEqualTo(Arrays.copyOfRange(file, size - 50, size));

      Response header = get(path, "Range: bytes=0-126");
      assertThat(header.body()).isEqualTo(Arrays.copyOfRange(file, 0, 127));

      Response pastTheEnd = get(path, "Range: bytes=" + (size - 10) + "-" + (size + 1000));
      assertThat(pastTheEnd.status()).isEqualTo(206);
      assertThat(pastTheEnd.body()).isEqualTo(Arrays.copyOfRange(file, size - 10, size));

      Response beyond = get(path, "Range: bytes=" + size + "-");
      assertThat(beyond.status()).isEqualTo(416);
      assertThat(beyond.header("Content-Range")).isEqualTo("bytes */" + size);
      assertThat(beyond.header("Access-Control-Allow-Origin")).isEqualTo("*");

      Response several = get(path, "Range: bytes=0-9, 20-29");
      assertThat(several.status()).isEqualTo(200);
      assertThat(several.body()).isEqualTo(file);

      Response head = RawHttp.request(port, "HEAD", path);
      assertThat(head.status()).isEqualTo(200);
      assertThat(head.header("Content-Length")).isEqualTo(String.valueOf(size));
      assertThat(head.header("Accept-Ranges")).isEqualTo("bytes");
      assertThat(head.header("ETag")).isEqualTo(middle.header("ETag"));
      assertThat(head.body()).isEmpty();
    }
  }

  @Test
  void ifRangeLetsARangeThroughOnlyForTheSameFile() throws IOException {
    String path = "/tiles/" + WINDOW + ".pmtiles";
    String etag = get(path).header("ETag");
    assertThat(get(path, "Range: bytes=0-9", "If-Range: " + etag).status()).isEqualTo(206);
    Response changed = get(path, "Range: bytes=0-9", "If-Range: \"0123\"");
    assertThat(changed.status()).isEqualTo(200);
    assertThat(changed.body()).isEqualTo(folder.smallPmtiles);
  }

  @Test
  void malformedRangesAreIgnored() throws IOException {
    String path = "/tiles/" + WINDOW + ".pmtiles";
    for (String range : new String[] {"bytes=9-3", "bytes=a-b", "items=0-9", "bytes=", "bytes=5"}) {
      Response r = get(path, "Range: " + range);
      assertThat(r.status()).as(range).isEqualTo(200);
      assertThat(r.body()).as(range).isEqualTo(folder.smallPmtiles);
    }
  }

  @Test
  void corsHeadersAreOnEveryAnswer() throws IOException {
    String tile = "/tiles/" + WINDOW + "/14/8414/5384.png";
    for (Response r :
        new Response[] {
          get(tile),
          get("/tiles/" + WINDOW + ".pmtiles", "Range: bytes=0-9"),
          get("/tiles/" + WINDOW + "/14/8414/9999.png"),
          get("/tiles/%2e%2e/secret.txt")
        }) {
      assertThat(r.header("Access-Control-Allow-Origin")).isEqualTo("*");
      assertThat(r.header("Access-Control-Expose-Headers"))
          .isEqualTo("ETag, Content-Range, Content-Length, Accept-Ranges");
      assertThat(r.header("Accept-Ranges")).isEqualTo("bytes");
    }

    Response preflight =
        RawHttp.request(
            port,
            "OPTIONS",
            tile,
            "Origin: https://maps.example.org",
            "Access-Control-Request-Method: GET",
            "Access-Control-Request-Headers: range");
    assertThat(preflight.status()).isEqualTo(204);
    assertThat(preflight.header("Access-Control-Allow-Origin")).isEqualTo("*");
    assertThat(preflight.header("Access-Control-Allow-Methods")).isEqualTo("GET, HEAD, OPTIONS");
    assertThat(preflight.header("Access-Control-Allow-Headers"))
        .contains("Range", "If-None-Match", "Authorization");
    assertThat(preflight.header("Access-Control-Max-Age")).isEqualTo("86400");
    assertThat(preflight.body()).isEmpty();
  }

  @Test
  void missingTilesAndFoldersAre404NeverListed() throws IOException {
    for (String path :
        new String[] {
          "/tiles/" + WINDOW + "/14/8414/9999.png",
          "/tiles/20991231T0000Z/0/0/0.mvt",
          "/tiles/" + WINDOW,
          "/tiles/" + WINDOW + "/",
          "/tiles/" + WINDOW + "/14",
          "/tiles/",
          "/tiles",
          "/manifest.json/",
          "/tiles/.manifest.json.tmp",
          "/tiles/nothing.pmtiles",
          "/favicon.ico"
        }) {
      Response r = get(path);
      assertThat(r.status()).as(path).isEqualTo(404);
      assertThat(r.header("Content-Type")).as(path).isEqualTo("text/plain; charset=utf-8");
      assertThat(r.text()).as(path).isEqualTo("not found\n");
      Response head = RawHttp.request(port, "HEAD", path);
      assertThat(head.status()).as(path).isEqualTo(404);
      assertThat(head.body()).as(path).isEmpty();
    }
  }

  @Test
  void otherMethodsAre405WithAllow() throws IOException {
    for (String method : new String[] {"POST", "PUT", "DELETE", "PATCH"}) {
      Response r = RawHttp.request(port, method, "/manifest.json", "Content-Length: 0");
      assertThat(r.status()).as(method).isEqualTo(405);
      assertThat(r.header("Allow")).isEqualTo("GET, HEAD, OPTIONS");
      assertThat(r.header("Access-Control-Allow-Origin")).isEqualTo("*");
    }
  }

  @Test
  void withoutABundledViewerTheRootSaysSo() throws IOException {
    Response r = get("/");
    assertThat(r.status()).isEqualTo(404);
    assertThat(r.text()).contains("viewer is not bundled");
  }

  @Test
  void servesTheViewerFromTheClassPath() throws Exception {
    Path classes = temp.resolve("classes");
    Files.createDirectories(classes.resolve("viewer/assets"));
    Files.writeString(classes.resolve("viewer/index.html"), "<!doctype html><title>map</title>");
    Files.writeString(classes.resolve("viewer/assets/app.js"), "console.log('map');");
    Files.writeString(classes.resolve("viewer/assets/app.css"), "body{margin:0}");
    try (var loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, null);
        TileServer withViewer =
            new TileServer(ServeConfig.local(folder.dir, 0), new ViewerAssets(loader, "viewer/"))) {
      withViewer.start();
      int p = withViewer.port();
      Response index = RawHttp.get(p, "/");
      assertThat(index.status()).isEqualTo(200);
      assertThat(index.header("Content-Type")).isEqualTo("text/html; charset=utf-8");
      assertThat(index.header("Cache-Control")).isEqualTo("public, max-age=60");
      assertThat(index.text()).contains("<title>map</title>");
      assertThat(RawHttp.get(p, "/index.html").status()).isEqualTo(200);
      Response js = RawHttp.get(p, "/assets/app.js");
      assertThat(js.header("Content-Type")).isEqualTo("text/javascript");
      assertThat(js.text()).isEqualTo("console.log('map');");
      assertThat(RawHttp.get(p, "/assets/app.css").header("Content-Type")).isEqualTo("text/css");
      assertThat(RawHttp.get(p, "/assets").status()).isEqualTo(404);
      assertThat(RawHttp.get(p, "/assets/").status()).isEqualTo(404);
      assertThat(RawHttp.get(p, "/assets/none.js").status()).isEqualTo(404);
      String etag = js.header("ETag");
      assertThat(RawHttp.get(p, "/assets/app.js", "If-None-Match: " + etag).status())
          .isEqualTo(304);
    }
  }

  @Test
  void listensOnLoopbackByDefault() throws IOException {
    assertThat(ServeConfig.local(folder.dir, 0).bind()).isEqualTo("127.0.0.1");
    assertThat(server.address().getAddress().getHostAddress()).isEqualTo("127.0.0.1");
    assertThat(server.exposed()).isFalse();
    assertThat(server.url().toString()).isEqualTo("http://127.0.0.1:" + port + "/");
  }

  @Test
  void refusesAMissingFolderAtStart() {
    TileServer missing = new TileServer(ServeConfig.local(temp.resolve("nowhere"), 0));
    assertThatThrownBy(missing::start).isInstanceOf(NoSuchFileException.class);
  }

  @Test
  void theConfigNeverPrintsItsToken() {
    ServeConfig config = new ServeConfig(folder.dir, "127.0.0.1", 0, "s3cr3t-token");
    assertThat(config.toString()).doesNotContain("s3cr3t-token").contains("token=set");
  }
}
