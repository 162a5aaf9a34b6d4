package app.stride.devices.aws.adapter.out.dynamodb;

import app.stride.devices.domain.Connection;
import app.stride.devices.domain.Provider;
import app.stride.devices.domain.UserId;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.random.RandomGenerator;

/** Test data builder for connections: random token bytes, version 1. */
final class ConnectionTestData {
  private static final RandomGenerator RANDOM = new SecureRandom();

  private ConnectionTestData() {}

  static Builder aConnection(String user, Provider provider, String providerUserId) {
    return new Builder(user, provider, providerUserId);
  }

  /** Random bytes, always with a zero and a high byte (binary, not text). */
  static byte[] tokenBytes() {
    byte[] bytes = new byte[48];
    RANDOM.nextBytes(bytes);
    bytes[0] = 0;
    bytes[1] = (byte) 0xff;
    return bytes;
  }

  static final class Builder {
    private final String user;
    private final Provider provider;
    private final String providerUserId;
    private byte[] refreshToken = tokenBytes();
    private Instant expiresAt;
    private String scope = "activity:read_all";
    private Instant at = ActivityTestData.NOW;

    private Builder(String user, Provider provider, String providerUserId) {
      this.user = user;
      this.provider = provider;
      this.providerUserId = providerUserId;
      this.expiresAt = at.plus(Duration.ofHours(6));
    }

    Builder withoutRefreshToken() {
      refreshToken = null;
      return this;
    }

    Builder withoutExpiry() {
      expiresAt = null;
      return this;
    }

    Builder withoutScope() {
      scope = null;
      return this;
    }

    Builder connectedAt(Instant instant) {
      at = instant;
      return this;
    }

    Connection build() {
      return new Connection(
          new UserId(user),
          provider,
          providerUserId,
          tokenBytes(),
          refreshToken,
          expiresAt,
          scope,
          at,
          at,
          1);
    }
  }
}
