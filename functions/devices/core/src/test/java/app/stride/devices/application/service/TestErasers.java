package app.stride.devices.application.service;

import app.stride.core.region.RegionId;
import app.stride.devices.application.port.out.WorkQueue;
import app.stride.devices.connection.ConnectionSettings;
import app.stride.devices.connection.LocalAesGcmTokenCipher;
import app.stride.devices.connection.OAuthClient;
import app.stride.devices.connection.ProviderRevocations;
import app.stride.devices.connection.RefreshPolicy;
import app.stride.devices.connection.Secret;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/** The devices eraser over the in-memory stores, for the tests of the writes it guards. */
final class TestErasers {
  private TestErasers() {}

  /**
   * An eraser over {@code stores}, with connections held in a store of their own that the test does
   * not look at (the services under test here write no connections).
   */
  static UserDataEraser over(
      MemoryStores stores, MemoryErasedAccounts erased, RegionId region, Clock clock) {
    WorkQueue noRevocations =
        (kind, key, body) -> {
          throw new AssertionError("no connection, so no revocation is queued");
        };
    ConnectionService connections =
        new ConnectionService(
            new MemoryConnections(),
            ConnectionSettings.fromEnv(Map.of()),
            OAuthClient.withDefaults(),
            LocalAesGcmTokenCipher.of("k1", Secret.ofBytes(new byte[32])),
            (provider, token) -> Optional.empty(),
            RefreshPolicy.defaults(),
            ProviderRevocations.fromEnv(Map.of()),
            noRevocations,
            erased,
            region,
            clock);
    return over(stores, connections, erased, region, clock);
  }

  /** An eraser over {@code stores} and the user's connections through {@code connections}. */
  static UserDataEraser over(
      MemoryStores stores,
      ConnectionService connections,
      MemoryErasedAccounts erased,
      RegionId region,
      Clock clock) {
    return new UserDataEraser(connections, stores, stores, stores, erased, region, clock);
  }
}
