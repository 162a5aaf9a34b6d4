package app.stride.social.gcp.adapter.out.firestore;

import app.stride.gcp.firestore.FirestoreCalls;
import app.stride.gcp.firestore.VersionedDocuments;
import app.stride.social.application.port.out.ConnectionRegistry;
import app.stride.social.domain.Connection;
import app.stride.social.domain.ConnectionId;
import app.stride.social.domain.GroupId;
import app.stride.social.domain.Subscription;
import app.stride.social.domain.UserId;
import com.google.cloud.Timestamp;
import com.google.cloud.firestore.DocumentReference;
import com.google.cloud.firestore.DocumentSnapshot;
import com.google.cloud.firestore.Firestore;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The connection registry on Firestore: {@value #CONNECTIONS}/{@code <connectionId>} (versioned
 * through {@link VersionedDocuments}) and {@value #SUBSCRIPTIONS}/{@code <groupId>:<connectionId>}
 * (plain puts and deletes), a group's subscribers read with one equality query on {@code groupId}
 * (single-field index, no composite index needed). Both carry {@code expiresAt} as a timestamp, the
 * field of their TTL policies (infra); the service treats an expired document as absent.
 */
public final class FirestoreConnectionRegistry implements ConnectionRegistry {
  /** The connections' collection. */
  public static final String CONNECTIONS = "realtimeConnections";

  /** The subscriptions' collection. */
  public static final String SUBSCRIPTIONS = "realtimeSubscriptions";

  private final Firestore firestore;

  public FirestoreConnectionRegistry(Firestore firestore) {
    this.firestore = firestore;
  }

  private DocumentReference connection(ConnectionId id) {
    return firestore.collection(CONNECTIONS).document(id.value());
  }

  private DocumentReference subscription(GroupId group, ConnectionId id) {
    return firestore.collection(SUBSCRIPTIONS).document(group.value() + ":" + id.value());
  }

  @Override
  public void open(Connection connection) {
    VersionedDocuments.create(connection(connection.id()), data(connection));
  }

  @Override
  public Optional<Connection> load(ConnectionId id) {
    return VersionedDocuments.read(connection(id))
        .map(doc -> connection(id, doc.snapshot(), doc.version()));
  }

  @Override
  public void replace(Connection next, long expectedVersion) {
    VersionedDocuments.replace(connection(next.id()), data(next), expectedVersion);
  }

  @Override
  public void close(ConnectionId id) {
    FirestoreCalls.await(connection(id).delete());
  }

  @Override
  public void subscribe(Subscription subscription) {
    Map<String, Object> data = new HashMap<>();
    data.put("groupId", subscription.group().value());
    data.put("connectionId", subscription.connection().value());
    data.put("userId", subscription.user().value());
    data.put("expiresAt", timestamp(subscription.expiresAt()));
    FirestoreCalls.await(subscription(subscription.group(), subscription.connection()).set(data));
  }

  @Override
  public void unsubscribe(GroupId group, ConnectionId id) {
    FirestoreCalls.await(subscription(group, id).delete());
  }

  @Override
  public List<Subscription> subscribers(GroupId group) {
    return FirestoreCalls.await(
            firestore.collection(SUBSCRIPTIONS).whereEqualTo("groupId", group.value()).get())
        .getDocuments()
        .stream()
        .map(
            doc ->
                new Subscription(
                    group,
                    new ConnectionId(doc.getString("connectionId")),
                    new UserId(doc.getString("userId")),
                    instant(doc.getTimestamp("expiresAt"))))
        .toList();
  }

  private static Map<String, Object> data(Connection connection) {
    Map<String, Object> data = new HashMap<>();
    data.put("userId", connection.user().value());
    data.put("groups", connection.groups().stream().map(GroupId::value).sorted().toList());
    data.put("connectedAt", timestamp(connection.connectedAt()));
    data.put("expiresAt", timestamp(connection.expiresAt()));
    data.put("windowStart", timestamp(connection.windowStart()));
    data.put("framesInWindow", connection.framesInWindow());
    data.put(VersionedDocuments.VERSION_FIELD, connection.version());
    return data;
  }

  @SuppressWarnings("unchecked")
  private static Connection connection(ConnectionId id, DocumentSnapshot doc, long version) {
    List<String> groups = (List<String>) doc.get("groups");
    return new Connection(
        id,
        new UserId(doc.getString("userId")),
        groups == null
            ? java.util.Set.of()
            : groups.stream().map(GroupId::new).collect(Collectors.toSet()),
        instant(doc.getTimestamp("connectedAt")),
        instant(doc.getTimestamp("expiresAt")),
        instant(doc.getTimestamp("windowStart")),
        doc.getLong("framesInWindow").intValue(),
        version);
  }

  private static Timestamp timestamp(Instant instant) {
    return Timestamp.ofTimeSecondsAndNanos(instant.getEpochSecond(), instant.getNano());
  }

  private static Instant instant(Timestamp timestamp) {
    return Instant.ofEpochSecond(timestamp.getSeconds(), timestamp.getNanos());
  }
}
