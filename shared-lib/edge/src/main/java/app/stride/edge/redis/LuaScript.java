package app.stride.edge.redis;

import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.sync.RedisCommands;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A Lua script run atomically by its SHA-1 ({@code EVALSHA}); its source goes to the server only
 * when the server does not know it yet (first use, a restart, {@code SCRIPT FLUSH}).
 *
 * @param source the script
 * @param sha1 the lowercase hex SHA-1 of the source, as Redis names scripts
 */
public record LuaScript(String source, String sha1) {

  /** The script {@code source}, named by its SHA-1. */
  public LuaScript(String source) {
    this(Objects.requireNonNull(source, "source"), sha1Hex(source));
  }

  /** Runs the script on {@code redis} with {@code keys} and {@code args}. */
  public <T> T run(
      RedisCommands<String, String> redis, ScriptOutputType type, String[] keys, String... args) {
    try {
      return redis.evalsha(sha1, type, keys, args);
    } catch (RedisNoScriptException e) {
      return redis.eval(source, type, keys, args);
    }
  }

  private static String sha1Hex(String source) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-1");
      return HexFormat.of().formatHex(digest.digest(source.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-1 is required by every Java platform", e);
    }
  }
}
