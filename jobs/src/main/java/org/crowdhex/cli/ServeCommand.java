package org.crowdhex.cli;

import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.crowdhex.serve.ServeConfig;
import org.crowdhex.serve.TileServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Serves the tile folder of a run, with the viewer, over HTTP. */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    showDefaultValues = true,
    description = {
      "Serve the map tiles of a run over HTTP: the viewer at /, the list of windows at"
          + " /manifest.json, and each window's TileJSON, tiles and PMTiles archive under /tiles/.",
      "Listens on this machine only unless --bind says otherwise. With a token (--token-file or"
          + " the environment variable "
          + ServeCommand.TOKEN_ENV
          + "), /manifest.json and /tiles/ need 'Authorization: Bearer TOKEN'; the viewer page"
          + " itself stays public."
    })
final class ServeCommand implements Callable<Integer> {
  static final String TOKEN_ENV = "CROWDHEX_TOKEN";

  @Option(
      names = "--tiles",
      required = true,
      paramLabel = "DIR",
      description = "The tiles folder of a run, e.g. out/demo/output/tiles.")
  Path tiles;

  @Option(
      names = "--port",
      paramLabel = "PORT",
      defaultValue = "8080",
      description = "Port to listen on; 0 picks a free one.")
  int port;

  @Option(
      names = "--bind",
      paramLabel = "ADDRESS",
      defaultValue = ServeConfig.LOOPBACK,
      description = "Address to listen on; 0.0.0.0 exposes the server to the network.")
  String bind;

  @Option(
      names = "--token-file",
      paramLabel = "FILE",
      description =
          "File holding a bearer token that requests for data must carry (default: the"
              + " environment variable "
              + TOKEN_ENV
              + ", if set).")
  Path tokenFile;

  @Override
  public Integer call() throws Exception {
    ServeConfig config = new ServeConfig(checkedTiles(), checkedBind(), checkedPort(), token());
    TileServer server = new TileServer(config);
    try {
      server.start();
    } catch (BindException e) {
      throw new UserErrors.UserError(
          "cannot listen on "
              + bind
              + " port "
              + port
              + " ("
              + e.getMessage()
              + "); accepted: a --port no other program uses (0 picks a free one) and a --bind"
              + " address of this machine");
    }
    Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "crowdhex-serve-stop"));
    if (server.exposed()) {
      System.err.println(
          "crowdhex: warning: listening on "
              + bind
              + " exposes the tiles to other machines"
              + (config.hasToken()
                  ? "; requests for data need the token"
                  : "; a token (--token-file or " + TOKEN_ENV + ") is advised"));
    }
    System.out.println(
        "serving "
            + tiles.toAbsolutePath().normalize()
            + " at "
            + server.url()
            + " (Ctrl-C to stop)");
    server.awaitStop();
    return 0;
  }

  private Path checkedTiles() {
    if (!Files.exists(tiles)) {
      throw new UserErrors.UserError(
          "--tiles "
              + tiles
              + " does not exist; accepted: the tiles folder of a run, e.g. out/demo/output/tiles");
    }
    if (!Files.isDirectory(tiles)) {
      throw new UserErrors.UserError(
          "--tiles "
              + tiles
              + " is a file, not a folder; accepted: the tiles folder of a run, e.g."
              + " out/demo/output/tiles");
    }
    return tiles;
  }

  private int checkedPort() {
    if (port < 0 || port > 65_535) {
      throw new UserErrors.UserError(
          "--port is " + port + "; accepted: a whole number from 0 to 65535 (0 picks a free one)");
    }
    return port;
  }

  private String checkedBind() {
    try {
      InetAddress.getByName(bind);
    } catch (UnknownHostException e) {
      throw new UserErrors.UserError(
          "--bind "
              + bind
              + " is not an address; accepted: an IP address of this machine, e.g. 127.0.0.1"
              + " (this machine only) or 0.0.0.0 (all networks)");
    }
    return bind;
  }

  /** The token from --token-file, else from the environment, else none. Never printed. */
  private String token() {
    if (tokenFile != null) {
      String text;
      try {
        text = Files.readString(tokenFile, StandardCharsets.UTF_8).strip();
      } catch (IOException e) {
        throw new UserErrors.UserError(
            "--token-file "
                + tokenFile
                + " cannot be read ("
                + reason(e)
                + "); accepted: a readable file holding the token");
      }
      if (text.isEmpty()) {
        throw new UserErrors.UserError(
            "--token-file "
                + tokenFile
                + " is empty; accepted: a file holding the token on one line");
      }
      if (!ServeConfig.validToken(text)) {
        throw new UserErrors.UserError(
            "--token-file "
                + tokenFile
                + " holds spaces, several lines or characters other than printable ASCII;"
                + " accepted: a file holding the token as one word of printable ASCII");
      }
      return text;
    }
    String env = System.getenv(TOKEN_ENV);
    if (env == null) return null;
    String text = env.strip();
    if (text.isEmpty()) {
      throw new UserErrors.UserError(
          TOKEN_ENV + " is set but empty; accepted: the token, or leave " + TOKEN_ENV + " unset");
    }
    if (!ServeConfig.validToken(text)) {
      throw new UserErrors.UserError(
          TOKEN_ENV
              + " holds spaces or characters other than printable ASCII; accepted: the token as"
              + " one word of printable ASCII");
    }
    return text;
  }

  private static String reason(IOException e) {
    if (e instanceof NoSuchFileException) return "no such file";
    if (e instanceof AccessDeniedException) return "permission denied";
    if (e instanceof MalformedInputException) return "not UTF-8 text";
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }
}
