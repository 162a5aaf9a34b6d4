package app.stride.bench.devices;

import app.stride.core.auth.TokenVerifier;
import app.stride.core.event.OutboundEvent;
import app.stride.core.region.RegionId;
import app.stride.devices.DevicesFunctions;
import app.stride.devices.application.port.out.ActivityOutboxPort;
import app.stride.devices.application.port.out.ActivityStore;
import app.stride.devices.application.port.out.ConnectionStore;
import app.stride.devices.application.port.out.ErasedAccounts;
import app.stride.devices.application.port.out.ImportJobStore;
import app.stride.devices.application.port.out.ObjectStore;
import app.stride.devices.application.port.out.RecordedWorkouts;
import app.stride.devices.application.port.out.WorkQueue;
import app.stride.devices.connection.Secret;
import app.stride.devices.connection.TokenCipher;
import app.stride.devices.domain.Activity;
import app.stride.devices.domain.ActivityId;
import app.stride.devices.domain.Connection;
import app.stride.devices.domain.ImportId;
import app.stride.devices.domain.ImportJob;
import app.stride.devices.domain.Provider;
import app.stride.devices.domain.UserId;
import app.stride.devices.domain.WorkoutSummary;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * In-memory ports for the devices HTTP function as a webhook sees it: the queue counts what it is
 * given; the stores, bucket, outbox, connections, token cipher, erased accounts, event publisher
 * and token verifier are never touched by a webhook and refuse every call, so a benchmark that
 * reached them would fail instead of measuring something else.
 */
final class WebhookPorts {
  private WebhookPorts() {}

  /** The function's ports around the given queue. */
  static DevicesFunctions.Ports around(WorkQueue queue) {
    Unused unused = new Unused();
    return new DevicesFunctions.Ports(
        unused, unused, unused, unused, queue, unused::publish, unused, unused, unused, unused);
  }

  /** A verifier for routes a webhook never takes (webhooks carry no bearer token). */
  static TokenVerifier noTokens() {
    return token -> {
      throw new UnsupportedOperationException("webhooks carry no bearer token");
    };
  }

  /** A work queue that only counts the messages sent to it. */
  static final class CountingQueue implements WorkQueue {
    private long sent;

    @Override
    public void send(String kind, String deduplicationKey, byte[] body) {
      sent++;
    }

    /** Starts counting again. */
    void reset() {
      sent = 0;
    }

    /** How many messages were sent. */
    long sent() {
      return sent;
    }
  }

  /** Every store a webhook must not reach. */
  private static final class Unused
      implements ActivityStore,
          ActivityOutboxPort,
          ImportJobStore,
          ObjectStore,
          ConnectionStore,
          TokenCipher,
          RecordedWorkouts,
          ErasedAccounts {

    private static UnsupportedOperationException reached() {
      return new UnsupportedOperationException("a webhook reached a store it never uses");
    }

    void publish(OutboundEvent event) {
      throw reached();
    }

    @Override
    public Optional<Activity> find(UserId userId, ActivityId id, RegionId home) {
      throw reached();
    }

    @Override
    public List<Activity> startingBetween(UserId userId, Instant from, Instant to, RegionId home) {
      throw reached();
    }

    @Override
    public Optional<Activity> findBySource(
        UserId userId, Provider provider, String externalId, RegionId home) {
      throw reached();
    }

    @Override
    public void create(Activity activity, OutboundEvent pending, RegionId home) {
      throw reached();
    }

    @Override
    public void update(Activity activity, OutboundEvent pending, RegionId home) {
      throw reached();
    }

    @Override
    public void markPublished(UserId userId, ActivityId activityId, String eventId, RegionId home) {
      throw reached();
    }

    @Override
    public List<PendingEvent> pending(int limit, RegionId home) {
      throw reached();
    }

    @Override
    public int eraseActivities(UserId userId, RegionId home) {
      throw reached();
    }

    @Override
    public int eraseImports(UserId userId, RegionId home) {
      throw reached();
    }

    @Override
    public int deleteUnder(String prefix) {
      throw reached();
    }

    @Override
    public Optional<ImportJob> find(UserId userId, ImportId id, RegionId home) {
      throw reached();
    }

    @Override
    public Optional<ImportJob> findBySha256(UserId userId, String sha256, RegionId home) {
      throw reached();
    }

    @Override
    public void create(ImportJob job, RegionId home) {
      throw reached();
    }

    @Override
    public void update(ImportJob job, RegionId home) {
      throw reached();
    }

    @Override
    public void put(String key, byte[] bytes, String contentType) {
      throw reached();
    }

    @Override
    public Optional<byte[]> get(String key) {
      throw reached();
    }

    @Override
    public void delete(String key) {
      throw reached();
    }

    @Override
    public Optional<Connection> find(UserId userId, Provider provider, RegionId home) {
      throw reached();
    }

    @Override
    public List<Connection> list(UserId userId, RegionId home) {
      throw reached();
    }

    @Override
    public Optional<Connection> findByProviderUser(
        Provider provider, String providerUserId, RegionId home) {
      throw reached();
    }

    @Override
    public void save(Connection connection, RegionId home) {
      throw reached();
    }

    @Override
    public void updateTokens(Connection updated, RegionId home) {
      throw reached();
    }

    @Override
    public Optional<Connection> delete(UserId userId, Provider provider, RegionId home) {
      throw reached();
    }

    @Override
    public byte[] encrypt(Secret token, UserId user, Provider provider) {
      throw reached();
    }

    @Override
    public Secret decrypt(byte[] ciphertext, UserId user, Provider provider) {
      throw reached();
    }

    @Override
    public List<WorkoutSummary> startingBetween(
        UserId userId, Instant from, Instant to, int limit, RegionId home) {
      throw reached();
    }

    @Override
    public void markErased(UserId userId, Instant erasedAt, Instant expiresAt, RegionId home) {
      throw reached();
    }

    @Override
    public boolean isErased(UserId userId, RegionId home) {
      throw reached();
    }

    @Override
    public List<UserId> erasedSince(Instant since, int limit) {
      throw reached();
    }
  }
}
