package org.crowdhex.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class RequestPathTest {
  @Test
  void decodesEachSegmentOnce() throws Exception {
    RequestPath p = RequestPath.parse("/tiles/20260419T1415Z/a%20b/%252e.png");
    assertThat(p.segments()).containsExactly("tiles", "20260419T1415Z", "a b", "%2e.png");
    assertThat(p.directory()).isFalse();
    assertThat(RequestPath.parse("/").segments()).isEmpty();
    assertThat(RequestPath.parse("/tiles/").directory()).isTrue();
    assertThat(RequestPath.parse("/caf%C3%A9").segments()).containsExactly("café");
    // A raw UTF-8 byte arrives as one Latin-1 character and is decoded with its neighbours.
    assertThat(RequestPath.parse("/caf\u00c3\u00a9").segments()).containsExactly("café");
  }

  @Test
  void refusesEverySpellingOfClimbingOut() {
    for (String raw :
        List.of(
            "/..",
            "/../x",
            "/a/../x",
            "/a/%2e%2e/x",
            "/a/%2E%2e/x",
            "/a/.%2E/x",
            "/a/./x",
            "/a/..%2fx",
            "/a/%2f../x",
            "/a/%2F",
            "/a//x",
            "//etc/passwd",
            "/a\\..\\x",
            "/a/%5c..%5cx",
            "/a/%00",
            "/a/x%0a",
            "/a/%c0%ae%c0%ae",
            "/C:/x",
            "a/b",
            "",
            "/a/%",
            "/a/%g0",
            "/a/%e9")) {
      assertThatThrownBy(() -> RequestPath.parse(raw))
          .as(raw)
          .isInstanceOf(RequestPath.Refused.class);
    }
  }

  @Test
  void hiddenFilesAreKnown() throws Exception {
    assertThat(RequestPath.parse("/tiles/.manifest.json.tmp").hidden()).isTrue();
    assertThat(RequestPath.parse("/tiles/....").hidden()).isTrue();
    assertThat(RequestPath.parse("/tiles/a.b").hidden()).isFalse();
  }

  @Test
  void theRawPathKeepsADoubleSlashInView() {
    assertThat(RequestPath.rawPath(URI.create("//etc/passwd"))).isEqualTo("//etc/passwd");
    assertThat(RequestPath.rawPath(URI.create("/a%2fb?x=/..#y"))).isEqualTo("/a%2fb");
    assertThat(RequestPath.rawPath(URI.create("http://host/a/%2e%2e"))).isEqualTo("/a/%2e%2e");
    assertThat(RequestPath.rawPath(URI.create("http://host"))).isEqualTo("/");
  }
}
