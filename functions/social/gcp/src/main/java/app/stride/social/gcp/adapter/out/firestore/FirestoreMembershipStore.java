package app.stride.social.gcp.adapter.out.firestore;

import static app.stride.social.gcp.adapter.out.firestore.SocialDocuments.BANS;
import static app.stride.social.gcp.adapter.out.firestore.SocialDocuments.MEMBERS;
import static app.stride.social.gcp.adapter.out.firestore.SocialDocuments.REQUESTS;
import static app.stride.social.gcp.adapter.out.firestore.SocialDocuments.pair;

import app.stride.gcp.firestore.FirestoreCalls;
import app.stride.gcp.firestore.VersionedDocuments;
import app.stride.social.application.port.out.MembershipStore;
import app.stride.social.domain.Ban;
import app.stride.social.domain.GroupId;
import app.stride.social.domain.JoinRequest;
import app.stride.social.domain.Membership;
import app.stride.social.domain.UserId;
import com.google.cloud.firestore.DocumentReference;
import com.google.cloud.firestore.DocumentSnapshot;
import com.google.cloud.firestore.Firestore;
import com.google.cloud.firestore.Query;
import java.util.List;
import java.util.Optional;

/**
 * A group's roster on Firestore: {@code groupMembers}, {@code groupJoinRequests}, {@code
 * groupBans}, documents {@code <groupId>:<userId>}. Listings: members and requests by {@code
 * groupId} ordered by {@code userId}; a user's groups and pending requests by {@code userId}
 * ordered by {@code groupId}.
 */
public final class FirestoreMembershipStore implements MembershipStore {
  private final Firestore firestore;

  FirestoreMembershipStore(Firestore firestore) {
    this.firestore = firestore;
  }

  private DocumentReference ref(String collection, GroupId group, UserId user) {
    return firestore.collection(collection).document(pair(group, user));
  }

  @Override
  public Optional<Membership> load(GroupId group, UserId user) {
    return read(ref(MEMBERS, group, user)).map(SocialDocuments::membership);
  }

  @Override
  public void create(Membership membership) {
    VersionedDocuments.create(
        ref(MEMBERS, membership.groupId(), membership.userId()), SocialDocuments.of(membership));
  }

  @Override
  public void replace(Membership next, long expectedVersion) {
    VersionedDocuments.replace(
        ref(MEMBERS, next.groupId(), next.userId()), SocialDocuments.of(next), expectedVersion);
  }

  @Override
  public void delete(GroupId group, UserId user, long expectedVersion) {
    VersionedDocuments.delete(ref(MEMBERS, group, user), expectedVersion);
  }

  @Override
  public List<Membership> members(GroupId group, Optional<UserId> after, int limit) {
    return list(MEMBERS, "groupId", group.value(), "userId", after.map(UserId::value), limit)
        .stream()
        .map(SocialDocuments::membership)
        .toList();
  }

  @Override
  public List<Membership> groupsOf(UserId user, Optional<GroupId> after, int limit) {
    return list(MEMBERS, "userId", user.value(), "groupId", after.map(GroupId::value), limit)
        .stream()
        .map(SocialDocuments::membership)
        .toList();
  }

  @Override
  public Optional<Ban> ban(GroupId group, UserId user) {
    return read(ref(BANS, group, user)).map(SocialDocuments::ban);
  }

  @Override
  public void putBan(Ban ban) {
    FirestoreCalls.await(ref(BANS, ban.groupId(), ban.userId()).set(SocialDocuments.of(ban)));
  }

  @Override
  public Optional<JoinRequest> request(GroupId group, UserId user) {
    return read(ref(REQUESTS, group, user)).map(SocialDocuments::request);
  }

  @Override
  public void createRequest(JoinRequest request) {
    VersionedDocuments.create(
        ref(REQUESTS, request.groupId(), request.userId()), SocialDocuments.of(request));
  }

  @Override
  public void deleteRequest(GroupId group, UserId user) {
    FirestoreCalls.await(ref(REQUESTS, group, user).delete());
  }

  @Override
  public List<JoinRequest> requestsOf(UserId user, Optional<GroupId> after, int limit) {
    return list(REQUESTS, "userId", user.value(), "groupId", after.map(GroupId::value), limit)
        .stream()
        .map(SocialDocuments::request)
        .toList();
  }

  @Override
  public List<JoinRequest> requests(GroupId group, Optional<UserId> after, int limit) {
    return list(REQUESTS, "groupId", group.value(), "userId", after.map(UserId::value), limit)
        .stream()
        .map(SocialDocuments::request)
        .toList();
  }

  private static Optional<DocumentSnapshot> read(DocumentReference ref) {
    DocumentSnapshot snapshot = FirestoreCalls.await(ref.get());
    return snapshot.exists() ? Optional.of(snapshot) : Optional.empty();
  }

  private List<DocumentSnapshot> list(
      String collection,
      String filterField,
      String filterValue,
      String orderField,
      Optional<String> after,
      int limit) {
    Query query =
        firestore.collection(collection).whereEqualTo(filterField, filterValue).orderBy(orderField);
    if (after.isPresent()) {
      query = query.startAfter(after.get());
    }
    return List.copyOf(FirestoreCalls.await(query.limit(limit).get()).getDocuments());
  }
}
