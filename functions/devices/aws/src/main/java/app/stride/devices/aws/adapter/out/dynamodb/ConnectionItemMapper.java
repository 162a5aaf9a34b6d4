package app.stride.devices.aws.adapter.out.dynamodb;

import app.stride.devices.domain.Connection;
import app.stride.devices.domain.Provider;
import app.stride.devices.domain.UserId;
import java.time.Instant;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.enhanced.dynamodb.Key;

/** The keys of connections and their claims, and the mapping of {@link ConnectionItem}. */
final class ConnectionItemMapper {
  /** The sort key prefix of connections in a user's partition. */
  static final String CONNECTION = "CONNECTION#";

  /** The sort key of a claim, alone in its partition. */
  static final String CLAIM = "CLAIM";

  private ConnectionItemMapper() {}

  /** The key of the user's connection to {@code provider}. */
  static Key connectionKey(UserId userId, Provider provider) {
    return Key.builder()
        .partitionValue(userId.value())
        .sortValue(CONNECTION + provider.wire())
        .build();
  }

  /** The key of the claim of a provider account. */
  static Key claimKey(Provider provider, String providerUserId) {
    return Key.builder()
        .partitionValue(claimPartition(provider, providerUserId))
        .sortValue(CLAIM)
        .build();
  }

  static String claimPartition(Provider provider, String providerUserId) {
    return CONNECTION + provider.wire() + "#" + providerUserId;
  }

  static ConnectionItem toItem(Connection c) {
    ConnectionItem item = new ConnectionItem();
    item.setUserId(c.userId().value());
    item.setSk(CONNECTION + c.provider().wire());
    item.setProvider(c.provider().wire());
    item.setProviderUserId(c.providerUserId());
    item.setAccessToken(SdkBytes.fromByteArrayUnsafe(c.accessToken()));
    item.setRefreshToken(c.refresh().map(SdkBytes::fromByteArrayUnsafe).orElse(null));
    item.setTokenExpiresAt(c.expiry().map(Instant::toString).orElse(null));
    item.setScope(c.scope());
    item.setConnectedAt(c.connectedAt().toString());
    item.setUpdatedAt(c.updatedAt().toString());
    item.setVersion(c.version());
    return item;
  }

  static Connection toDomain(ConnectionItem item) {
    return new Connection(
        new UserId(item.getUserId()),
        Provider.fromWire(item.getProvider()),
        item.getProviderUserId(),
        item.getAccessToken().asByteArray(),
        item.getRefreshToken() == null ? null : item.getRefreshToken().asByteArray(),
        item.getTokenExpiresAt() == null ? null : Instant.parse(item.getTokenExpiresAt()),
        item.getScope(),
        Instant.parse(item.getConnectedAt()),
        Instant.parse(item.getUpdatedAt()),
        item.getVersion());
  }
}
