package org.crowdhex.privacy;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Where the secret behind the pseudonyms comes from: an environment variable or a key file. Only
 * the name of the variable or the path of the file is held here, never the secret, so a source may
 * be logged, shown by {@code validate} and shipped to every task of a cluster job, where each task
 * loads the key itself ({@link PseudonymKey#load(KeySource)}).
 */
public sealed interface KeySource extends Serializable {

  /** The variable read when a plan names no key: {@value}. */
  String DEFAULT_VARIABLE = "CROWDHEX_PSEUDONYM_KEY";

  /** The secret is the UTF-8 text of an environment variable. */
  record Environment(String variable) implements KeySource {
    public Environment {
      if (variable == null || variable.isBlank()) {
        throw new IllegalArgumentException(
            "privacy.key_env is "
                + (variable == null ? "missing" : "blank")
                + "; accepted: the name of an environment variable, such as "
                + DEFAULT_VARIABLE);
      }
    }

    @Override
    public String field() {
      return "privacy.key_env";
    }

    @Override
    public String name() {
      return variable;
    }

    @Override
    public String describe() {
      return "environment variable " + variable;
    }
  }

  /**
   * The secret is the bytes of a file (one trailing line break ignored).
   *
   * @param path the file's path as given (a String: {@link Path} is not serializable)
   */
  record KeyFile(String path) implements KeySource {
    public KeyFile {
      if (path == null || path.isBlank()) {
        throw new IllegalArgumentException(
            "privacy.key_file is "
                + (path == null ? "missing" : "blank")
                + "; accepted: the path of a file holding the pseudonym key");
      }
    }

    @Override
    public String field() {
      return "privacy.key_file";
    }

    @Override
    public String name() {
      return path;
    }

    @Override
    public String describe() {
      return "key file " + path;
    }
  }

  /** The default source: the environment variable {@value #DEFAULT_VARIABLE}. */
  static KeySource defaultSource() {
    return new Environment(DEFAULT_VARIABLE);
  }

  static KeySource environment(String variable) {
    return new Environment(variable);
  }

  static KeySource file(Path path) {
    return new KeyFile(Objects.requireNonNull(path, "path").toString());
  }

  /** The plan field that names this source, for messages. */
  String field();

  /** The variable's name or the file's path. */
  String name();

  /** What the source is, for logs and messages; never the secret. */
  String describe();
}
