package app.stride.auth.aws.adapter.out.dynamodb;

import app.stride.core.store.VersionConflictException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The condition expressions of the auth stores, and a way to ask whether a condition held. */
final class Conditions {
  private Conditions() {}

  /** No item with this key exists. */
  static Expression absent() {
    return Expression.builder()
        .expression("attribute_not_exists(#pk)")
        .expressionNames(Map.of("#pk", AuthKeys.PK))
        .build();
  }

  /** The item exists and {@code attribute} is not set on it. */
  static Expression presentWithout(String attribute) {
    return Expression.builder()
        .expression("attribute_exists(#pk) AND attribute_not_exists(#a)")
        .expressionNames(Map.of("#pk", AuthKeys.PK, "#a", attribute))
        .build();
  }

  /** The string attribute {@code attribute} equals {@code value} (so the item exists). */
  static Expression equals(String attribute, String value) {
    return Expression.builder()
        .expression("#a = :v")
        .expressionNames(Map.of("#a", attribute))
        .expressionValues(Map.of(":v", AttributeValue.fromS(value)))
        .build();
  }

  /** The number attribute {@code attribute} equals {@code value} (so the item exists). */
  static Expression equals(String attribute, long value) {
    return Expression.builder()
        .expression("#a = :v")
        .expressionNames(Map.of("#a", attribute))
        .expressionValues(Map.of(":v", AttributeValue.fromN(Long.toString(value))))
        .build();
  }

  /** The account item is at {@code version} and no deletion has replaced it. */
  static Expression liveAtVersion(long version) {
    return Expression.builder()
        .expression("#v = :v AND attribute_not_exists(#d)")
        .expressionNames(Map.of("#v", "version", "#d", "deleting"))
        .expressionValues(Map.of(":v", AttributeValue.fromN(Long.toString(version))))
        .build();
  }

  /** No item exists, or it is held by {@code userId}. */
  static Expression absentOrHeldBy(String userId) {
    return Expression.builder()
        .expression("attribute_not_exists(#pk) OR #u = :u")
        .expressionNames(Map.of("#pk", AuthKeys.PK, "#u", "userId"))
        .expressionValues(Map.of(":u", AttributeValue.fromS(userId)))
        .build();
  }

  /** The claim is still the one read: same holder, same claim time (as stored). */
  static Expression claimUnchanged(String userId, AttributeValue claimedAt) {
    Map<String, String> names = new HashMap<>();
    names.put("#u", "userId");
    names.put("#c", "claimedAt");
    return Expression.builder()
        .expression("#u = :u AND #c = :c")
        .expressionNames(names)
        .expressionValues(Map.of(":u", AttributeValue.fromS(userId), ":c", claimedAt))
        .build();
  }

  /**
   * The token has {@code purpose}, fewer than {@code maxFailures} failures, and its TTL second is
   * after {@code now}'s second.
   */
  static Expression usableOneTimeToken(String purpose, int maxFailures, Instant now) {
    return Expression.builder()
        .expression("#p = :p AND #f < :max AND #ttl > :now")
        .expressionNames(Map.of("#p", "purpose", "#f", "failures", "#ttl", AuthKeys.TTL))
        .expressionValues(
            Map.of(
                ":p",
                AttributeValue.fromS(purpose),
                ":max",
                AttributeValue.fromN(Integer.toString(maxFailures)),
                ":now",
                AttributeValue.fromN(Long.toString(now.getEpochSecond()))))
        .build();
  }

  /** Runs a conditional write: true when it was applied, false when its condition did not hold. */
  static boolean held(Runnable conditionalWrite) {
    try {
      conditionalWrite.run();
      return true;
    } catch (VersionConflictException e) {
      return false;
    }
  }
}
