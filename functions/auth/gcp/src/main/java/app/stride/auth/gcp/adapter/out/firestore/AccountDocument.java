package app.stride.auth.gcp.adapter.out.firestore;

import com.google.cloud.firestore.DocumentSnapshot;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A document of {@value #COLLECTION} (id = user id): one account as stored. Instants are stored as
 * exact text (see {@link FirestoreTimes}).
 *
 * @param userId the account id
 * @param home the home region id
 * @param email the canonical email
 * @param emailVerified whether the email was verified
 * @param passwordHash the PHC string, or null (field left out)
 * @param locale the BCP 47 language tag
 * @param mfa the second factor: {@code totpSecret}, {@code pendingSecret} (each left out when
 *     unset), {@code lastUsedStep}, {@code recoveryCodeHashes}
 * @param socialLinks the linked identities, each {@code {provider, subject}}
 * @param sessionsValidAfter sessions started before it are ended
 * @param createdAt when the account was created
 * @param version the optimistic version
 */
public record AccountDocument(
    String userId,
    String home,
    String email,
    boolean emailVerified,
    String passwordHash,
    String locale,
    Map<String, Object> mfa,
    List<Map<String, Object>> socialLinks,
    Instant sessionsValidAfter,
    Instant createdAt,
    long version) {

  /** The collection of account documents. */
  public static final String COLLECTION = "authAccounts";

  static final String USER_ID = "userId";
  static final String HOME = "home";
  static final String EMAIL = "email";
  static final String EMAIL_VERIFIED = "emailVerified";
  static final String PASSWORD_HASH = "passwordHash";
  static final String LOCALE = "locale";
  static final String MFA = "mfa";
  static final String SOCIAL_LINKS = "socialLinks";
  static final String SESSIONS_VALID_AFTER = "sessionsValidAfter";
  static final String CREATED_AT = "createdAt";
  static final String VERSION = "version";

  public AccountDocument {
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(home, "home");
    Objects.requireNonNull(email, "email");
    Objects.requireNonNull(locale, "locale");
    mfa = Map.copyOf(mfa);
    socialLinks = socialLinks.stream().<Map<String, Object>>map(Map::copyOf).toList();
    Objects.requireNonNull(sessionsValidAfter, "sessionsValidAfter");
    Objects.requireNonNull(createdAt, "createdAt");
  }

  /** The fields as written to Firestore. */
  public Map<String, Object> toFields() {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put(USER_ID, userId);
    fields.put(HOME, home);
    fields.put(EMAIL, email);
    fields.put(EMAIL_VERIFIED, emailVerified);
    if (passwordHash != null) {
      fields.put(PASSWORD_HASH, passwordHash);
    }
    fields.put(LOCALE, locale);
    fields.put(MFA, mfa);
    fields.put(SOCIAL_LINKS, socialLinks);
    fields.put(SESSIONS_VALID_AFTER, FirestoreTimes.exact(sessionsValidAfter));
    fields.put(CREATED_AT, FirestoreTimes.exact(createdAt));
    fields.put(VERSION, version);
    return fields;
  }

  /** The document a snapshot holds. */
  @SuppressWarnings("unchecked")
  public static AccountDocument fromSnapshot(DocumentSnapshot snapshot) {
    Map<String, Object> f = Objects.requireNonNull(snapshot.getData(), "no such document");
    Object mfa = f.get(MFA);
    Object links = f.get(SOCIAL_LINKS);
    Number version = (Number) f.get(VERSION);
    return new AccountDocument(
        (String) f.get(USER_ID),
        (String) f.get(HOME),
        (String) f.get(EMAIL),
        Boolean.TRUE.equals(f.get(EMAIL_VERIFIED)),
        (String) f.get(PASSWORD_HASH),
        (String) f.get(LOCALE),
        mfa instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of(),
        links instanceof List<?> l ? (List<Map<String, Object>>) l : List.of(),
        FirestoreTimes.fromExact((String) f.get(SESSIONS_VALID_AFTER)),
        FirestoreTimes.fromExact((String) f.get(CREATED_AT)),
        version == null ? 0 : version.longValue());
  }
}
