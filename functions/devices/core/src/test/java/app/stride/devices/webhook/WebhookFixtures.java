package app.stride.devices.webhook;

import app.stride.devices.connection.Secret;
import app.stride.devices.domain.Provider;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

/** Test data for webhook receivers: fixture bodies, secrets, signatures, a fixed clock. */
public final class WebhookFixtures {
  /** The instant every fixture was "sent" at (fixtures carry 2026-03-01T10:00:00Z). */
  public static final Instant SENT = Instant.parse("2026-03-01T10:00:00Z");

  /** Thirty seconds after sending: well inside every window. */
  public static final Instant NOW = SENT.plusSeconds(30);

  private WebhookFixtures() {}

  /** A fixture body from {@code src/test/resources/webhooks/<path>}. */
  public static byte[] body(String path) {
    try (InputStream in = WebhookFixtures.class.getResourceAsStream("/webhooks/" + path)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + path);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A fixture body with one text replaced (for variants of a fixture). */
  public static byte[] body(String path, String target, String replacement) {
    String text = new String(body(path), StandardCharsets.UTF_8);
    if (!text.contains(target)) {
      throw new IllegalArgumentException(path + " has no " + target);
    }
    return text.replace(target, replacement).getBytes(StandardCharsets.UTF_8);
  }

  public static String hmacHex(String algorithm, String key, byte[] body) {
    return HexFormat.of()
        .formatHex(Hmac.mac(algorithm, key.getBytes(StandardCharsets.UTF_8), body));
  }

  public static String hmacBase64(String algorithm, String key, byte[] body) {
    return Base64.getEncoder()
        .encodeToString(Hmac.mac(algorithm, key.getBytes(StandardCharsets.UTF_8), body));
  }

  /** Secrets for one provider. */
  public static Secrets secrets(Provider provider) {
    return new Secrets(provider);
  }

  /** A {@link WebhookSecrets} built up in tests. */
  public static final class Secrets implements WebhookSecrets {
    private final Provider provider;
    private final Map<SecretKind, Secret> values = new EnumMap<>(SecretKind.class);

    private Secrets(Provider provider) {
      this.provider = provider;
    }

    public Secrets with(SecretKind kind, String value) {
      values.put(kind, Secret.of(value));
      return this;
    }

    @Override
    public Optional<Secret> secret(Provider requested, SecretKind kind) {
      return requested == provider ? Optional.ofNullable(values.get(kind)) : Optional.empty();
    }
  }
}
