package app.stride.auth.application.service;

import app.stride.auth.application.port.out.AccountStore;
import app.stride.auth.application.port.out.OneTimeTokenStore;
import app.stride.auth.application.port.out.SessionStore;
import app.stride.auth.credential.PasswordHasher;
import app.stride.auth.credential.PasswordPolicy;
import app.stride.auth.credential.RecoveryCodes;
import app.stride.auth.credential.SecretTokens;
import app.stride.auth.credential.Totp;
import app.stride.auth.mail.MailPort;
import app.stride.auth.mail.MailTemplates;
import app.stride.auth.social.OidcIdTokenVerifier;
import app.stride.auth.throttle.LoginThrottle;
import app.stride.auth.token.AccessTokenIssuer;
import app.stride.core.directory.DirectoryKeys;
import app.stride.core.directory.DirectoryPort;
import app.stride.core.event.EventPublisher;
import java.time.Clock;

/** Every auth use case, wired once from the region's adapters. */
public final class AuthServices {
  private final Registration registration;
  private final PasswordSignIn passwordSignIn;
  private final SocialSignIn socialSignIn;
  private final Sessions sessions;
  private final PasswordRecovery passwords;
  private final TwoFactor twoFactor;
  private final AccountDeletion deletion;
  private final SigningKeys signingKeys;
  private final AccountStore accounts;

  /**
   * The adapters a region provides.
   *
   * @param accounts the region's accounts
   * @param sessions the region's sessions and refresh tokens
   * @param oneTimeTokens the region's mail-link and MFA tokens
   * @param signingKeys the region's key ring
   * @param directory the global directory
   * @param directoryKeys the directory's keyed hash
   * @param throttle the brute-force throttle
   * @param mail the mail sender
   * @param templates the mail texts
   * @param social the identity providers' token verifier
   * @param events the event transport
   */
  public record Adapters(
      AccountStore accounts,
      SessionStore sessions,
      OneTimeTokenStore oneTimeTokens,
      SigningKeys signingKeys,
      DirectoryPort directory,
      DirectoryKeys directoryKeys,
      LoginThrottle throttle,
      MailPort mail,
      MailTemplates templates,
      OidcIdTokenVerifier social,
      EventPublisher events) {}

  public AuthServices(
      Adapters adapters,
      AuthSettings settings,
      PasswordHasher hasher,
      PasswordPolicy policy,
      Clock clock) {
    SecretTokens secrets = new SecretTokens();
    RegionTokens tokens = new RegionTokens(secrets, settings.region());
    AccountKeys keys = new AccountKeys(adapters.directoryKeys());
    Totp totp = new Totp(clock);
    RecoveryCodes recovery = new RecoveryCodes();
    AccountMail mail =
        new AccountMail(
            adapters.mail(), adapters.templates(), adapters.oneTimeTokens(), tokens, clock);
    AccessTokenIssuer issuer =
        new AccessTokenIssuer(
            settings.issuer(), settings.audience(), settings.accessTokenLifetime(), clock);
    this.accounts = adapters.accounts();
    this.signingKeys = adapters.signingKeys();
    this.sessions =
        new Sessions(adapters.sessions(), accounts, signingKeys, issuer, tokens, settings, clock);
    this.registration =
        new Registration(
            accounts,
            adapters.oneTimeTokens(),
            adapters.directory(),
            keys,
            policy,
            hasher,
            mail,
            tokens,
            settings.region(),
            clock);
    this.passwordSignIn =
        new PasswordSignIn(
            accounts,
            adapters.oneTimeTokens(),
            hasher,
            totp,
            recovery,
            adapters.throttle(),
            keys,
            mail,
            sessions,
            tokens,
            clock);
    this.passwords =
        new PasswordRecovery(
            accounts,
            adapters.oneTimeTokens(),
            policy,
            hasher,
            adapters.throttle(),
            keys,
            mail,
            sessions,
            tokens,
            clock);
    this.twoFactor = new TwoFactor(accounts, totp, recovery, passwords, passwordSignIn);
    this.socialSignIn =
        new SocialSignIn(
            adapters.social(),
            accounts,
            adapters.directory(),
            keys,
            passwordSignIn,
            sessions,
            settings.region(),
            clock);
    this.deletion =
        new AccountDeletion(
            accounts,
            adapters.directory(),
            keys,
            adapters.events(),
            passwords,
            settings.region(),
            clock);
  }

  public Registration registration() {
    return registration;
  }

  public PasswordSignIn passwordSignIn() {
    return passwordSignIn;
  }

  public SocialSignIn socialSignIn() {
    return socialSignIn;
  }

  public Sessions sessions() {
    return sessions;
  }

  public PasswordRecovery passwords() {
    return passwords;
  }

  public TwoFactor twoFactor() {
    return twoFactor;
  }

  public AccountDeletion deletion() {
    return deletion;
  }

  public SigningKeys signingKeys() {
    return signingKeys;
  }

  /** The signed-in user's account; 401 when it no longer exists. */
  public app.stride.auth.domain.Account account(app.stride.auth.domain.UserId id) {
    return accounts.findById(id).orElseThrow(PasswordRecovery::noAccount);
  }
}
