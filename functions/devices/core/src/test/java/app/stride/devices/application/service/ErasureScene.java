package app.stride.devices.application.service;

import app.stride.core.region.RegionId;
import app.stride.core.store.StoreUnavailableException;
import app.stride.devices.connection.ConnectionSettings;
import app.stride.devices.connection.LocalAesGcmTokenCipher;
import app.stride.devices.connection.OAuthClient;
import app.stride.devices.connection.ProviderRevocations;
import app.stride.devices.connection.RefreshPolicy;
import app.stride.devices.connection.Secret;
import app.stride.devices.connection.TokenCipher;
import app.stride.devices.domain.Connection;
import app.stride.devices.domain.Provider;
import app.stride.devices.domain.UserId;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The devices eraser of region {@link #EU} over in-memory stores, for the erasure's use-case tests:
 * the stores it empties, the revocations it queues (a queue that can be taken down), and the
 * erased-account markers.
 */
final class ErasureScene {
  static final RegionId EU = new RegionId("eu");

  final MemoryStores stores = new MemoryStores();
  final MemoryConnections connectionStore = new MemoryConnections();
  final MemoryErasedAccounts erased = new MemoryErasedAccounts();

  /** The bodies of the revocations queued, in order. */
  final List<String> queued = new ArrayList<>();

  /** While true, queueing a revocation fails as an unreachable queue does. */
  boolean queueDown;

  final UserDataEraser eraser;
  private final TokenCipher cipher = LocalAesGcmTokenCipher.of("k1", Secret.ofBytes(new byte[32]));
  private final Clock clock;

  ErasureScene(Clock clock) {
    this.clock = clock;
    ConnectionService connections =
        new ConnectionService(
            connectionStore,
            ConnectionSettings.fromEnv(Map.of()),
            OAuthClient.withDefaults(),
            cipher,
            (provider, token) -> Optional.empty(),
            RefreshPolicy.defaults(),
            ProviderRevocations.fromEnv(Map.of()),
            (kind, key, body) -> {
              if (queueDown) {
                throw new StoreUnavailableException("queue down", null);
              }
              queued.add(new String(body, StandardCharsets.UTF_8));
            },
            erased,
            EU,
            clock);
    this.eraser = new UserDataEraser(connections, stores, stores, stores, erased, EU, clock);
  }

  /** Stores {@code user}'s connection to {@code provider}, as a completed one is. */
  void connect(UserId user, Provider provider) {
    connectionStore.save(
        new Connection(
            user,
            provider,
            provider.wire() + "-" + user,
            cipher.encrypt(Secret.of("token"), user, provider),
            null,
            null,
            "read",
            clock.instant(),
            clock.instant(),
            1),
        EU);
  }
}
