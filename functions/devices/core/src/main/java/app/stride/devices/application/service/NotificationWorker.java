package app.stride.devices.application.service;

import app.stride.core.region.RegionId;
import app.stride.core.trigger.QueueMessage;
import app.stride.devices.application.port.out.ErasedAccounts;
import app.stride.devices.application.port.out.ObjectStore;
import app.stride.devices.connection.OAuthException;
import app.stride.devices.connection.Secret;
import app.stride.devices.domain.ActivitySource;
import app.stride.devices.domain.Connection;
import app.stride.devices.domain.Provider;
import app.stride.devices.pull.ActivityFetcher;
import app.stride.devices.pull.FetchException;
import app.stride.devices.pull.FetchedActivity;
import app.stride.devices.webhook.NotificationKind;
import app.stride.devices.webhook.QueuedNotifications;
import app.stride.devices.webhook.WebhookNotification;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The devices worker: takes one queued webhook notification, finds the connection holding the
 * provider account it names, and does what it announces — fetches a new activity with the user's
 * token (refreshed when due, and once more when the provider refuses it) and ingests it (kept raw
 * in the bucket, deduplicated, merged), re-applies an activity the provider announces as updated
 * ({@link ActivityIngest#ingestUpdate}: only where the activity's data comes from that provider),
 * or forgets the connection the user revoked at the provider.
 *
 * <p>Redelivery is safe: ingesting is idempotent on the provider's activity id, and an update whose
 * data is already stored changes nothing. A message throws (and the queue redelivers it, then
 * dead-letters it) only when trying again can help: the provider or a store is unavailable, or its
 * rate limit is spent. A message that can never succeed — unreadable, for no connection, refused
 * token, gone or unreadable activity — is logged and dropped, so it does not loop until the
 * dead-letter queue.
 *
 * <p>A notification for an erased account ({@link ErasedAccounts}; queued before the erasure, or
 * naming a connection the erasure has not reached yet) is dropped before anything is written: after
 * the fetch, right before the original is kept. The worker then sweeps what the account still
 * holds, and sweeps it too when the erasure ran while it wrote ({@link ErasedGuard}).
 */
public final class NotificationWorker {
  private static final Logger log = LoggerFactory.getLogger(NotificationWorker.class);

  private final ConnectionService connections;
  private final Map<Provider, ActivityFetcher> fetchers = new EnumMap<>(Provider.class);
  private final ActivityIngest ingest;
  private final ObjectStore objects;
  private final ErasedGuard erased;
  private final RegionId region;
  private final Clock clock;

  public NotificationWorker(
      ConnectionService connections,
      List<ActivityFetcher> fetchers,
      ActivityIngest ingest,
      ObjectStore objects,
      UserDataEraser eraser,
      RegionId region,
      Clock clock) {
    this.connections = connections;
    fetchers.forEach(f -> this.fetchers.put(f.provider(), f));
    this.ingest = ingest;
    this.objects = objects;
    this.erased = eraser.guard();
    this.region = region;
    this.clock = clock;
  }

  /** What handling a notification came to. */
  public enum Outcome {
    /** Activities were fetched and ingested (new, merged, updated or already known). */
    INGESTED,
    /** The connection was removed because the user revoked our access at the provider. */
    DISCONNECTED,
    /** Nothing to do, or nothing that can ever be done: the message is dropped. */
    DROPPED
  }

  /**
   * Handles one message.
   *
   * @throws FetchException {@code UNAVAILABLE} or {@code RATE_LIMITED}, an {@link OAuthException}
   *     {@code UNAVAILABLE} or a store's unavailability: redeliver later
   */
  public Outcome handle(QueueMessage message) {
    Optional<WebhookNotification> read = QueuedNotifications.read(message.body());
    if (read.isEmpty()) {
      log.warn("message={} dropped: not a notification ({} bytes)", message.id(), size(message));
      return Outcome.DROPPED;
    }
    WebhookNotification n = read.get();
    Provider provider = n.provider();
    return switch (n.kind()) {
      case DEAUTHORIZED ->
          connections.deauthorized(provider, n.providerUserId(), region)
              ? Outcome.DISCONNECTED
              : dropped(n, "no connection");
      case ACTIVITY_CREATED, ACTIVITY_UPDATED -> fetchAndIngest(n);
      case ACTIVITY_DELETED -> dropped(n, "deletions at the provider keep the user's copy");
      case PERMISSIONS_CHANGED -> dropped(n, "permissions are read at the next fetch");
    };
  }

  private Outcome fetchAndIngest(WebhookNotification n) {
    Provider provider = n.provider();
    ActivityFetcher fetcher = fetchers.get(provider);
    if (fetcher == null) {
      // A deployment without this provider's settings (e.g. no Suunto subscription key): keep
      // the message for redelivery and, in the end, the dead-letter queue, rather than lose it.
      throw new IllegalStateException("no fetcher for " + provider.wire() + " is configured");
    }
    Optional<Connection> found = connections.byProviderUser(provider, n.providerUserId(), region);
    if (found.isEmpty()) {
      return dropped(n, "no connection");
    }
    Connection connection = found.get();
    List<FetchedActivity> fetched;
    try {
      fetched = fetchWithToken(fetcher, n, connection);
    } catch (OAuthException e) {
      if (e.reason() == OAuthException.Reason.UNAVAILABLE) {
        throw e;
      }
      return dropped(n, "the provider refused the user's tokens; they must connect again");
    } catch (FetchException e) {
      return switch (e.reason()) {
        case UNAVAILABLE, RATE_LIMITED -> throw e;
        case UNAUTHORIZED -> dropped(n, "the provider refused a fresh token");
        case NOT_FOUND -> dropped(n, "the activity is gone");
        case REJECTED -> dropped(n, "the provider's answer is not an activity");
      };
    }
    boolean update = n.kind() == NotificationKind.ACTIVITY_UPDATED;
    Optional<Map<ActivityIngest.Kind, Integer>> ingested =
        erased.work(connection.userId(), held -> ingestAll(connection, fetched, update, held));
    if (ingested.isEmpty()) {
      return dropped(n, "the account was erased");
    }
    Map<ActivityIngest.Kind, Integer> kinds = ingested.get();
    // e.g. ingested={UPDATED=1} or {ALREADY_KNOWN=1}: an applied update and a no-op read apart
    log.info(
        "provider={} notification={} kind={} ingested={}",
        provider.wire(),
        n.idempotencyKey(),
        n.kind().wire(),
        kinds);
    return Outcome.INGESTED;
  }

  private Map<ActivityIngest.Kind, Integer> ingestAll(
      Connection connection, List<FetchedActivity> fetched, boolean update, HeldEvents later) {
    Map<ActivityIngest.Kind, Integer> kinds = new EnumMap<>(ActivityIngest.Kind.class);
    for (FetchedActivity activity : fetched) {
      kinds.merge(ingest(connection, activity, update, later).kind(), 1, Integer::sum);
    }
    return kinds;
  }

  private List<FetchedActivity> fetchWithToken(
      ActivityFetcher fetcher, WebhookNotification n, Connection connection) {
    Secret token = connections.accessToken(connection, region, false);
    try {
      return fetcher.fetch(n, token);
    } catch (FetchException e) {
      if (e.reason() != FetchException.Reason.UNAUTHORIZED) {
        throw e;
      }
      // The token may have been revoked early (a rotation elsewhere): refresh once and retry.
      return fetcher.fetch(n, connections.accessToken(connection, region, true));
    }
  }

  private ActivityIngest.Outcome ingest(
      Connection connection, FetchedActivity activity, boolean update, HeldEvents later) {
    Provider provider = connection.provider();
    String key =
        ImportService.originalsFolder(connection.userId())
            + provider.wire()
            + "/"
            + sha256(activity.original());
    objects.put(key, activity.original(), activity.mediaType());
    ActivitySource source =
        new ActivitySource(
            provider,
            activity.providerActivityId(),
            null,
            activity.data().device(),
            clock.instant());
    return update
        ? ingest.ingestUpdate(connection.userId(), region, activity.data(), source, later)
        : ingest.ingest(connection.userId(), region, activity.data(), source, later);
  }

  private static Outcome dropped(WebhookNotification n, String why) {
    log.info(
        "provider={} notification={} kind={} dropped: {}",
        n.provider().wire(),
        n.idempotencyKey(),
        n.kind().wire(),
        why);
    return Outcome.DROPPED;
  }

  private static int size(QueueMessage message) {
    return message.body().length;
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is always available", e);
    }
  }
}
