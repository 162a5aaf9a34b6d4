package app.stride.devices.aws.adapter.out.dynamodb;

import app.stride.core.store.VersionConflictException;
import java.util.Map;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The condition expressions of {@link DynamoConnectionStore}. */
final class ConnectionConditions {
  private ConnectionConditions() {}

  /** No claim exists, or {@code userId} holds it. */
  static Expression absentOrHeldBy(String userId) {
    return Expression.builder()
        .expression("attribute_not_exists(#pk) OR #holder = :holder")
        .expressionNames(Map.of("#pk", "userId", "#holder", "claimedUserId"))
        .expressionValues(Map.of(":holder", AttributeValue.fromS(userId)))
        .build();
  }

  /** {@code userId} holds the claim. */
  static Expression heldBy(String userId) {
    return Expression.builder()
        .expression("#holder = :holder")
        .expressionNames(Map.of("#holder", "claimedUserId"))
        .expressionValues(Map.of(":holder", AttributeValue.fromS(userId)))
        .build();
  }

  /** The claim is still the one read: same holder, same lease start. */
  static Expression claimUnchanged(ConnectionClaimItem read) {
    return Expression.builder()
        .expression("#holder = :holder AND #at = :at")
        .expressionNames(Map.of("#holder", "claimedUserId", "#at", "claimedAt"))
        .expressionValues(
            Map.of(
                ":holder", AttributeValue.fromS(read.getClaimedUserId()),
                ":at", AttributeValue.fromN(Long.toString(read.getClaimedAt()))))
        .build();
  }

  /**
   * The stored connection is at {@code version}, holds {@code providerUserId} and was last changed
   * at {@code updatedAt} (so a reconnect in between, which starts again at version 1, fails it).
   */
  static Expression connectionAt(long version, String providerUserId, String updatedAt) {
    return Expression.builder()
        .expression("#v = :v AND #account = :account AND #updated = :updated")
        .expressionNames(
            Map.of("#v", "version", "#account", "providerUserId", "#updated", "updatedAt"))
        .expressionValues(
            Map.of(
                ":v", AttributeValue.fromN(Long.toString(version)),
                ":account", AttributeValue.fromS(providerUserId),
                ":updated", AttributeValue.fromS(updatedAt)))
        .build();
  }

  /**
   * The stored connection is at {@code version}, holds {@code providerUserId} and was connected at
   * {@code connectedAt}: the one a token refresh read.
   */
  static Expression refreshable(long version, String providerUserId, String connectedAt) {
    return Expression.builder()
        .expression("#v = :v AND #account = :account AND #connected = :connected")
        .expressionNames(
            Map.of("#v", "version", "#account", "providerUserId", "#connected", "connectedAt"))
        .expressionValues(
            Map.of(
                ":v", AttributeValue.fromN(Long.toString(version)),
                ":account", AttributeValue.fromS(providerUserId),
                ":connected", AttributeValue.fromS(connectedAt)))
        .build();
  }

  /** Runs a conditional write: true when applied, false when its condition did not hold. */
  static boolean held(Runnable conditionalWrite) {
    try {
      conditionalWrite.run();
      return true;
    } catch (VersionConflictException e) {
      return false;
    }
  }
}
