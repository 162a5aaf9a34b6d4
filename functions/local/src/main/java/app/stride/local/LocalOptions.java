package app.stride.local;

import java.nio.file.Path;

/**
 * The command line of {@code ./run-local}.
 *
 * @param port the gateway port ({@code --port}, default 8080)
 * @param reset start from an empty data folder ({@code --reset})
 * @param root the repository root ({@code --root}, default: the working directory)
 * @param dataDir where data persists ({@code --data}, default {@code .local/data})
 */
public record LocalOptions(int port, boolean reset, Path root, Path dataDir) {

  /** Parses the arguments; unknown ones fail with a usage message. */
  public static LocalOptions parse(String[] args) {
    int port = Integer.parseInt(System.getenv().getOrDefault("STRIDE_LOCAL_PORT", "8080"));
    boolean reset = false;
    Path root = Path.of("").toAbsolutePath();
    Path data = null;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--port" -> port = Integer.parseInt(value(args, ++i));
        case "--reset" -> reset = true;
        case "--root" -> root = Path.of(value(args, ++i)).toAbsolutePath();
        case "--data" -> data = Path.of(value(args, ++i)).toAbsolutePath();
        default -> throw new IllegalArgumentException(usage("unknown option " + args[i]));
      }
    }
    return new LocalOptions(port, reset, root, data == null ? root.resolve(".local/data") : data);
  }

  private static String value(String[] args, int i) {
    if (i >= args.length) {
      throw new IllegalArgumentException(usage(args[i - 1] + " needs a value"));
    }
    return args[i];
  }

  private static String usage(String problem) {
    return problem + "\nusage: ./run-local [--port N] [--reset] [--data DIR]";
  }
}
