package org.crowdhex.serve;

import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The path of a request, percent-decoded once into segments that are each safe to use as one file
 * name.
 *
 * <p>The checks are made on the segments of the raw path, before anything touches the file system,
 * so that no spelling of {@code ..} or of a slash (raw, percent-encoded, in any case) can reach a
 * file outside the served folder. Resolving symbolic links is the server's second line of defence,
 * not this one's job.
 *
 * @param segments the decoded segments, none empty, none {@code .} or {@code ..}, none holding a
 *     slash, backslash, colon or control character
 * @param directory whether the path ended in a slash, which names a folder
 */
record RequestPath(List<String> segments, boolean directory) {

  /** A path that no file name can match, said as a short reason for a 400 answer. */
  static final class Refused extends Exception {
    Refused(String reason) {
      super(reason);
    }
  }

  /**
   * The raw (still encoded) path of a request target: origin form as sent, or the path of an
   * absolute-form target.
   *
   * <p>{@link URI#getRawPath()} alone would read a target such as {@code //etc/passwd} as an
   * authority {@code etc} followed by {@code /passwd}; taking the target as sent keeps the double
   * slash in view, so that it can be refused.
   */
  static String rawPath(URI target) {
    String s = target.toString();
    if (s.startsWith("/")) {
      int end = s.length();
      int query = s.indexOf('?');
      if (query >= 0) end = query;
      int fragment = s.indexOf('#');
      if (fragment >= 0 && fragment < end) end = fragment;
      return s.substring(0, end);
    }
    if (target.isAbsolute() && !target.isOpaque()) {
      String p = target.getRawPath();
      return p == null || p.isEmpty() ? "/" : p;
    }
    return s;
  }

  static RequestPath parse(String rawPath) throws Refused {
    if (!rawPath.startsWith("/")) throw new Refused("the path does not start with /");
    String rest = rawPath.substring(1);
    if (rest.isEmpty()) return new RequestPath(List.of(), true);
    boolean directory = rest.endsWith("/");
    if (directory) rest = rest.substring(0, rest.length() - 1);
    List<String> segments = new ArrayList<>();
    for (String raw : rest.split("/", -1)) {
      if (raw.isEmpty()) throw new Refused("the path holds an empty segment (//)");
      String s = decode(raw);
      if (s.equals(".") || s.equals("..")) throw new Refused("the path holds . or ..");
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        if (c == '/' || c == '\\') throw new Refused("the path holds an encoded slash");
        if (c < 0x20 || c == 0x7f) throw new Refused("the path holds a control character");
        // A colon names a drive or a stream on some systems; no tile or asset has one.
        if (c == ':') throw new Refused("the path holds a colon");
      }
      segments.add(s);
    }
    return new RequestPath(List.copyOf(segments), directory);
  }

  /** Whether a segment names a hidden file, such as the temporary file of an atomic rewrite. */
  boolean hidden() {
    return segments.stream().anyMatch(s -> s.startsWith("."));
  }

  /** The segments joined with slashes. */
  String joined() {
    return String.join("/", segments);
  }

  /**
   * Percent-decodes one segment as UTF-8. The server reads the request line byte by byte, so a
   * character above U+007F here is one raw byte and is decoded together with the escapes.
   */
  private static String decode(String raw) throws Refused {
    byte[] bytes = new byte[raw.length()];
    int n = 0;
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c == '%') {
        if (i + 2 >= raw.length()) throw new Refused("the path holds a broken % escape");
        int hi = Character.digit(raw.charAt(i + 1), 16);
        int lo = Character.digit(raw.charAt(i + 2), 16);
        if (hi < 0 || lo < 0) throw new Refused("the path holds a broken % escape");
        bytes[n++] = (byte) (hi << 4 | lo);
        i += 2;
      } else if (c > 0xff) {
        throw new Refused("the path holds a character that is not a byte");
      } else {
        bytes[n++] = (byte) c;
      }
    }
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes, 0, n))
          .toString();
    } catch (CharacterCodingException e) {
      throw new Refused("the path is not UTF-8");
    }
  }
}
