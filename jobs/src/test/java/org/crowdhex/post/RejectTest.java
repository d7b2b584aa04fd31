package org.crowdhex.post;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RejectTest {

  @Test
  void keepsTheReasonFieldMessageAndRawLineOfARejectedLine() {
    PostRejected e = new PostRejected(RejectReason.BAD_TIME, "time", "time is \"x\"; accepted: y");

    Reject r = Reject.of("posts.jsonl:3", e, "{\"time\": \"x\"}");

    assertThat(r)
        .isEqualTo(
            new Reject(
                "posts.jsonl:3",
                RejectReason.BAD_TIME,
                "time",
                "time is \"x\"; accepted: y",
                "{\"time\": \"x\"}"));
  }

  @Test
  void keepsOnlyTheStartOfAVeryLongLine() {
    PostRejected e = new PostRejected(RejectReason.MALFORMED, null, "m");

    Reject r = Reject.of("o", e, "a".repeat(Reject.MAX_LINE) + "b".repeat(1000));

    assertThat(r.line()).isEqualTo("a".repeat(Reject.MAX_LINE) + "…");
    assertThat(Reject.of("o", e, "a".repeat(Reject.MAX_LINE)).line()).hasSize(Reject.MAX_LINE);
    assertThat(Reject.of("o", e, null).line()).isEmpty();
  }

  @Test
  void carriesNoStackTraceBecauseRejectsAreExpectedInput() {
    PostRejected e = new PostRejected(RejectReason.MALFORMED, null, "m");

    assertThat(e.getStackTrace()).isEmpty();
    assertThat(e.getCause()).isNull();
  }
}
