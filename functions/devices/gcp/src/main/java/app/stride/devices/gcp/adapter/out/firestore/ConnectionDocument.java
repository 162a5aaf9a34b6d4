package app.stride.devices.gcp.adapter.out.firestore;

import app.stride.devices.domain.Connection;
import app.stride.devices.domain.Provider;
import app.stride.devices.domain.UserId;
import com.google.cloud.firestore.Blob;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The persistence form of a connection: document {@code users/{userId}/connections/{provider}} (the
 * provider's wire name) with the attribute names of the DynamoDB item ({@code userId}, {@code
 * provider}, {@code providerUserId}, {@code accessToken} and {@code refreshToken} as blobs, {@code
 * tokenExpiresAt}, {@code scope}, {@code connectedAt}, {@code updatedAt} as ISO-8601 strings, and
 * {@code version}). No field is named {@code expiresAt}, the name TTL policies use here.
 *
 * <p>The claim of a provider account is {@code connectionClaims/{provider}:{sha256}}, the hex
 * SHA-256 of the provider's user id, so no text a provider chose becomes part of a document path;
 * it holds {@code userId} (the holder) and {@code claimedAt} (a timestamp, the start of its lease).
 */
final class ConnectionDocument {
  static final String COLLECTION = "connections";
  static final String CLAIMS = "connectionClaims";

  private ConnectionDocument() {}

  static Map<String, Object> fields(Connection c) {
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("userId", c.userId().value());
    f.put("provider", c.provider().wire());
    f.put("providerUserId", c.providerUserId());
    f.put("accessToken", Blob.fromBytes(c.accessToken()));
    c.refresh().ifPresent(token -> f.put("refreshToken", Blob.fromBytes(token)));
    c.expiry().ifPresent(at -> f.put("tokenExpiresAt", at.toString()));
    if (c.scope() != null) {
      f.put("scope", c.scope());
    }
    f.put("connectedAt", c.connectedAt().toString());
    f.put("updatedAt", c.updatedAt().toString());
    f.put("version", c.version());
    return f;
  }

  static Connection toDomain(Map<String, Object> f) {
    Blob refresh = (Blob) f.get("refreshToken");
    String expiresAt = (String) f.get("tokenExpiresAt");
    return new Connection(
        new UserId((String) f.get("userId")),
        Provider.fromWire((String) f.get("provider")),
        (String) f.get("providerUserId"),
        ((Blob) f.get("accessToken")).toBytes(),
        refresh == null ? null : refresh.toBytes(),
        expiresAt == null ? null : Instant.parse(expiresAt),
        (String) f.get("scope"),
        Instant.parse((String) f.get("connectedAt")),
        Instant.parse((String) f.get("updatedAt")),
        ((Number) f.get("version")).longValue());
  }

  /** Whether stored fields hold the provider account {@code providerUserId}. */
  static boolean holds(Map<String, Object> f, String providerUserId) {
    return providerUserId.equals(f.get("providerUserId"));
  }

  /** The id of the claim document of a provider account. */
  static String claimId(Provider provider, String providerUserId) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(providerUserId.getBytes(StandardCharsets.UTF_8));
      return provider.wire() + ":" + HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }
}
