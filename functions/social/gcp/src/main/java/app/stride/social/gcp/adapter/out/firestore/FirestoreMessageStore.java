package app.stride.social.gcp.adapter.out.firestore;

import static app.stride.social.gcp.adapter.out.firestore.SocialDocuments.CLAIMS;
import static app.stride.social.gcp.adapter.out.firestore.SocialDocuments.MESSAGES;
import static app.stride.social.gcp.adapter.out.firestore.SocialDocuments.pair;

import app.stride.core.store.VersionConflictException;
import app.stride.gcp.firestore.FirestoreCalls;
import app.stride.gcp.firestore.VersionedDocuments;
import app.stride.social.application.port.out.MessageStore;
import app.stride.social.domain.GroupId;
import app.stride.social.domain.Message;
import app.stride.social.domain.MessageId;
import app.stride.social.domain.UserId;
import com.google.cloud.firestore.DocumentReference;
import com.google.cloud.firestore.Firestore;
import com.google.cloud.firestore.Query;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A group's chat on Firestore: {@code groupMessages/<groupId>:<messageId>}, listed by {@code
 * groupId} ordered by {@code messageId} (composite index groupId, messageId, both directions); send
 * claims in {@code groupSendClaims}. An author's live messages: {@code authorId} and {@code deleted
 * == false}, ordered by {@code groupId}, {@code messageId} (composite index authorId, deleted,
 * groupId, messageId).
 */
public final class FirestoreMessageStore implements MessageStore {
  private final Firestore firestore;

  FirestoreMessageStore(Firestore firestore) {
    this.firestore = firestore;
  }

  @Override
  public MessageId claim(GroupId group, UserId author, String clientMessageId, MessageId proposed) {
    DocumentReference ref =
        firestore.collection(CLAIMS).document(pair(group, author + ":" + clientMessageId));
    try {
      VersionedDocuments.create(ref, Map.of("messageId", proposed.value()));
      return proposed;
    } catch (VersionConflictException e) {
      return new MessageId(FirestoreCalls.await(ref.get()).getString("messageId"));
    }
  }

  @Override
  public Optional<Message> load(GroupId group, MessageId id) {
    return VersionedDocuments.read(firestore.collection(MESSAGES).document(pair(group, id)))
        .map(d -> SocialDocuments.message(d.snapshot()));
  }

  @Override
  public void create(Message message) {
    VersionedDocuments.create(
        firestore.collection(MESSAGES).document(pair(message.groupId(), message.id())),
        SocialDocuments.of(message));
  }

  @Override
  public void replace(Message next, long expectedVersion) {
    VersionedDocuments.replace(
        firestore.collection(MESSAGES).document(pair(next.groupId(), next.id())),
        SocialDocuments.of(next),
        expectedVersion);
  }

  @Override
  public List<Message> history(GroupId group, Optional<MessageId> before, int limit) {
    return list(group, Query.Direction.DESCENDING, before, limit);
  }

  @Override
  public List<Message> after(GroupId group, Optional<MessageId> after, int limit) {
    return list(group, Query.Direction.ASCENDING, after, limit);
  }

  @Override
  public List<Message> liveBy(UserId author, Optional<Position> after, int limit) {
    Query query =
        firestore
            .collection(MESSAGES)
            .whereEqualTo("authorId", author.value())
            .whereEqualTo("deleted", false)
            .orderBy("groupId")
            .orderBy("messageId");
    if (after.isPresent()) {
      query = query.startAfter(after.get().group().value(), after.get().message().value());
    }
    return FirestoreCalls.await(query.limit(limit).get()).getDocuments().stream()
        .map(SocialDocuments::message)
        .toList();
  }

  private List<Message> list(
      GroupId group, Query.Direction direction, Optional<MessageId> from, int limit) {
    Query query =
        firestore
            .collection(MESSAGES)
            .whereEqualTo("groupId", group.value())
            .orderBy("messageId", direction);
    if (from.isPresent()) {
      query = query.startAfter(from.get().value());
    }
    return FirestoreCalls.await(query.limit(limit).get()).getDocuments().stream()
        .map(SocialDocuments::message)
        .toList();
  }
}
