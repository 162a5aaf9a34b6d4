package app.stride.social.aws.adapter.out.dynamodb;

import static app.stride.social.aws.adapter.out.dynamodb.SocialItemMapper.GROUP_SK;
import static app.stride.social.aws.adapter.out.dynamodb.SocialItemMapper.groupPk;
import static app.stride.social.aws.adapter.out.dynamodb.SocialItemMapper.searchPk;
import static app.stride.social.aws.adapter.out.dynamodb.SocialItemMapper.searchSk;

import app.stride.social.application.port.out.GroupStore;
import app.stride.social.domain.Group;
import app.stride.social.domain.GroupId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Groups on DynamoDB: one item each, public ones indexed by search key ({@code byName}). */
public final class DynamoGroupStore implements GroupStore {
  private final DynamoSocialTable table;

  DynamoGroupStore(DynamoSocialTable table) {
    this.table = table;
  }

  @Override
  public Optional<Group> load(GroupId id) {
    return table.get(groupPk(id), GROUP_SK).map(SocialItemMapper::toGroup);
  }

  @Override
  public void create(Group group) {
    table.create(SocialItemMapper.toItem(group));
  }

  @Override
  public void replace(Group next, long expectedVersion) {
    table.replace(SocialItemMapper.toItem(next), expectedVersion);
  }

  @Override
  public void delete(GroupId id, long expectedVersion) {
    table.delete(groupPk(id), GROUP_SK, expectedVersion);
  }

  @Override
  public List<Group> searchPublic(String prefixKey, Optional<SearchPosition> after, int limit) {
    String partition = searchPk(prefixKey);
    QueryConditional condition =
        QueryConditional.sortBeginsWith(
            Key.builder().partitionValue(partition).sortValue(prefixKey).build());
    Optional<Map<String, AttributeValue>> start =
        after.map(
            p ->
                Map.of(
                    "searchPk", AttributeValue.fromS(partition),
                    "searchSk", AttributeValue.fromS(searchSk(p.nameKey(), p.groupId())),
                    "pk", AttributeValue.fromS(groupPk(p.groupId())),
                    "sk", AttributeValue.fromS(GROUP_SK)));
    return table.queryIndex(SocialItem.BY_NAME, condition, start, limit).stream()
        .map(SocialItemMapper::toGroup)
        .toList();
  }
}
