package app.stride.social.aws.adapter.out.dynamodb;

import static app.stride.social.aws.adapter.out.dynamodb.SocialItemMapper.authorPk;
import static app.stride.social.aws.adapter.out.dynamodb.SocialItemMapper.authorSk;
import static app.stride.social.aws.adapter.out.dynamodb.SocialItemMapper.chatPk;
import static app.stride.social.aws.adapter.out.dynamodb.SocialItemMapper.claimPk;
import static app.stride.social.aws.adapter.out.dynamodb.SocialItemMapper.messageSk;

import app.stride.core.store.VersionConflictException;
import app.stride.social.application.port.out.MessageStore;
import app.stride.social.domain.GroupId;
import app.stride.social.domain.Message;
import app.stride.social.domain.MessageId;
import app.stride.social.domain.UserId;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;

/**
 * A group's chat on DynamoDB: messages in the partition {@code c#<groupId>} sorted by id (sending
 * order), send claims in {@code k#<groupId>}; messages not deleted also in the {@code byUser} index
 * by author ({@code ua#<authorId>}), which a tombstone leaves.
 */
public final class DynamoMessageStore implements MessageStore {
  private static final String PREFIX = "msg#";

  private final DynamoSocialTable table;

  DynamoMessageStore(DynamoSocialTable table) {
    this.table = table;
  }

  @Override
  public MessageId claim(GroupId group, UserId author, String clientMessageId, MessageId proposed) {
    String sk = author.value() + "#" + clientMessageId;
    SocialItem claim = new SocialItem();
    claim.setPk(claimPk(group));
    claim.setSk(sk);
    claim.setMessageId(proposed.value());
    try {
      table.create(claim);
      return proposed;
    } catch (VersionConflictException e) {
      return table
          .get(claimPk(group), sk)
          .map(item -> new MessageId(item.getMessageId()))
          .orElseThrow(() -> e);
    }
  }

  @Override
  public Optional<Message> load(GroupId group, MessageId id) {
    return table.get(chatPk(group), messageSk(id)).map(SocialItemMapper::toMessage);
  }

  @Override
  public void create(Message message) {
    table.create(SocialItemMapper.toItem(message));
  }

  @Override
  public void replace(Message next, long expectedVersion) {
    table.replace(SocialItemMapper.toItem(next), expectedVersion);
  }

  @Override
  public List<Message> history(GroupId group, Optional<MessageId> before, int limit) {
    String pk = chatPk(group);
    return table
        .query(
            QueryConditional.sortBeginsWith(
                Key.builder().partitionValue(pk).sortValue(PREFIX).build()),
            before.map(id -> DynamoSocialTable.key(pk, messageSk(id))),
            false,
            limit)
        .stream()
        .map(SocialItemMapper::toMessage)
        .toList();
  }

  @Override
  public List<Message> after(GroupId group, Optional<MessageId> after, int limit) {
    String pk = chatPk(group);
    return table
        .query(
            QueryConditional.sortBeginsWith(
                Key.builder().partitionValue(pk).sortValue(PREFIX).build()),
            after.map(id -> DynamoSocialTable.key(pk, messageSk(id))),
            true,
            limit)
        .stream()
        .map(SocialItemMapper::toMessage)
        .toList();
  }

  @Override
  public List<Message> liveBy(UserId author, Optional<Position> after, int limit) {
    return table
        .byUser(
            authorPk(author),
            after.map(
                p ->
                    new DynamoSocialTable.UserPosition(
                        authorSk(p.group(), p.message()),
                        chatPk(p.group()),
                        messageSk(p.message()))),
            limit)
        .stream()
        .map(SocialItemMapper::toMessage)
        .toList();
  }
}
