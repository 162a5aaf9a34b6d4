package app.stride.bench.coldstart.setup;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * Writes the files one bench run needs into a directory: {@code jwks.json} (public keys to pass as
 * {@code STRIDE_LOCAL_JWKS}), {@code get-my-profile.json} and {@code put-my-profile.json} (events
 * with a bearer token signed by a key that exists only in this process).
 *
 * <p>Usage: {@code BenchSetup <dir> <issuer> <audience> <user id> <home region>}.
 */
public final class BenchSetup {
  private static final Duration TOKEN_TTL = Duration.ofHours(1);

  private BenchSetup() {}

  /** Writes the files; see the class comment. */
  public static void main(String[] args) throws IOException {
    if (args.length != 5) {
      throw new IllegalArgumentException(
          "usage: BenchSetup <dir> <issuer> <audience> <user id> <home region>");
    }
    Path dir = Files.createDirectories(Path.of(args[0]));
    TokenMint mint = TokenMint.generate(args[1], args[2]);
    String token = mint.accessToken(args[3], args[4], Instant.now(), TOKEN_TTL);
    write(dir.resolve("jwks.json"), mint.publicJwks());
    write(dir.resolve("get-my-profile.json"), BenchEvents.getMyProfile(token));
    write(dir.resolve("put-my-profile.json"), BenchEvents.putMyProfile(token));
  }

  private static void write(Path file, String content) throws IOException {
    Files.writeString(file, content, StandardCharsets.UTF_8);
  }
}
