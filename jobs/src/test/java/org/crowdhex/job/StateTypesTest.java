package org.crowdhex.job;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.java.typeutils.GenericTypeInfo;
import org.apache.flink.api.java.typeutils.PojoTypeInfo;
import org.crowdhex.baseline.OnlineBaseline;
import org.crowdhex.baseline.VolumeScaler;
import org.crowdhex.disclosure.FamilyTally;
import org.crowdhex.flow.EdgeMove;
import org.crowdhex.flow.FlowEdge;
import org.crowdhex.flow.FlowTally;
import org.crowdhex.flow.FlowWindow;
import org.crowdhex.flow.Move;
import org.crowdhex.flow.Sighting;
import org.crowdhex.flow.ZoneFlowWindow;
import org.crowdhex.flow.ZoneMove;
import org.crowdhex.flow.ZoneTally;
import org.crowdhex.hygiene.AuthorActivity;
import org.crowdhex.locate.LocatedPost;
import org.crowdhex.privacy.PseudonymousPost;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The records and states of the privacy, flow and detection stages take Flink's POJO serializer,
 * field by field, never the generic (Kryo) fallback: faster, and a state whose class changes can
 * evolve.
 */
class StateTypesTest {

  @ParameterizedTest
  @ValueSource(
      classes = {
        PseudonymousPost.class,
        LocatedPost.class,
        AuthorActivity.class,
        Sighting.class,
        Move.class,
        EdgeMove.class,
        ZoneMove.class,
        FlowEdge.class,
        FlowTally.class,
        ZoneTally.class,
        FamilyTally.class,
        FlowWindow.class,
        ZoneFlowWindow.class,
        OnlineBaseline.class,
        VolumeScaler.class
      })
  void isAPojoWithNoGenericField(Class<?> type) {
    TypeInformation<?> info = TypeInformation.of(type);

    assertThat(info).isInstanceOf(PojoTypeInfo.class);
    PojoTypeInfo<?> pojo = (PojoTypeInfo<?>) info;
    for (int i = 0; i < pojo.getArity(); i++) {
      assertThat(pojo.getTypeAt(i))
          .as(pojo.getPojoFieldAt(i).toString())
          .isNotInstanceOf(GenericTypeInfo.class);
    }
  }
}
