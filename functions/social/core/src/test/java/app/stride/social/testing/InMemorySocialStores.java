package app.stride.social.testing;

import app.stride.core.store.VersionConflictException;
import app.stride.social.application.port.out.GroupStore;
import app.stride.social.application.port.out.InviteStore;
import app.stride.social.application.port.out.MembershipStore;
import app.stride.social.application.port.out.MessageStore;
import app.stride.social.application.port.out.SocialStores;
import app.stride.social.domain.Ban;
import app.stride.social.domain.Group;
import app.stride.social.domain.GroupId;
import app.stride.social.domain.Invite;
import app.stride.social.domain.JoinRequest;
import app.stride.social.domain.Membership;
import app.stride.social.domain.Message;
import app.stride.social.domain.MessageId;
import app.stride.social.domain.UserId;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/** The four store ports in memory, with the same conditional-write semantics as the adapters. */
public final class InMemorySocialStores
    implements GroupStore, MembershipStore, InviteStore, MessageStore {
  public final Map<GroupId, Group> groups = new ConcurrentHashMap<>();
  public final Map<String, Membership> members = new ConcurrentSkipListMap<>();
  public final Map<String, Ban> bans = new ConcurrentHashMap<>();
  public final Map<String, JoinRequest> requests = new ConcurrentSkipListMap<>();
  public final Map<String, Invite> invites = new ConcurrentHashMap<>();
  public final Map<String, Message> messages = new ConcurrentSkipListMap<>();
  public final Map<String, MessageId> claims = new ConcurrentHashMap<>();

  /** These stores as the ports the services take. */
  public SocialStores ports() {
    return new SocialStores(this, this, this, this);
  }

  private static String key(GroupId g, Object rest) {
    return g.value() + "|" + rest;
  }

  @Override
  public Optional<Group> load(GroupId id) {
    return Optional.ofNullable(groups.get(id));
  }

  @Override
  public synchronized void create(Group group) {
    if (groups.putIfAbsent(group.id(), group) != null) {
      throw new VersionConflictException("exists");
    }
  }

  @Override
  public synchronized void replace(Group next, long expectedVersion) {
    Group current = groups.get(next.id());
    if (current == null || current.version() != expectedVersion) {
      throw new VersionConflictException("changed");
    }
    groups.put(next.id(), next);
  }

  @Override
  public synchronized void delete(GroupId id, long expectedVersion) {
    Group current = groups.get(id);
    if (current == null || current.version() != expectedVersion) {
      throw new VersionConflictException("changed");
    }
    groups.remove(id);
  }

  @Override
  public List<Group> searchPublic(String prefixKey, Optional<SearchPosition> after, int limit) {
    Comparator<Group> order =
        Comparator.comparing(Group::nameKey).thenComparing(g -> g.id().value());
    return groups.values().stream()
        .filter(Group::isPublic)
        .filter(g -> g.nameKey().startsWith(prefixKey))
        .filter(
            g ->
                after.isEmpty()
                    || g.nameKey().compareTo(after.get().nameKey()) > 0
                    || (g.nameKey().equals(after.get().nameKey())
                        && g.id().value().compareTo(after.get().groupId().value()) > 0))
        .sorted(order)
        .limit(limit)
        .toList();
  }

  @Override
  public Optional<Membership> load(GroupId group, UserId user) {
    return Optional.ofNullable(members.get(key(group, user)));
  }

  @Override
  public synchronized void create(Membership membership) {
    if (members.putIfAbsent(key(membership.groupId(), membership.userId()), membership) != null) {
      throw new VersionConflictException("exists");
    }
  }

  @Override
  public synchronized void replace(Membership next, long expectedVersion) {
    String k = key(next.groupId(), next.userId());
    Membership current = members.get(k);
    if (current == null || current.version() != expectedVersion) {
      throw new VersionConflictException("changed");
    }
    members.put(k, next);
  }

  @Override
  public synchronized void delete(GroupId group, UserId user, long expectedVersion) {
    Membership current = members.get(key(group, user));
    if (current == null || current.version() != expectedVersion) {
      throw new VersionConflictException("changed");
    }
    members.remove(key(group, user));
  }

  @Override
  public List<Membership> members(GroupId group, Optional<UserId> after, int limit) {
    return members.values().stream()
        .filter(m -> m.groupId().equals(group))
        .filter(m -> after.isEmpty() || m.userId().value().compareTo(after.get().value()) > 0)
        .sorted(Comparator.comparing(m -> m.userId().value()))
        .limit(limit)
        .toList();
  }

  @Override
  public List<Membership> groupsOf(UserId user, Optional<GroupId> after, int limit) {
    return members.values().stream()
        .filter(m -> m.userId().equals(user))
        .filter(m -> after.isEmpty() || m.groupId().value().compareTo(after.get().value()) > 0)
        .sorted(Comparator.comparing(m -> m.groupId().value()))
        .limit(limit)
        .toList();
  }

  @Override
  public Optional<Ban> ban(GroupId group, UserId user) {
    return Optional.ofNullable(bans.get(key(group, user)));
  }

  @Override
  public void putBan(Ban ban) {
    bans.put(key(ban.groupId(), ban.userId()), ban);
  }

  @Override
  public Optional<JoinRequest> request(GroupId group, UserId user) {
    return Optional.ofNullable(requests.get(key(group, user)));
  }

  @Override
  public synchronized void createRequest(JoinRequest request) {
    if (requests.putIfAbsent(key(request.groupId(), request.userId()), request) != null) {
      throw new VersionConflictException("exists");
    }
  }

  @Override
  public void deleteRequest(GroupId group, UserId user) {
    requests.remove(key(group, user));
  }

  @Override
  public List<JoinRequest> requestsOf(UserId user, Optional<GroupId> after, int limit) {
    return requests.values().stream()
        .filter(r -> r.userId().equals(user))
        .filter(r -> after.isEmpty() || r.groupId().value().compareTo(after.get().value()) > 0)
        .sorted(Comparator.comparing(r -> r.groupId().value()))
        .limit(limit)
        .toList();
  }

  @Override
  public List<JoinRequest> requests(GroupId group, Optional<UserId> after, int limit) {
    return requests.values().stream()
        .filter(r -> r.groupId().equals(group))
        .filter(r -> after.isEmpty() || r.userId().value().compareTo(after.get().value()) > 0)
        .sorted(Comparator.comparing(r -> r.userId().value()))
        .limit(limit)
        .toList();
  }

  @Override
  public synchronized void create(Invite invite) {
    if (invites.putIfAbsent(invite.tokenHash(), invite) != null) {
      throw new VersionConflictException("exists");
    }
  }

  @Override
  public Optional<Invite> load(String tokenHash) {
    return Optional.ofNullable(invites.get(tokenHash));
  }

  @Override
  public synchronized void replace(Invite next, long expectedVersion) {
    Invite current = invites.get(next.tokenHash());
    if (current == null || current.version() != expectedVersion) {
      throw new VersionConflictException("changed");
    }
    invites.put(next.tokenHash(), next);
  }

  @Override
  public List<Invite> createdBy(UserId creator, Optional<String> after, int limit) {
    return invites.values().stream()
        .filter(i -> i.createdBy().equals(creator))
        .filter(i -> after.isEmpty() || i.tokenHash().compareTo(after.get()) > 0)
        .sorted(Comparator.comparing(Invite::tokenHash))
        .limit(limit)
        .toList();
  }

  @Override
  public void delete(String tokenHash) {
    invites.remove(tokenHash);
  }

  @Override
  public MessageId claim(GroupId group, UserId author, String clientMessageId, MessageId proposed) {
    MessageId earlier = claims.putIfAbsent(key(group, author + "|" + clientMessageId), proposed);
    return earlier == null ? proposed : earlier;
  }

  @Override
  public Optional<Message> load(GroupId group, MessageId id) {
    return Optional.ofNullable(messages.get(key(group, id)));
  }

  @Override
  public synchronized void create(Message message) {
    if (messages.putIfAbsent(key(message.groupId(), message.id()), message) != null) {
      throw new VersionConflictException("exists");
    }
  }

  @Override
  public synchronized void replace(Message next, long expectedVersion) {
    String k = key(next.groupId(), next.id());
    Message current = messages.get(k);
    if (current == null || current.version() != expectedVersion) {
      throw new VersionConflictException("changed");
    }
    messages.put(k, next);
  }

  @Override
  public List<Message> history(GroupId group, Optional<MessageId> before, int limit) {
    return messages.values().stream()
        .filter(m -> m.groupId().equals(group))
        .filter(m -> before.isEmpty() || m.id().compareTo(before.get()) < 0)
        .sorted(Comparator.comparing(Message::id).reversed())
        .limit(limit)
        .toList();
  }

  @Override
  public List<Message> after(GroupId group, Optional<MessageId> after, int limit) {
    return messages.values().stream()
        .filter(m -> m.groupId().equals(group))
        .filter(m -> after.isEmpty() || m.id().compareTo(after.get()) > 0)
        .sorted(Comparator.comparing(Message::id))
        .limit(limit)
        .toList();
  }

  @Override
  public List<Message> liveBy(UserId author, Optional<Position> after, int limit) {
    Comparator<Message> order =
        Comparator.comparing((Message m) -> m.groupId().value()).thenComparing(Message::id);
    return messages.values().stream()
        .filter(m -> m.authorId().equals(author) && !m.deleted())
        .filter(
            m ->
                after.isEmpty()
                    || m.groupId().value().compareTo(after.get().group().value()) > 0
                    || (m.groupId().equals(after.get().group())
                        && m.id().compareTo(after.get().message()) > 0))
        .sorted(order)
        .limit(limit)
        .toList();
  }
}
