package org.crowdhex.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** What the client makes of addresses and of the cluster's error texts. */
class FlinkRestTest {

  @Test
  void anAddressIsAnHttpUrlWithoutTrailingSlashes() {
    assertThat(FlinkRest.of("http://127.0.0.1:8081/").address()).isEqualTo("http://127.0.0.1:8081");
    assertThat(FlinkRest.of(" https://flink.example.org/proxy/ ").address())
        .isEqualTo("https://flink.example.org/proxy");
    assertThat(FlinkRest.of("http://h:8081").webUi("5f77259cefc71893fafe42b22883e6c2"))
        .isEqualTo("http://h:8081/#/job/running/5f77259cefc71893fafe42b22883e6c2/overview");
    for (String bad : new String[] {"127.0.0.1:8081", "ftp://h:21", "http://", "::"}) {
      assertThatThrownBy(() -> FlinkRest.of(bad))
          .isInstanceOf(ClusterException.class)
          .hasMessageStartingWith("--cluster is \"" + bad + "\"; accepted: the address of");
    }
  }

  @Test
  void theRootCauseIsTheInnermostCauseWithItsMessageLinesAndNoFrames() {
    String trace =
        """
        org.apache.flink.client.program.ProgramInvocationException: The main method caused an error
        \tat org.apache.flink.client.program.PackagedProgram.callMainMethod(PackagedProgram.java:1)
        Caused by: org.crowdhex.plan.PlanException: /p/plan.yaml: 2 problems
          - kafka.delivery is "twice"; accepted: exactly_once or at_least_once
          - checkpoints.interval is "0s"; accepted: a duration
        \tat org.crowdhex.plan.PlanReader.parse(PlanReader.java:1)
        \t... 3 more
        """;
    assertThat(FlinkRest.rootCause(trace))
        .isEqualTo(
            "PlanException: /p/plan.yaml: 2 problems\n"
                + "  - kafka.delivery is \"twice\"; accepted: exactly_once or at_least_once\n"
                + "  - checkpoints.interval is \"0s\"; accepted: a duration");
    assertThat(FlinkRest.rootCause("java.lang.IllegalStateException: once\n\tat a.B.c(B.java:1)"))
        .isEqualTo("IllegalStateException: once");
    assertThat(
            FlinkRest.rootCause(
                "x.Y: outer\nCaused by: org.crowdhex.job.kafka.KafkaSettings$SettingsException:"
                    + " kafka.bootstrap_servers is missing\n\tat a.b(C.java:1)"))
        .isEqualTo("KafkaSettings$SettingsException: kafka.bootstrap_servers is missing");
    assertThat(FlinkRest.rootCause("")).isEmpty();
  }

  @Test
  void jobIdsAre32HexDigits() {
    assertThat(FlinkRest.isJobId("5f77259cefc71893fafe42b22883e6c2")).isTrue();
    assertThat(FlinkRest.isJobId("5f77259cefc71893fafe42b22883e6c")).isFalse();
    assertThat(FlinkRest.isJobId("../../jars")).isFalse();
    assertThat(FlinkRest.isJobId(null)).isFalse();
  }
}
