package app.stride.social.domain;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;

/**
 * A group. Its single item is where the group's invariants live: {@code ownerId} is the one owner
 * (a transfer is one conditional write of this item), and {@code memberCount} is kept with
 * conditional writes on {@code version}.
 *
 * @param id the id, naming the region it lives in
 * @param name the name
 * @param description optional text
 * @param sport the sport, one of the API's sports
 * @param visibility public or private
 * @param ownerId the owner
 * @param memberCount active members, the owner included
 * @param createdAt when it was created
 * @param updatedAt when it last changed
 * @param version optimistic version, 1 on creation
 */
public record Group(
    GroupId id,
    String name,
    Optional<String> description,
    String sport,
    Visibility visibility,
    UserId ownerId,
    int memberCount,
    Instant createdAt,
    Instant updatedAt,
    long version) {
  public Group {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    description = description == null ? Optional.empty() : description;
    Objects.requireNonNull(sport, "sport");
    Objects.requireNonNull(visibility, "visibility");
    Objects.requireNonNull(ownerId, "ownerId");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(updatedAt, "updatedAt");
  }

  /** The key public-group search matches a name prefix against ({@link SearchKeys}). */
  public String nameKey() {
    return SearchKeys.of(name);
  }

  /** Whether the group is listed in search. */
  public boolean isPublic() {
    return visibility == Visibility.PUBLIC;
  }

  /**
   * The role of a member: the owner is whoever this group names, whatever the member item says (a
   * previous owner whose item still says owner is an admin).
   */
  public GroupRole roleOf(Membership membership) {
    if (ownerId.equals(membership.userId())) {
      return GroupRole.OWNER;
    }
    return membership.storedRole() == GroupRole.OWNER ? GroupRole.ADMIN : membership.storedRole();
  }

  /**
   * Who takes this group over when its owner goes without handing it to anyone (their account was
   * deleted): the longest-standing admin among {@code members}, else the longest-standing member
   * (earliest {@code joinedAt}, then the smaller user id); empty when nobody but the owner is left.
   */
  public Optional<Membership> successorAmong(Collection<Membership> members) {
    Comparator<Membership> seniority =
        Comparator.comparing(Membership::joinedAt).thenComparing(m -> m.userId().value());
    Optional<Membership> admin =
        members.stream()
            .filter(m -> !ownerId.equals(m.userId()) && roleOf(m) == GroupRole.ADMIN)
            .min(seniority);
    if (admin.isPresent()) {
      return admin;
    }
    return members.stream().filter(m -> !ownerId.equals(m.userId())).min(seniority);
  }

  /** This group with {@code count} members, a new version and update time. */
  public Group withMemberCount(int count, Instant at) {
    return new Group(
        id, name, description, sport, visibility, ownerId, count, createdAt, at, version + 1);
  }

  /** This group owned by {@code newOwner}. */
  public Group withOwner(UserId newOwner, Instant at) {
    return new Group(
        id,
        name,
        description,
        sport,
        visibility,
        newOwner,
        memberCount,
        createdAt,
        at,
        version + 1);
  }

  /** This group with new settings. */
  public Group withSettings(
      String newName,
      Optional<String> newDescription,
      String newSport,
      Visibility newVisibility,
      Instant at) {
    return new Group(
        id,
        newName,
        newDescription,
        newSport,
        newVisibility,
        ownerId,
        memberCount,
        createdAt,
        at,
        version + 1);
  }
}
