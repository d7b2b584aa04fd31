package org.crowdhex.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The local broker formats its storage once, with a new cluster id drawn by {@code
 * docker/local/common.sh}. The format tool reads an argument that begins with "-" as an option and
 * refuses to start, so one draw in 64 used to break {@code kafka start}; every id must be 16 bytes
 * in URL-safe base64 without padding, and none may begin with "-".
 */
class ClusterIdTest {
  /** With one draw in 64 beginning with "-", 600 draws miss one with a chance below 1 in 10,000. */
  private static final int DRAWS = 600;

  @Test
  void newClusterIdsAreSixteenBytesAndNeverLookLikeAnOption() throws Exception {
    String out =
        Repo.runOk(
            List.of(
                "bash",
                "-c",
                ". docker/local/common.sh; for _ in $(seq " + DRAWS + "); do new_cluster_id; done"),
            Map.of(),
            120);
    List<String> ids = out.lines().toList();
    assertThat(ids).hasSize(DRAWS).doesNotHaveDuplicates();
    for (String id : ids) {
      assertThat(id).as("a cluster id").matches("[A-Za-z0-9_][A-Za-z0-9_-]{21}");
      assertThat(Base64.getUrlDecoder().decode(id)).as(id).hasSize(16);
    }
  }
}
