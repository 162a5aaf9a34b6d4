package app.stride.devices.application.service;

import app.stride.core.json.Json;
import app.stride.devices.domain.Connection;
import app.stride.devices.domain.Provider;
import app.stride.devices.domain.UserId;
import app.stride.devices.webhook.WebhookJson;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The work message of a disconnected connection whose grant the provider must take back: {@code
 * {"kind":"connection.revoke", "userId", "provider", "providerUserId", "connectedAt",
 * "accessToken", "refreshToken"?, "expiresAt"?}}. The tokens travel as they are stored: sealed
 * under the envelope key bound to the user and provider, base64; never in the clear. Reading is
 * strict: anything else reads as empty.
 *
 * @param userId the user who disconnected
 * @param provider the provider
 * @param providerUserId the provider's id of the user
 * @param connectedAt when that connection was made (tells it from a later one)
 * @param accessToken the sealed access token
 * @param refreshToken the sealed refresh token, or {@code null}
 * @param expiresAt when the access token expires, or {@code null}
 */
public record QueuedRevocation(
    UserId userId,
    Provider provider,
    String providerUserId,
    Instant connectedAt,
    byte[] accessToken,
    byte[] refreshToken,
    Instant expiresAt) {
  /** The message kind (the queue's {@code kind} attribute and the body's). */
  public static final String KIND = "connection.revoke";

  /** The most a sealed token may take in a message (an envelope is a few hundred bytes). */
  static final int MAX_SEALED_BYTES = 8 * 1024;

  private static final Set<String> FIELDS =
      Set.of(
          "kind",
          "userId",
          "provider",
          "providerUserId",
          "connectedAt",
          "accessToken",
          "refreshToken",
          "expiresAt");

  public QueuedRevocation {
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(providerUserId, "providerUserId");
    Objects.requireNonNull(connectedAt, "connectedAt");
    Objects.requireNonNull(accessToken, "accessToken");
    accessToken = accessToken.clone();
    refreshToken = refreshToken == null ? null : refreshToken.clone();
  }

  /** The message of a connection being removed. */
  public static QueuedRevocation of(Connection connection) {
    return new QueuedRevocation(
        connection.userId(),
        connection.provider(),
        connection.providerUserId(),
        connection.connectedAt(),
        connection.accessToken(),
        connection.refreshToken(),
        connection.expiresAt());
  }

  /** The stable key of this revocation: one per connection made. */
  public String deduplicationKey() {
    return "revoke:" + userId.value() + ":" + provider.wire() + ":" + connectedAt.toEpochMilli();
  }

  @Override
  public byte[] accessToken() {
    return accessToken.clone();
  }

  @Override
  public byte[] refreshToken() {
    return refreshToken == null ? null : refreshToken.clone();
  }

  /** The message body. */
  public byte[] write() {
    Base64.Encoder base64 = Base64.getEncoder();
    ObjectNode node = Json.mapper().createObjectNode();
    node.put("kind", KIND);
    node.put("userId", userId.value());
    node.put("provider", provider.wire());
    node.put("providerUserId", providerUserId);
    node.put("connectedAt", connectedAt.toString());
    node.put("accessToken", base64.encodeToString(accessToken));
    if (refreshToken != null) {
      node.put("refreshToken", base64.encodeToString(refreshToken));
    }
    if (expiresAt != null) {
      node.put("expiresAt", expiresAt.toString());
    }
    return Json.toBytes(node);
  }

  /** The revocation in a message body, or empty when the body is not a revocation message. */
  public static Optional<QueuedRevocation> read(byte[] body) {
    Optional<JsonNode> parsed = WebhookJson.parse(body).filter(JsonNode::isObject);
    if (parsed.isEmpty()) {
      return Optional.empty();
    }
    JsonNode node = parsed.get();
    for (String name : node.propertyNames()) {
      if (!FIELDS.contains(name)) {
        return Optional.empty();
      }
    }
    if (!WebhookJson.text(node, "kind").filter(KIND::equals).isPresent()) {
      return Optional.empty();
    }
    try {
      Optional<String> user = WebhookJson.id(node, "userId");
      Optional<String> provider = WebhookJson.text(node, "provider");
      Optional<String> providerUser = WebhookJson.id(node, "providerUserId");
      Optional<Instant> connectedAt = WebhookJson.isoTime(node, "connectedAt");
      Optional<byte[]> access = sealed(node, "accessToken");
      if (user.isEmpty()
          || provider.isEmpty()
          || providerUser.isEmpty()
          || connectedAt.isEmpty()
          || access.isEmpty()) {
        return Optional.empty();
      }
      byte[] refresh = null;
      if (node.has("refreshToken")) {
        Optional<byte[]> read = sealed(node, "refreshToken");
        if (read.isEmpty()) {
          return Optional.empty();
        }
        refresh = read.get();
      }
      Instant expiresAt = null;
      if (node.has("expiresAt")) {
        Optional<Instant> read = WebhookJson.isoTime(node, "expiresAt");
        if (read.isEmpty()) {
          return Optional.empty();
        }
        expiresAt = read.get();
      }
      return Optional.of(
          new QueuedRevocation(
              new UserId(user.get()),
              Provider.fromWire(provider.get()),
              providerUser.get(),
              connectedAt.get(),
              access.get(),
              refresh,
              expiresAt));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static Optional<byte[]> sealed(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null
        || !value.isString()
        || value.stringValue().isEmpty()
        || value.stringValue().length() > MAX_SEALED_BYTES * 4 / 3 + 4) {
      return Optional.empty();
    }
    try {
      return Optional.of(Base64.getDecoder().decode(value.stringValue()));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof QueuedRevocation r
        && userId.equals(r.userId)
        && provider == r.provider
        && providerUserId.equals(r.providerUserId)
        && connectedAt.equals(r.connectedAt)
        && Arrays.equals(accessToken, r.accessToken)
        && Arrays.equals(refreshToken, r.refreshToken)
        && Objects.equals(expiresAt, r.expiresAt);
  }

  @Override
  public int hashCode() {
    return Objects.hash(userId, provider, providerUserId, connectedAt);
  }

  /** No token bytes, even sealed ones. */
  @Override
  public String toString() {
    return "QueuedRevocation[" + userId + ", " + provider.wire() + "]";
  }
}
