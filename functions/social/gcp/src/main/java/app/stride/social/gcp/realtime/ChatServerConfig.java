package app.stride.social.gcp.realtime;

import app.stride.core.config.Env;
import java.util.Objects;

/**
 * The chat server's own settings, read once from the environment (the region, Firestore and token
 * settings are the social function's: {@code SocialGcpConfig}, {@code TokenVerifiers}).
 *
 * @param host the address to bind ({@code STRIDE_CHAT_BIND}, default all interfaces)
 * @param port the port to serve ({@code PORT}, set by Cloud Run; default 8080)
 * @param pushSecret the internal push's shared secret ({@value InternalPush#SECRET_ENV}); never
 *     logged
 */
public record ChatServerConfig(String host, int port, String pushSecret) {
  public ChatServerConfig {
    Objects.requireNonNull(host, "host");
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("not a port: " + port);
    }
    InternalPush.checked(pushSecret);
  }

  /** Reads {@code PORT}, {@code STRIDE_CHAT_BIND} and {@value InternalPush#SECRET_ENV}. */
  public static ChatServerConfig fromEnv(Env env) {
    return new ChatServerConfig(
        env.optional("STRIDE_CHAT_BIND").orElse("0.0.0.0"),
        Integer.parseInt(env.optional("PORT").orElse("8080")),
        env.require(InternalPush.SECRET_ENV));
  }

  @Override
  public String toString() {
    return "ChatServerConfig[host=" + host + ", port=" + port + ", pushSecret=***]";
  }
}
