package app.stride.social.aws.adapter.out.dynamodb;

import software.amazon.awssdk.enhanced.dynamodb.extensions.annotations.DynamoDbVersionAttribute;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSecondaryPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSecondarySortKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSortKey;

/**
 * One item of the social table ({@code STRIDE_SOCIAL_TABLE}, default {@code
 * stride-social-<region>}; keys {@code pk}/{@code sk} strings). The item kinds and their keys:
 *
 * <ul>
 *   <li>group: {@code g#<groupId>} / {@code group}; public groups also carry {@code searchPk} =
 *       {@code n#<first character of the search key>} and {@code searchSk} = {@code <search
 *       key>\u0001<groupId>} (sparse GSI {@value #BY_NAME}: prefix search in name order);
 *   <li>membership: {@code g#<groupId>} / {@code m#<userId>}, with {@code userPk} = {@code
 *       u#<userId>} and {@code userSk} = {@code <groupId>} (GSI {@value #BY_USER}: a user's
 *       groups); its personal data is the public card only ({@code displayName}, {@code
 *       avatarRef});
 *   <li>join request {@code g#<groupId>} / {@code r#<userId>}, with {@code userPk} = {@code
 *       ur#<userId>} and {@code userSk} = {@code <groupId>} (a user's pending requests); ban {@code
 *       g#<groupId>} / {@code b#<userId>};
 *   <li>invite: {@code i#<sha-256 of the token>} / {@code invite}, with {@code userPk} = {@code
 *       ui#<creator>} and {@code userSk} = the hash (the invites a user made); {@code expiresAt}
 *       (epoch seconds) is the table's TTL attribute;
 *   <li>message: {@code c#<groupId>} / {@code msg#<messageId>} (ids sort by sending time); while
 *       not deleted also {@code userPk} = {@code ua#<authorId>} and {@code userSk} = {@code
 *       <groupId>#<messageId>} (an author's live messages, for the account eraser);
 *   <li>send claim: {@code k#<groupId>} / {@code <authorId>#<clientMessageId>} → {@code messageId}.
 * </ul>
 *
 * {@code version} is the optimistic version of the versioned kinds, checked and incremented by the
 * enhanced client's version extension.
 */
@DynamoDbBean
public class SocialItem {
  /** The GSI of public groups by search key. */
  public static final String BY_NAME = "byName";

  /**
   * The GSI by user: memberships ({@code u#}), pending join requests ({@code ur#}), invites made
   * ({@code ui#}) and live messages ({@code ua#}), each kind in its own partitions.
   */
  public static final String BY_USER = "byUser";

  private String pk;
  private String sk;
  private Long version;
  private String groupId;
  private String userId;
  private String name;
  private String description;
  private String sport;
  private String visibility;
  private String ownerId;
  private Integer memberCount;
  private String createdAt;
  private String updatedAt;
  private String searchPk;
  private String searchSk;
  private String userPk;
  private String userSk;
  private String role;
  private String displayName;
  private String avatarRef;
  private String joinedAt;
  private String lastRead;
  private String actorId;
  private Long expiresAt;
  private Integer maxUses;
  private Integer uses;
  private String messageId;
  private String text;
  private String editedAt;
  private Boolean deleted;
  private String clientMessageId;

  @DynamoDbPartitionKey
  public String getPk() {
    return pk;
  }

  public void setPk(String pk) {
    this.pk = pk;
  }

  @DynamoDbSortKey
  public String getSk() {
    return sk;
  }

  public void setSk(String sk) {
    this.sk = sk;
  }

  @DynamoDbVersionAttribute
  public Long getVersion() {
    return version;
  }

  public void setVersion(Long version) {
    this.version = version;
  }

  public String getGroupId() {
    return groupId;
  }

  public void setGroupId(String groupId) {
    this.groupId = groupId;
  }

  public String getUserId() {
    return userId;
  }

  public void setUserId(String userId) {
    this.userId = userId;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getDescription() {
    return description;
  }

  public void setDescription(String description) {
    this.description = description;
  }

  public String getSport() {
    return sport;
  }

  public void setSport(String sport) {
    this.sport = sport;
  }

  public String getVisibility() {
    return visibility;
  }

  public void setVisibility(String visibility) {
    this.visibility = visibility;
  }

  public String getOwnerId() {
    return ownerId;
  }

  public void setOwnerId(String ownerId) {
    this.ownerId = ownerId;
  }

  public Integer getMemberCount() {
    return memberCount;
  }

  public void setMemberCount(Integer memberCount) {
    this.memberCount = memberCount;
  }

  public String getCreatedAt() {
    return createdAt;
  }

  public void setCreatedAt(String createdAt) {
    this.createdAt = createdAt;
  }

  public String getUpdatedAt() {
    return updatedAt;
  }

  public void setUpdatedAt(String updatedAt) {
    this.updatedAt = updatedAt;
  }

  @DynamoDbSecondaryPartitionKey(indexNames = BY_NAME)
  public String getSearchPk() {
    return searchPk;
  }

  public void setSearchPk(String searchPk) {
    this.searchPk = searchPk;
  }

  @DynamoDbSecondarySortKey(indexNames = BY_NAME)
  public String getSearchSk() {
    return searchSk;
  }

  public void setSearchSk(String searchSk) {
    this.searchSk = searchSk;
  }

  @DynamoDbSecondaryPartitionKey(indexNames = BY_USER)
  public String getUserPk() {
    return userPk;
  }

  public void setUserPk(String userPk) {
    this.userPk = userPk;
  }

  @DynamoDbSecondarySortKey(indexNames = BY_USER)
  public String getUserSk() {
    return userSk;
  }

  public void setUserSk(String userSk) {
    this.userSk = userSk;
  }

  public String getRole() {
    return role;
  }

  public void setRole(String role) {
    this.role = role;
  }

  public String getDisplayName() {
    return displayName;
  }

  public void setDisplayName(String displayName) {
    this.displayName = displayName;
  }

  public String getAvatarRef() {
    return avatarRef;
  }

  public void setAvatarRef(String avatarRef) {
    this.avatarRef = avatarRef;
  }

  public String getJoinedAt() {
    return joinedAt;
  }

  public void setJoinedAt(String joinedAt) {
    this.joinedAt = joinedAt;
  }

  public String getLastRead() {
    return lastRead;
  }

  public void setLastRead(String lastRead) {
    this.lastRead = lastRead;
  }

  public String getActorId() {
    return actorId;
  }

  public void setActorId(String actorId) {
    this.actorId = actorId;
  }

  public Long getExpiresAt() {
    return expiresAt;
  }

  public void setExpiresAt(Long expiresAt) {
    this.expiresAt = expiresAt;
  }

  public Integer getMaxUses() {
    return maxUses;
  }

  public void setMaxUses(Integer maxUses) {
    this.maxUses = maxUses;
  }

  public Integer getUses() {
    return uses;
  }

  public void setUses(Integer uses) {
    this.uses = uses;
  }

  public String getMessageId() {
    return messageId;
  }

  public void setMessageId(String messageId) {
    this.messageId = messageId;
  }

  public String getText() {
    return text;
  }

  public void setText(String text) {
    this.text = text;
  }

  public String getEditedAt() {
    return editedAt;
  }

  public void setEditedAt(String editedAt) {
    this.editedAt = editedAt;
  }

  public Boolean getDeleted() {
    return deleted;
  }

  public void setDeleted(Boolean deleted) {
    this.deleted = deleted;
  }

  public String getClientMessageId() {
    return clientMessageId;
  }

  public void setClientMessageId(String clientMessageId) {
    this.clientMessageId = clientMessageId;
  }
}
