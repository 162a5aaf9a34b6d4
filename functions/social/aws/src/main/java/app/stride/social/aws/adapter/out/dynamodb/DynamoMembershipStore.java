package app.stride.social.aws.adapter.out.dynamodb;

import static app.stride.social.aws.adapter.out.dynamodb.SocialItemMapper.banSk;
import static app.stride.social.aws.adapter.out.dynamodb.SocialItemMapper.groupPk;
import static app.stride.social.aws.adapter.out.dynamodb.SocialItemMapper.memberSk;
import static app.stride.social.aws.adapter.out.dynamodb.SocialItemMapper.requestSk;
import static app.stride.social.aws.adapter.out.dynamodb.SocialItemMapper.requesterPk;
import static app.stride.social.aws.adapter.out.dynamodb.SocialItemMapper.userPk;

import app.stride.social.application.port.out.MembershipStore;
import app.stride.social.domain.Ban;
import app.stride.social.domain.GroupId;
import app.stride.social.domain.JoinRequest;
import app.stride.social.domain.Membership;
import app.stride.social.domain.UserId;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;

/**
 * A group's roster on DynamoDB: memberships, join requests and bans as items of the group's
 * partition; memberships and join requests also in the {@code byUser} index.
 */
public final class DynamoMembershipStore implements MembershipStore {
  private final DynamoSocialTable table;

  DynamoMembershipStore(DynamoSocialTable table) {
    this.table = table;
  }

  @Override
  public Optional<Membership> load(GroupId group, UserId user) {
    return table.get(groupPk(group), memberSk(user)).map(SocialItemMapper::toMembership);
  }

  @Override
  public void create(Membership membership) {
    table.create(SocialItemMapper.toItem(membership));
  }

  @Override
  public void replace(Membership next, long expectedVersion) {
    table.replace(SocialItemMapper.toItem(next), expectedVersion);
  }

  @Override
  public void delete(GroupId group, UserId user, long expectedVersion) {
    table.delete(groupPk(group), memberSk(user), expectedVersion);
  }

  @Override
  public List<Membership> members(GroupId group, Optional<UserId> after, int limit) {
    return inGroup(group, "m#", after.map(SocialItemMapper::memberSk), limit).stream()
        .map(SocialItemMapper::toMembership)
        .toList();
  }

  @Override
  public List<Membership> groupsOf(UserId user, Optional<GroupId> after, int limit) {
    return table
        .byUser(
            userPk(user),
            after.map(
                g -> new DynamoSocialTable.UserPosition(g.value(), groupPk(g), memberSk(user))),
            limit)
        .stream()
        .map(SocialItemMapper::toMembership)
        .toList();
  }

  @Override
  public Optional<Ban> ban(GroupId group, UserId user) {
    return table.get(groupPk(group), banSk(user)).map(SocialItemMapper::toBan);
  }

  @Override
  public void putBan(Ban ban) {
    if (ban(ban.groupId(), ban.userId()).isEmpty()) {
      try {
        table.create(SocialItemMapper.toItem(ban));
      } catch (app.stride.core.store.VersionConflictException e) {
        // banned concurrently: the ban holds either way
      }
    }
  }

  @Override
  public Optional<JoinRequest> request(GroupId group, UserId user) {
    return table.get(groupPk(group), requestSk(user)).map(SocialItemMapper::toRequest);
  }

  @Override
  public void createRequest(JoinRequest request) {
    table.create(SocialItemMapper.toItem(request));
  }

  @Override
  public void deleteRequest(GroupId group, UserId user) {
    table.deleteAny(groupPk(group), requestSk(user));
  }

  @Override
  public List<JoinRequest> requestsOf(UserId user, Optional<GroupId> after, int limit) {
    return table
        .byUser(
            requesterPk(user),
            after.map(
                g -> new DynamoSocialTable.UserPosition(g.value(), groupPk(g), requestSk(user))),
            limit)
        .stream()
        .map(SocialItemMapper::toRequest)
        .toList();
  }

  @Override
  public List<JoinRequest> requests(GroupId group, Optional<UserId> after, int limit) {
    return inGroup(group, "r#", after.map(SocialItemMapper::requestSk), limit).stream()
        .map(SocialItemMapper::toRequest)
        .toList();
  }

  private List<SocialItem> inGroup(
      GroupId group, String prefix, Optional<String> afterSk, int limit) {
    String pk = groupPk(group);
    return table.query(
        QueryConditional.sortBeginsWith(Key.builder().partitionValue(pk).sortValue(prefix).build()),
        afterSk.map(sk -> DynamoSocialTable.key(pk, sk)),
        true,
        limit);
  }
}
