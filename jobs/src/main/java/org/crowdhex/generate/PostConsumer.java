package org.crowdhex.generate;

import java.io.IOException;
import org.crowdhex.post.Post;

/** Receives the posts of a synthetic stream one by one, in delivery order. */
@FunctionalInterface
public interface PostConsumer {
  void accept(Post post) throws IOException;
}
