package app.stride.auth.gcp.adapter.out.firestore;

import app.stride.auth.domain.Account;
import app.stride.auth.domain.Mfa;
import app.stride.auth.domain.SocialLink;
import app.stride.auth.domain.UserId;
import app.stride.core.region.RegionId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Maps an {@link Account} to and from an {@link AccountDocument}: the locale as a language tag, the
 * region by id, unset secrets left out.
 */
public final class AccountDocumentMapper {
  static final String TOTP_SECRET = "totpSecret";
  static final String PENDING_SECRET = "pendingSecret";
  static final String LAST_USED_STEP = "lastUsedStep";
  static final String RECOVERY_CODE_HASHES = "recoveryCodeHashes";
  static final String PROVIDER = "provider";
  static final String SUBJECT = "subject";

  private AccountDocumentMapper() {}

  /** The document of {@code account}. */
  public static AccountDocument toDocument(Account account) {
    return new AccountDocument(
        account.id().value(),
        account.home().value(),
        account.email(),
        account.emailVerified(),
        account.passwordHash(),
        account.locale().toLanguageTag(),
        mfa(account.mfa()),
        account.socialLinks().stream().map(AccountDocumentMapper::link).toList(),
        account.sessionsValidAfter(),
        account.createdAt(),
        account.version());
  }

  /** The account a document holds. */
  public static Account toAccount(AccountDocument document) {
    return new Account(
        new UserId(document.userId()),
        RegionId.of(document.home()),
        document.email(),
        document.emailVerified(),
        document.passwordHash(),
        Locale.forLanguageTag(document.locale()),
        mfa(document.mfa()),
        document.socialLinks().stream().map(AccountDocumentMapper::link).toList(),
        document.sessionsValidAfter(),
        document.createdAt(),
        document.version());
  }

  private static Map<String, Object> mfa(Mfa mfa) {
    Map<String, Object> m = new LinkedHashMap<>();
    if (mfa.totpSecret() != null) {
      m.put(TOTP_SECRET, mfa.totpSecret());
    }
    if (mfa.pendingSecret() != null) {
      m.put(PENDING_SECRET, mfa.pendingSecret());
    }
    m.put(LAST_USED_STEP, mfa.lastUsedStep());
    m.put(RECOVERY_CODE_HASHES, mfa.recoveryCodeHashes());
    return m;
  }

  private static Mfa mfa(Map<String, Object> m) {
    Number step = (Number) m.get(LAST_USED_STEP);
    List<?> hashes = m.get(RECOVERY_CODE_HASHES) instanceof List<?> l ? l : List.of();
    return new Mfa(
        (String) m.get(TOTP_SECRET),
        (String) m.get(PENDING_SECRET),
        step == null ? 0 : step.longValue(),
        hashes.stream().map(String.class::cast).toList());
  }

  private static Map<String, Object> link(SocialLink link) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put(PROVIDER, link.provider());
    m.put(SUBJECT, link.subject());
    return m;
  }

  private static SocialLink link(Map<String, Object> m) {
    return new SocialLink((String) m.get(PROVIDER), (String) m.get(SUBJECT));
  }
}
