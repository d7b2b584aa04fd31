package org.crowdhex.cli;

import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import org.crowdhex.plan.PlanException;
import org.crowdhex.venue.VenueFileException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Prints problems a user can fix as sentences (no stack trace) and exits with {@link
 * Crowdhex#USER_ERROR}; anything else is our bug and keeps its stack trace.
 */
final class UserErrors implements IExecutionExceptionHandler {
  @Override
  public int handleExecutionException(Exception e, CommandLine cl, ParseResult parsed) {
    Throwable t = e;
    while (t.getCause() != null && !(isUserError(t))) t = t.getCause();
    if (isUserError(t)) {
      cl.getErr().println(cl.getColorScheme().errorText("crowdhex: " + message(t)));
      return Crowdhex.USER_ERROR;
    }
    e.printStackTrace(cl.getErr());
    return Crowdhex.RUN_FAILED;
  }

  private static boolean isUserError(Throwable t) {
    return t instanceof PlanException
        || t instanceof VenueFileException
        || t instanceof org.crowdhex.evaluation.EvaluationFileException
        || t instanceof org.crowdhex.baseline.BaselineFileException
        || t instanceof UserError
        || t instanceof org.crowdhex.privacy.PseudonymKeyException
        || t instanceof NoSuchFileException
        || (t instanceof UncheckedIOException u && u.getCause() instanceof NoSuchFileException)
        || t instanceof org.crowdhex.cluster.ClusterException
        || t instanceof IllegalArgumentException;
  }

  private static String message(Throwable t) {
    if (t instanceof NoSuchFileException n) return "no such file: " + n.getFile();
    if (t instanceof UncheckedIOException u && u.getCause() instanceof NoSuchFileException n) {
      return "no such file: " + n.getFile();
    }
    return t.getMessage();
  }

  /** A problem with what the user asked for, said as a sentence. */
  static final class UserError extends RuntimeException {
    UserError(String message) {
      super(message);
    }
  }
}
