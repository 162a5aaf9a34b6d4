package app.stride.infra.capability;

import java.util.List;
import java.util.Objects;

/**
 * A capability's real-time channel ({@code docs/chat.md}): a WebSocket API served by a second
 * Lambda of the capability's jar on AWS, a Cloud Run server on GCP, and a connection registry kept
 * in the capability's own store with a TTL on every entry.
 *
 * @param capability the capability whose jar, table and identity the channel uses
 * @param definition the Spring Cloud Function bean of the WebSocket routes ({@code <name>Realtime})
 * @param firestoreTtlCollections the Firestore collections of the registry, each with a TTL policy
 * @param ttlField the timestamp field (Firestore) after which an entry is gone
 */
public record RealtimeChannel(
    Capability capability,
    String definition,
    List<String> firestoreTtlCollections,
    String ttlField) {

  /** Copies the list; the capability's table must have the same TTL attribute on AWS. */
  public RealtimeChannel {
    Objects.requireNonNull(capability, "capability");
    Objects.requireNonNull(definition, "definition");
    firestoreTtlCollections = List.copyOf(firestoreTtlCollections);
    if (!capability.table().ttlAttribute().map(ttlField::equals).orElse(false)) {
      throw new IllegalArgumentException(
          capability.name() + " table has no TTL on " + ttlField + " for its connections");
    }
  }

  /** The capability's name. */
  public String name() {
    return capability.name();
  }
}
