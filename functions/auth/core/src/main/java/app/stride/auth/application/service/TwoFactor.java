package app.stride.auth.application.service;

import app.stride.auth.application.port.out.AccountStore;
import app.stride.auth.credential.RecoveryCodes;
import app.stride.auth.credential.Totp;
import app.stride.auth.domain.Account;
import app.stride.auth.domain.Mfa;
import app.stride.auth.domain.UserId;
import app.stride.core.store.VersionConflictException;
import java.util.List;
import java.util.OptionalLong;

/**
 * TOTP two-factor: setup hands out a secret, a first valid code turns it on and returns ten
 * one-time recovery codes (stored hashed, shown once), and turning it off needs the password or a
 * valid code.
 */
public final class TwoFactor {
  private final AccountStore accounts;
  private final Totp totp;
  private final RecoveryCodes recoveryCodes;
  private final PasswordRecovery passwords;
  private final PasswordSignIn signIn;

  TwoFactor(
      AccountStore accounts,
      Totp totp,
      RecoveryCodes recoveryCodes,
      PasswordRecovery passwords,
      PasswordSignIn signIn) {
    this.accounts = accounts;
    this.totp = totp;
    this.recoveryCodes = recoveryCodes;
    this.passwords = passwords;
    this.signIn = signIn;
  }

  /** What the authenticator app needs: the secret and its {@code otpauth://} URI. */
  public record Setup(String secret, String otpauthUri) {}

  /** Starts setup; an account with a password must give it. */
  public Setup start(UserId userId, String password, String ip) {
    Account account = load(userId);
    if (account.mfa().enabled()) {
      throw Problems.conflict("Two-factor sign-in is already on.");
    }
    if (account.password().isPresent()) {
      passwords.requireCurrentPassword(account, password, ip);
    }
    String secret = totp.newSecret();
    save(account.withMfa(account.mfa().withPending(secret)), account.version());
    return new Setup(secret, totp.otpauthUri(secret, account.email()));
  }

  /** Confirms setup with a first code; returns the recovery codes, shown this once. */
  public List<String> confirm(UserId userId, String code) {
    Account account = load(userId);
    String pending =
        account
            .mfa()
            .pending()
            .orElseThrow(() -> Problems.conflict("No two-factor setup is waiting for a code."));
    OptionalLong step = totp.acceptedStep(pending, code == null ? "" : code.strip(), 0);
    if (step.isEmpty()) {
      throw Problems.invalidCode();
    }
    List<String> codes = recoveryCodes.generate();
    List<String> hashes = codes.stream().map(recoveryCodes::hash).toList();
    save(account.withMfa(account.mfa().confirmed(step.getAsLong(), hashes)), account.version());
    return codes;
  }

  /** Turns two-factor off, proven by the password or a current code. */
  public void disable(UserId userId, String password, String code, String ip) {
    Account account = load(userId);
    if (!account.mfa().enabled()) {
      throw Problems.conflict("Two-factor sign-in is off.");
    }
    if (code != null && signIn.prove(account, code).isPresent()) {
      save(account.withMfa(Mfa.NONE), account.version());
      return;
    }
    if (password == null) {
      throw Problems.invalidCode();
    }
    passwords.requireCurrentPassword(account, password, ip);
    save(account.withMfa(Mfa.NONE), account.version());
  }

  private Account load(UserId userId) {
    return accounts.findById(userId).orElseThrow(PasswordRecovery::noAccount);
  }

  private void save(Account next, long expected) {
    try {
      accounts.update(next, expected);
    } catch (VersionConflictException raced) {
      throw Problems.conflict("The account changed meanwhile; try again.");
    }
  }
}
