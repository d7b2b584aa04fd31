package org.crowdhex.generate;

/** Why a post exists in the synthetic stream; counted separately in the ground truth. */
enum PostKind {
  BACKGROUND,
  MATCH,
  BOT,
  /** A post of a flash crowd, march or build-up. */
  SCENARIO,
  /** A re-delivered copy of a post already emitted. */
  DUPLICATE;

  static final PostKind[] VALUES = values();

  byte code() {
    return (byte) ordinal();
  }
}
