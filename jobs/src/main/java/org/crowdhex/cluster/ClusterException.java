package org.crowdhex.cluster;

/**
 * A Flink cluster did not do what was asked: it could not be reached, refused a request, or a job
 * or savepoint failed. The message is a sentence for the user (the cluster's own reason included);
 * never a stack trace.
 */
public final class ClusterException extends RuntimeException {
  private final int status;

  /**
   * @param status the HTTP status of the cluster's answer, or 0 when there was none
   */
  public ClusterException(String message, int status, Throwable cause) {
    super(message, cause);
    this.status = status;
  }

  public ClusterException(String message) {
    this(message, 0, null);
  }

  /**
   * The HTTP status of the cluster's answer (404: no such job or jar), or 0 when there was none.
   */
  public int status() {
    return status;
  }
}
