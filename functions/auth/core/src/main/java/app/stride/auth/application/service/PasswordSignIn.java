package app.stride.auth.application.service;

import app.stride.auth.application.port.out.AccountStore;
import app.stride.auth.application.port.out.OneTimeTokenStore;
import app.stride.auth.credential.EmailAddress;
import app.stride.auth.credential.PasswordHasher;
import app.stride.auth.credential.RecoveryCodes;
import app.stride.auth.credential.Totp;
import app.stride.auth.domain.Account;
import app.stride.auth.domain.OneTimeToken;
import app.stride.auth.throttle.FailureOutcome;
import app.stride.auth.throttle.LoginThrottle;
import app.stride.auth.throttle.ThrottleDecision;
import app.stride.core.store.VersionConflictException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sign-in with email and password, then the second factor when the account has one.
 *
 * <p>An unknown email and a wrong password take the same path: the throttle is consulted and fed by
 * the email's keyed hash whether or not an account exists, the password is hashed against a dummy,
 * and the answer is the same {@code invalid-credentials}.
 */
public final class PasswordSignIn {
  private static final Logger log = LoggerFactory.getLogger(PasswordSignIn.class);

  private final AccountStore accounts;
  private final OneTimeTokenStore oneTimeTokens;
  private final PasswordHasher hasher;
  private final Totp totp;
  private final RecoveryCodes recoveryCodes;
  private final LoginThrottle throttle;
  private final AccountKeys keys;
  private final AccountMail mail;
  private final Sessions sessions;
  private final RegionTokens tokens;
  private final Clock clock;

  PasswordSignIn(
      AccountStore accounts,
      OneTimeTokenStore oneTimeTokens,
      PasswordHasher hasher,
      Totp totp,
      RecoveryCodes recoveryCodes,
      LoginThrottle throttle,
      AccountKeys keys,
      AccountMail mail,
      Sessions sessions,
      RegionTokens tokens,
      Clock clock) {
    this.accounts = accounts;
    this.oneTimeTokens = oneTimeTokens;
    this.hasher = hasher;
    this.totp = totp;
    this.recoveryCodes = recoveryCodes;
    this.throttle = throttle;
    this.keys = keys;
    this.mail = mail;
    this.sessions = sessions;
    this.tokens = tokens;
    this.clock = clock;
  }

  /** First step: the password. */
  public SignInResult login(String rawEmail, String password, String ip) {
    EmailAddress email = Inputs.email(rawEmail);
    String accountKey = keys.throttleKey(email);
    requireAllowed(accountKey, ip);

    Optional<Account> found = accounts.findByEmail(email.canonical());
    boolean ok;
    if (found.isPresent() && found.get().password().isPresent()) {
      ok = hasher.verify(password, found.get().passwordHash());
    } else {
      hasher.verifyAgainstDummy(password);
      ok = false;
    }
    if (!ok) {
      FailureOutcome outcome = throttle.recordFailure(accountKey, ip);
      if (outcome.lockedNow() && found.isPresent()) {
        mail.accountLocked(found.get(), outcome.lockedFor());
      }
      throw Problems.invalidCredentials();
    }
    throttle.recordSuccess(accountKey, ip);
    Account account = upgradeHashIfNeeded(found.get(), password);
    if (!account.emailVerified()) {
      mail.verifyEmail(account);
      throw Inputs.emailNotVerified();
    }
    if (account.mfa().enabled()) {
      return new SignInResult.MfaRequired(challenge(account));
    }
    return new SignInResult.SignedIn(sessions.start(account, List.of("pwd")), false);
  }

  /** A single-use ticket for the second step, valid five minutes. */
  String challenge(Account account) {
    String token = tokens.mint();
    Instant now = clock.instant();
    oneTimeTokens.save(
        new OneTimeToken(
            tokens.hash(token),
            OneTimeToken.Purpose.MFA_CHALLENGE,
            account.id(),
            now.plus(OneTimeToken.Purpose.MFA_CHALLENGE.lifetime()),
            0));
    return token;
  }

  /**
   * Second step: a TOTP code (accepted once) or a recovery code (used up). Five wrong codes end the
   * challenge; wrong codes also count against the account's throttle.
   */
  public TokenPair verifySecondFactor(String mfaToken, String code, String ip) {
    Instant now = clock.instant();
    String hash = tokens.hashIfOurs(mfaToken).orElseThrow(Sessions::invalidToken);
    OneTimeToken challenge =
        oneTimeTokens
            .find(hash, OneTimeToken.Purpose.MFA_CHALLENGE, now)
            .orElseThrow(Sessions::invalidToken);
    Account account = accounts.findById(challenge.userId()).orElseThrow(Sessions::invalidToken);
    String accountKey = keys.throttleKey(account);
    requireAllowed(accountKey, ip);

    Optional<Account> proved = prove(account, code);
    if (proved.isEmpty()) {
      oneTimeTokens.recordFailure(hash);
      FailureOutcome outcome = throttle.recordFailure(accountKey, ip);
      if (outcome.lockedNow()) {
        mail.accountLocked(account, outcome.lockedFor());
      }
      throw Problems.invalidCode();
    }
    if (oneTimeTokens.consume(hash, OneTimeToken.Purpose.MFA_CHALLENGE, now).isEmpty()) {
      throw Sessions.invalidToken();
    }
    try {
      accounts.update(proved.get(), account.version());
    } catch (VersionConflictException raced) {
      // Someone used the same code (or changed the account) in between: refuse this one.
      throw Problems.invalidCode();
    }
    throttle.recordSuccess(accountKey, ip);
    return sessions.start(proved.get(), List.of("pwd", "otp"));
  }

  /** The account after using {@code code}, or empty when the code is wrong or replayed. */
  Optional<Account> prove(Account account, String code) {
    if (!account.mfa().enabled() || code == null) {
      return Optional.empty();
    }
    String trimmed = code.strip();
    if (trimmed.matches("[0-9]{6}")) {
      OptionalLong step =
          totp.acceptedStep(account.mfa().totpSecret(), trimmed, account.mfa().lastUsedStep());
      return step.isPresent()
          ? Optional.of(account.withMfa(account.mfa().usedStep(step.getAsLong())))
          : Optional.empty();
    }
    OptionalInt index = recoveryCodes.match(trimmed, account.mfa().recoveryCodeHashes());
    return index.isPresent()
        ? Optional.of(account.withMfa(account.mfa().usedRecoveryCode(index.getAsInt())))
        : Optional.empty();
  }

  private void requireAllowed(String accountKey, String ip) {
    ThrottleDecision decision = throttle.check(accountKey, ip);
    if (!decision.allowed()) {
      log.info("sign-in throttled: reason={}", decision.reason());
      throw Problems.throttled(decision.retryAfter());
    }
  }

  private Account upgradeHashIfNeeded(Account account, String password) {
    if (!hasher.needsRehash(account.passwordHash())) {
      return account;
    }
    Account next = account.withPasswordHash(hasher.hash(password));
    try {
      accounts.update(next, account.version());
      return next;
    } catch (VersionConflictException raced) {
      return account;
    }
  }
}
