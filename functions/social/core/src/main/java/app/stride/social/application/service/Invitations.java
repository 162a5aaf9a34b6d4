package app.stride.social.application.service;

import app.stride.core.region.RegionId;
import app.stride.core.store.VersionConflictException;
import app.stride.social.application.port.in.GroupMembershipUseCase.CreatedInvite;
import app.stride.social.application.port.in.GroupMembershipUseCase.JoinOutcome;
import app.stride.social.application.port.in.GroupMembershipUseCase.MemberView;
import app.stride.social.application.port.out.InviteStore;
import app.stride.social.application.port.out.MembershipStore;
import app.stride.social.domain.Group;
import app.stride.social.domain.Invite;
import app.stride.social.domain.Membership;
import app.stride.social.domain.PublicCard;
import app.stride.social.domain.RandomIds;
import app.stride.social.domain.UserId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Invite links: a token {@code <region>.<secret>} (32 random bytes) shown once, only its SHA-256
 * kept. Accepting counts one use with a conditional write on the invite's version before the
 * membership is written; an unknown, expired or used-up invite is {@code 404}, and a member
 * accepting again uses nothing up.
 */
final class Invitations {
  private static final int SECRET_BYTES = 32;
  private static final int ATTEMPTS = 5;

  private final InviteStore invites;
  private final MembershipStore memberships;
  private final GroupAccess access;
  private final Enrolment enrolment;
  private final RandomIds ids;
  private final Clock clock;

  Invitations(
      InviteStore invites,
      MembershipStore memberships,
      GroupAccess access,
      Enrolment enrolment,
      RandomIds ids,
      Clock clock) {
    this.invites = invites;
    this.memberships = memberships;
    this.access = access;
    this.enrolment = enrolment;
    this.ids = ids;
    this.clock = clock;
  }

  CreatedInvite create(Group group, UserId creator, Duration validFor, int maxUses) {
    RegionId region = access.region();
    String token = region.value() + "." + ids.secret(SECRET_BYTES);
    Invite invite =
        new Invite(hash(token), group.id(), creator, clock.instant().plus(validFor), maxUses, 0, 1);
    invites.create(invite);
    return new CreatedInvite(token, invite);
  }

  JoinOutcome accept(UserId user, String token, PublicCard card) {
    Invite invite = unexpired(token);
    Group group = access.group(invite.groupId());
    Optional<Membership> existing = memberships.load(group.id(), user);
    if (existing.isPresent()) {
      return JoinOutcome.wasMember(new MemberView(existing.get(), group.roleOf(existing.get())));
    }
    enrolment.requireNotBanned(group, user);
    useOnce(invite);
    try {
      MemberView member = enrolment.enrol(group, user, card);
      memberships.deleteRequest(group.id(), user);
      return JoinOutcome.joined(member);
    } catch (VersionConflictException e) {
      Membership now = memberships.load(group.id(), user).orElseThrow(Problems::busy);
      return JoinOutcome.wasMember(new MemberView(now, group.roleOf(now)));
    }
  }

  /**
   * The invite the token stands for, if it has not expired (uses are counted later: a member
   * accepting again uses nothing up); else {@code 404}.
   */
  private Invite unexpired(String token) {
    if (!token.startsWith(access.region().value() + ".")) {
      throw unusable();
    }
    Instant now = clock.instant();
    return invites
        .load(hash(token))
        .filter(i -> now.isBefore(i.expiresAt()))
        .orElseThrow(Invitations::unusable);
  }

  /** Counts one use; {@code 404} when the last use went to someone else meanwhile. */
  private void useOnce(Invite read) {
    Invite invite = read;
    for (int attempt = 1; ; attempt++) {
      if (!invite.usableAt(clock.instant())) {
        throw unusable();
      }
      try {
        invites.replace(invite.used(), invite.version());
        return;
      } catch (VersionConflictException e) {
        if (attempt >= ATTEMPTS) {
          throw Problems.busy();
        }
        invite = invites.load(invite.tokenHash()).orElseThrow(Invitations::unusable);
      }
    }
  }

  private static app.stride.core.problem.ProblemException unusable() {
    return Problems.notFound("This invite is unknown, expired or used up.");
  }

  /** Hex SHA-256 of the token, the only form it is stored in. */
  static String hash(String token) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing", e);
    }
  }
}
