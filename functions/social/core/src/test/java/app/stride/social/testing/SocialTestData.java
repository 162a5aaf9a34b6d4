package app.stride.social.testing;

import app.stride.social.domain.Group;
import app.stride.social.domain.GroupId;
import app.stride.social.domain.GroupRole;
import app.stride.social.domain.Invite;
import app.stride.social.domain.Membership;
import app.stride.social.domain.Message;
import app.stride.social.domain.MessageId;
import app.stride.social.domain.MessageText;
import app.stride.social.domain.PublicCard;
import app.stride.social.domain.RandomIds;
import app.stride.social.domain.UserId;
import app.stride.social.domain.Visibility;
import java.time.Instant;
import java.util.Optional;
import java.util.Random;

/** Builders of social domain values for tests. */
public final class SocialTestData {
  public static final Instant T0 = Instant.parse("2026-11-26T10:00:00Z");
  private static final RandomIds IDS = new RandomIds(new Random(7));

  private SocialTestData() {}

  /** A new group id of {@code region}. */
  public static synchronized GroupId aGroupId(String region) {
    return GroupId.newIn(region, IDS);
  }

  /** A public running group named {@code name}, owned by {@code owner}. */
  public static Group aGroup(GroupId id, String name, String owner, Visibility visibility) {
    return new Group(
        id,
        name,
        Optional.of("About " + name),
        "running",
        visibility,
        new UserId(owner),
        1,
        T0,
        T0,
        1);
  }

  public static PublicCard aCard(String name) {
    return new PublicCard(name, Optional.of("avatars/" + name.toLowerCase() + ".webp"));
  }

  public static Membership aMember(GroupId group, String user) {
    return Membership.join(group, new UserId(user), GroupRole.MEMBER, aCard(user), T0);
  }

  /** A message sent {@code second}s after {@link #T0}. */
  public static synchronized Message aMessage(
      GroupId group, String author, int second, String text) {
    Instant at = T0.plusSeconds(second);
    return Message.send(
        group,
        MessageId.newAt(at, IDS),
        new UserId(author),
        MessageText.of(text),
        at,
        "c-" + second + "-" + author);
  }

  public static Invite anInvite(String hash, GroupId group) {
    return anInvite(hash, group, "ana");
  }

  /** An invite into {@code group} made by {@code creator}. */
  public static Invite anInvite(String hash, GroupId group, String creator) {
    return new Invite(hash, group, new UserId(creator), T0.plusSeconds(3600), 3, 0, 1);
  }

  /** A user id no other test uses, starting with {@code prefix}. */
  public static String aUniqueUser(String prefix) {
    return prefix + Long.toString(System.nanoTime(), 36);
  }
}
