package app.stride.social.application.service;

import app.stride.core.region.RegionId;
import app.stride.social.application.port.out.MessageDeliveryPort;
import app.stride.social.application.port.out.SocialStores;
import app.stride.social.domain.RandomIds;
import java.time.Clock;

/**
 * The three use cases of one region, built over the same stores.
 *
 * @param groups groups
 * @param membership membership and moderation
 * @param chat chat
 */
public record SocialServices(GroupService groups, MembershipService membership, ChatService chat) {

  /** Wires the use cases of {@code servingRegion}. */
  public static SocialServices of(
      SocialStores stores,
      MessageDeliveryPort delivery,
      Cursors cursors,
      RegionId servingRegion,
      RandomIds ids,
      Clock clock) {
    GroupAccess access = new GroupAccess(stores.groups(), stores.memberships(), servingRegion);
    MemberCounts counts = new MemberCounts(stores.groups(), clock);
    Enrolment enrolment = new Enrolment(stores.memberships(), counts, clock);
    RosterChanges roster =
        new RosterChanges(stores.groups(), stores.memberships(), access, counts, clock);
    UnreadCounts unread = new UnreadCounts(stores.messages());
    Invitations invitations =
        new Invitations(stores.invites(), stores.memberships(), access, enrolment, ids, clock);
    return new SocialServices(
        new GroupService(
            stores.groups(), stores.memberships(), access, unread, cursors, ids, clock),
        new MembershipService(
            stores.memberships(), access, roster, enrolment, invitations, cursors, clock),
        new ChatService(
            stores.messages(),
            stores.memberships(),
            access,
            unread,
            new ChatChanges(stores.messages(), delivery, clock),
            cursors,
            ids,
            clock));
  }
}
