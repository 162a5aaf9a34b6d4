package app.stride.auth.application.service;

import app.stride.auth.application.port.out.AccountStore;
import app.stride.auth.application.port.out.OneTimeTokenStore;
import app.stride.auth.credential.EmailAddress;
import app.stride.auth.credential.PasswordHasher;
import app.stride.auth.credential.PasswordPolicy;
import app.stride.auth.domain.Account;
import app.stride.auth.domain.OneTimeToken;
import app.stride.auth.domain.UserId;
import app.stride.auth.throttle.FailureOutcome;
import app.stride.auth.throttle.LoginThrottle;
import app.stride.auth.throttle.ThrottleDecision;
import app.stride.core.problem.ProblemException;
import app.stride.core.problem.ProblemType;
import app.stride.core.store.VersionConflictException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Forgot, reset and change password. A reset works even while the account is locked by the throttle
 * (it clears the lock), and both reset and change end every session.
 */
public final class PasswordRecovery {
  private final AccountStore accounts;
  private final OneTimeTokenStore oneTimeTokens;
  private final PasswordPolicy policy;
  private final PasswordHasher hasher;
  private final LoginThrottle throttle;
  private final AccountKeys keys;
  private final AccountMail mail;
  private final Sessions sessions;
  private final RegionTokens tokens;
  private final Clock clock;

  PasswordRecovery(
      AccountStore accounts,
      OneTimeTokenStore oneTimeTokens,
      PasswordPolicy policy,
      PasswordHasher hasher,
      LoginThrottle throttle,
      AccountKeys keys,
      AccountMail mail,
      Sessions sessions,
      RegionTokens tokens,
      Clock clock) {
    this.accounts = accounts;
    this.oneTimeTokens = oneTimeTokens;
    this.policy = policy;
    this.hasher = hasher;
    this.throttle = throttle;
    this.keys = keys;
    this.mail = mail;
    this.sessions = sessions;
    this.tokens = tokens;
    this.clock = clock;
  }

  /** Mails a reset link when the address has an account; answers the same either way. */
  public void forgot(String rawEmail) {
    EmailAddress email = Inputs.email(rawEmail);
    accounts.findByEmail(email.canonical()).ifPresent(mail::resetPassword);
  }

  /** Sets a new password with a mailed link (single use, 30 minutes) and ends every session. */
  public void reset(String token, String newPassword, String ip) {
    Instant now = clock.instant();
    String hash = tokens.hashIfOurs(token).orElseThrow(Sessions::invalidToken);
    OneTimeToken link =
        oneTimeTokens
            .find(hash, OneTimeToken.Purpose.RESET_PASSWORD, now)
            .orElseThrow(Sessions::invalidToken);
    Account account = accounts.findById(link.userId()).orElseThrow(Sessions::invalidToken);
    EmailAddress email = EmailAddress.parse(account.email());
    Inputs.strongPassword(policy, newPassword, email);
    String newHash = hasher.hash(newPassword);
    if (oneTimeTokens.consume(hash, OneTimeToken.Purpose.RESET_PASSWORD, now).isEmpty()) {
      throw Sessions.invalidToken();
    }
    Account next = account.withPasswordReset(newHash, now);
    save(next, account.version());
    throttle.recordSuccess(keys.throttleKey(email), ip);
    mail.passwordChanged(next);
  }

  /**
   * Changes the password of the signed-in user, who must give the current one; every session ends
   * and a new one starts for the caller.
   */
  public TokenPair change(UserId userId, String currentPassword, String newPassword, String ip) {
    Account account = accounts.findById(userId).orElseThrow(PasswordRecovery::noAccount);
    requireCurrentPassword(account, currentPassword, ip);
    Inputs.strongPassword(policy, newPassword, EmailAddress.parse(account.email()));
    Account next = account.withNewPassword(hasher.hash(newPassword), clock.instant());
    save(next, account.version());
    mail.passwordChanged(next);
    return sessions.start(next, List.of("pwd"));
  }

  /**
   * Checks the account's current password for a sensitive change, under the same throttle as
   * sign-in.
   */
  void requireCurrentPassword(Account account, String password, String ip) {
    String accountKey = keys.throttleKey(account);
    ThrottleDecision decision = throttle.check(accountKey, ip);
    if (!decision.allowed()) {
      throw Problems.throttled(decision.retryAfter());
    }
    if (account.password().isEmpty()
        || password == null
        || !hasher.verify(password, account.passwordHash())) {
      FailureOutcome outcome = throttle.recordFailure(accountKey, ip);
      if (outcome.lockedNow()) {
        mail.accountLocked(account, outcome.lockedFor());
      }
      throw Problems.invalidCredentials();
    }
    // check() reserved an attempt; a right password releases it.
    throttle.recordSuccess(accountKey, ip);
  }

  private void save(Account next, long expected) {
    try {
      accounts.update(next, expected);
    } catch (VersionConflictException raced) {
      throw Problems.conflict("The account changed meanwhile; try again.");
    }
  }

  static ProblemException noAccount() {
    return new ProblemException(ProblemType.UNAUTHORIZED, "This account no longer exists.");
  }
}
