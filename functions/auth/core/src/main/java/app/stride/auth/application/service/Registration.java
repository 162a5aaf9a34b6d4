package app.stride.auth.application.service;

import app.stride.auth.application.port.out.AccountStore;
import app.stride.auth.application.port.out.OneTimeTokenStore;
import app.stride.auth.credential.EmailAddress;
import app.stride.auth.credential.PasswordHasher;
import app.stride.auth.credential.PasswordPolicy;
import app.stride.auth.domain.Account;
import app.stride.auth.domain.OneTimeToken;
import app.stride.auth.domain.UserId;
import app.stride.core.directory.DirectoryKey;
import app.stride.core.directory.DirectoryPort;
import app.stride.core.region.RegionId;
import app.stride.core.store.VersionConflictException;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Sign-up with email and password, and the email verification that follows. The answer to a sign-up
 * is the same whether or not the address is already registered (here or in another region): the
 * owner of an existing unverified account gets a fresh link, nobody learns anything.
 */
public final class Registration {
  private final AccountStore accounts;
  private final OneTimeTokenStore oneTimeTokens;
  private final DirectoryPort directory;
  private final AccountKeys keys;
  private final PasswordPolicy policy;
  private final PasswordHasher hasher;
  private final AccountMail mail;
  private final RegionTokens tokens;
  private final RegionId region;
  private final Clock clock;

  Registration(
      AccountStore accounts,
      OneTimeTokenStore oneTimeTokens,
      DirectoryPort directory,
      AccountKeys keys,
      PasswordPolicy policy,
      PasswordHasher hasher,
      AccountMail mail,
      RegionTokens tokens,
      RegionId region,
      Clock clock) {
    this.accounts = accounts;
    this.oneTimeTokens = oneTimeTokens;
    this.directory = directory;
    this.keys = keys;
    this.policy = policy;
    this.hasher = hasher;
    this.mail = mail;
    this.tokens = tokens;
    this.region = region;
    this.clock = clock;
  }

  /** Registers the address in this region unless it is taken anywhere; mails a link either way. */
  public void register(String rawEmail, String password, RegionId home, Locale locale) {
    if (!region.equals(home)) {
      throw Problems.wrongRegion(home);
    }
    EmailAddress email = Inputs.email(rawEmail);
    Inputs.strongPassword(policy, password, email);
    String hash = hasher.hash(password);

    Optional<Account> existing = accounts.findByEmail(email.canonical());
    if (existing.isPresent()) {
      if (!existing.get().emailVerified()) {
        mail.verifyEmail(existing.get());
      }
      return;
    }
    if (!claimInDirectory(keys.directoryKey(email))) {
      return;
    }
    Account account =
        Account.create(
            UserId.random(),
            region,
            email.canonical(),
            false,
            hash,
            locale,
            List.of(),
            clock.instant());
    try {
      accounts.create(account);
    } catch (AccountStore.EmailTakenException raced) {
      return;
    }
    mail.verifyEmail(account);
  }

  /** Marks the address verified; the link works once and for 24 hours. */
  public void verifyEmail(String token) {
    String hash = tokens.hashIfOurs(token).orElseThrow(Sessions::invalidToken);
    OneTimeToken used =
        oneTimeTokens
            .consume(hash, OneTimeToken.Purpose.VERIFY_EMAIL, clock.instant())
            .orElseThrow(Sessions::invalidToken);
    for (int attempt = 0; attempt < 3; attempt++) {
      Account account = accounts.findById(used.userId()).orElseThrow(Sessions::invalidToken);
      if (account.emailVerified()) {
        return;
      }
      try {
        accounts.update(account.withEmailVerified(), account.version());
        return;
      } catch (VersionConflictException raced) {
        // re-read and try again
      }
    }
    throw Problems.conflict("The account changed while it was verified; open the link again.");
  }

  /**
   * Claims the address in the global directory for this region. An entry of this region without an
   * account is a leftover of an interrupted sign-up and is reused.
   *
   * @return false when another region holds the address
   */
  private boolean claimInDirectory(DirectoryKey key) {
    try {
      directory.register(key, region);
      return true;
    } catch (VersionConflictException taken) {
      return directory.homeRegion(key).map(region::equals).orElse(false);
    }
  }
}
