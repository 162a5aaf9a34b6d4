package app.stride.social.aws.adapter.out.dynamodb;

import static app.stride.social.aws.adapter.out.dynamodb.SocialItemMapper.INVITE_SK;
import static app.stride.social.aws.adapter.out.dynamodb.SocialItemMapper.invitePk;
import static app.stride.social.aws.adapter.out.dynamodb.SocialItemMapper.inviterPk;

import app.stride.social.application.port.out.InviteStore;
import app.stride.social.domain.Invite;
import app.stride.social.domain.UserId;
import java.util.List;
import java.util.Optional;

/**
 * Invites on DynamoDB, keyed by the token's hash, and in the {@code byUser} index by creator;
 * {@code expiresAt} is the TTL attribute.
 */
public final class DynamoInviteStore implements InviteStore {
  private final DynamoSocialTable table;

  DynamoInviteStore(DynamoSocialTable table) {
    this.table = table;
  }

  @Override
  public void create(Invite invite) {
    table.create(SocialItemMapper.toItem(invite));
  }

  @Override
  public Optional<Invite> load(String tokenHash) {
    return table
        .get(invitePk(tokenHash), INVITE_SK)
        .map(item -> SocialItemMapper.toInvite(tokenHash, item));
  }

  @Override
  public void replace(Invite next, long expectedVersion) {
    table.replace(SocialItemMapper.toItem(next), expectedVersion);
  }

  @Override
  public List<Invite> createdBy(UserId creator, Optional<String> after, int limit) {
    return table
        .byUser(
            inviterPk(creator),
            after.map(hash -> new DynamoSocialTable.UserPosition(hash, invitePk(hash), INVITE_SK)),
            limit)
        .stream()
        .map(item -> SocialItemMapper.toInvite(item.getUserSk(), item))
        .toList();
  }

  @Override
  public void delete(String tokenHash) {
    table.deleteAny(invitePk(tokenHash), INVITE_SK);
  }
}
