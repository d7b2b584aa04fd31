package org.crowdhex.generate;

import java.util.Arrays;
import org.crowdhex.post.Post;

/**
 * Posts waiting for their delivery time: a binary min-heap on (delivery time, arrival order).
 *
 * <p>A post is delivered at its event time plus a device delay of at most the spec's maximum
 * disorder. Posts enter in event-time order and a post is released only once no later-generated
 * post can be delivered before it, so the output is ordered by delivery time and any post appears
 * at most the maximum disorder after a post with a later event time. Ties go to the post that
 * entered first, which keeps the order deterministic. The heap holds only the posts of the last few
 * seconds, whatever the length of the run.
 */
final class DeliveryQueue {
  private long[] delivery = new long[1024];
  private long[] arrival = new long[1024];
  private Post[] posts = new Post[1024];
  private byte[] kinds = new byte[1024];
  private int size;
  private long arrivals;
  private byte lastKind;

  void push(long deliveryMillis, Post post, PostKind kind) {
    if (size == delivery.length) {
      int c = size * 2;
      delivery = Arrays.copyOf(delivery, c);
      arrival = Arrays.copyOf(arrival, c);
      posts = Arrays.copyOf(posts, c);
      kinds = Arrays.copyOf(kinds, c);
    }
    int i = size++;
    long seq = arrivals++;
    while (i > 0) {
      int parent = (i - 1) >>> 1;
      if (!before(deliveryMillis, seq, delivery[parent], arrival[parent])) {
        break;
      }
      move(parent, i);
      i = parent;
    }
    set(i, deliveryMillis, seq, post, kind.code());
  }

  /** Whether the next post to deliver is due strictly before {@code limitMillis}. */
  boolean dueBefore(long limitMillis) {
    return size > 0 && delivery[0] < limitMillis;
  }

  boolean isEmpty() {
    return size == 0;
  }

  /** Removes and returns the next post; its kind is then available from {@link #lastKind()}. */
  Post pop() {
    Post top = posts[0];
    lastKind = kinds[0];
    int last = --size;
    long d = delivery[last];
    long s = arrival[last];
    Post p = posts[last];
    byte k = kinds[last];
    posts[last] = null;
    int i = 0;
    while (true) {
      int child = 2 * i + 1;
      if (child >= size) {
        break;
      }
      if (child + 1 < size
          && before(delivery[child + 1], arrival[child + 1], delivery[child], arrival[child])) {
        child++;
      }
      if (!before(delivery[child], arrival[child], d, s)) {
        break;
      }
      move(child, i);
      i = child;
    }
    if (size > 0) {
      set(i, d, s, p, k);
    }
    return top;
  }

  PostKind lastKind() {
    return PostKind.VALUES[lastKind];
  }

  private static boolean before(long d1, long s1, long d2, long s2) {
    return d1 < d2 || (d1 == d2 && s1 < s2);
  }

  private void move(int from, int to) {
    delivery[to] = delivery[from];
    arrival[to] = arrival[from];
    posts[to] = posts[from];
    kinds[to] = kinds[from];
  }

  private void set(int i, long d, long s, Post p, byte k) {
    delivery[i] = d;
    arrival[i] = s;
    posts[i] = p;
    kinds[i] = k;
  }
}
