package app.stride.auth.aws.adapter.out.dynamodb;

import app.stride.auth.domain.SocialLink;
import app.stride.auth.domain.UserId;
import java.time.Instant;
import software.amazon.awssdk.enhanced.dynamodb.Key;

/**
 * The key design of the auth table: one partition key {@value #PK}, no sort key, the item kind in
 * the key's prefix. Expiring items carry {@value #TTL} (epoch seconds), the table's TTL attribute.
 */
final class AuthKeys {
  /** The partition key attribute. */
  static final String PK = "pk";

  /** The TTL attribute infra declares on the table. */
  static final String TTL = "expiresAt";

  static final String ACCOUNT = "ACCOUNT#";
  static final String EMAIL = "EMAIL#";
  static final String SOCIAL = "SOCIAL#";
  static final String SESSION = "SESSION#";
  static final String REFRESH = "REFRESH#";
  static final String ONE_TIME = "OTT#";
  static final String TOMBSTONE = "TOMBSTONE#";
  static final String KEYRING = "KEYRING#";

  private AuthKeys() {}

  static String account(UserId id) {
    return ACCOUNT + id.value();
  }

  static String email(String canonical) {
    return EMAIL + canonical;
  }

  /** Unambiguous: a provider name is lower-case letters only, so the first '#' after it splits. */
  static String social(SocialLink link) {
    return SOCIAL + link.provider() + "#" + link.subject();
  }

  static String session(String familyId) {
    return SESSION + familyId;
  }

  static String refresh(String tokenHash) {
    return REFRESH + tokenHash;
  }

  static String oneTime(String tokenHash) {
    return ONE_TIME + tokenHash;
  }

  static String tombstone(UserId id) {
    return TOMBSTONE + id.value();
  }

  static Key key(String pk) {
    return Key.builder().partitionValue(pk).build();
  }

  /**
   * The TTL value for an item that stops being valid at {@code instant}: the epoch second at or
   * after it, so TTL never removes an item early. Readers still check the exact instant.
   */
  static long ttlOf(Instant instant) {
    return instant.getNano() == 0 ? instant.getEpochSecond() : instant.getEpochSecond() + 1;
  }
}
