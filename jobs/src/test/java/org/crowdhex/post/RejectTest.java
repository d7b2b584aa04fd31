package org.crowdhex.post;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RejectTest {

  @Test
  void keepsTheOriginReasonFieldAndMessageButNotTheRawLine() {
    PostRejected e = new PostRejected(RejectReason.BAD_TIME, "time", "time is \"x\"; accepted: y");

    Reject r = Reject.of("posts.jsonl:3", e);

    assertThat(r)
        .isEqualTo(
            new Reject(
                "posts.jsonl:3", RejectReason.BAD_TIME, "time", "time is \"x\"; accepted: y"));
  }

  @Test
  void carriesNoStackTraceBecauseRejectsAreExpectedInput() {
    PostRejected e = new PostRejected(RejectReason.MALFORMED, null, "m");

    assertThat(e.getStackTrace()).isEmpty();
    assertThat(e.getCause()).isNull();
  }
}
