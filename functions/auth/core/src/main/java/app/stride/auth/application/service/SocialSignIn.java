package app.stride.auth.application.service;

import app.stride.auth.application.port.out.AccountStore;
import app.stride.auth.credential.EmailAddress;
import app.stride.auth.domain.Account;
import app.stride.auth.domain.SocialLink;
import app.stride.auth.domain.UserId;
import app.stride.auth.social.OidcIdTokenVerifier;
import app.stride.auth.social.SocialIdentity;
import app.stride.auth.social.SocialProvider;
import app.stride.auth.social.SocialProviderUnavailableException;
import app.stride.auth.social.SocialTokenRejectedException;
import app.stride.core.directory.DirectoryPort;
import app.stride.core.problem.Problem;
import app.stride.core.problem.ProblemException;
import app.stride.core.problem.ProblemType;
import app.stride.core.region.RegionId;
import app.stride.core.store.VersionConflictException;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Sign-in with Google or Apple. A known identity signs in (with the second factor when the account
 * has one). A new identity is linked to an existing account only when both sides have verified the
 * same address; otherwise it creates an account in the requested home region. Apple's private relay
 * addresses are kept as the account's address, and never match an account by email.
 */
public final class SocialSignIn {
  private final OidcIdTokenVerifier verifier;
  private final AccountStore accounts;
  private final DirectoryPort directory;
  private final AccountKeys keys;
  private final PasswordSignIn signIn;
  private final Sessions sessions;
  private final RegionId region;
  private final Clock clock;

  SocialSignIn(
      OidcIdTokenVerifier verifier,
      AccountStore accounts,
      DirectoryPort directory,
      AccountKeys keys,
      PasswordSignIn signIn,
      Sessions sessions,
      RegionId region,
      Clock clock) {
    this.verifier = verifier;
    this.accounts = accounts;
    this.directory = directory;
    this.keys = keys;
    this.signIn = signIn;
    this.sessions = sessions;
    this.region = region;
    this.clock = clock;
  }

  /** Verifies the provider's ID token and signs in, links or signs up. */
  public SignInResult signIn(
      SocialProvider provider,
      String idToken,
      String nonce,
      Optional<RegionId> home,
      Locale locale) {
    SocialIdentity identity = verify(provider, idToken, nonce);
    SocialLink link = new SocialLink(provider.name().toLowerCase(Locale.ROOT), identity.subject());

    Optional<Account> linked = accounts.findBySocialLink(link);
    if (linked.isPresent()) {
      return signedIn(linked.get(), false);
    }
    Optional<EmailAddress> email = identity.email();
    if (email.isPresent() && identity.emailVerified() && !identity.privateRelay()) {
      Optional<Account> sameEmail = accounts.findByEmail(email.get().canonical());
      if (sameEmail.isPresent()) {
        return link(sameEmail.get(), link);
      }
    }
    if (email.isEmpty()) {
      throw rejected("The provider did not share an email address.");
    }
    RegionId target =
        home.orElseThrow(
            () -> ProblemException.invalid("/homeRegion", "is required to create an account"));
    if (!target.equals(region)) {
      throw Problems.wrongRegion(target);
    }
    return create(email.get(), identity.emailVerified(), link, locale);
  }

  private SignInResult link(Account account, SocialLink link) {
    if (!account.emailVerified()) {
      throw Problems.conflict(
          "An account with this address exists but has not verified it; sign in with its"
              + " password first.");
    }
    Account next = account.withSocialLink(link);
    try {
      accounts.update(next, account.version());
    } catch (VersionConflictException | AccountStore.EmailTakenException raced) {
      throw Problems.conflict("The account changed meanwhile; try again.");
    }
    registerHere(keys.directoryKey(link));
    return signedIn(next, false);
  }

  private SignInResult create(
      EmailAddress email, boolean verified, SocialLink link, Locale locale) {
    registerHere(keys.directoryKey(email));
    Account account =
        Account.create(
            UserId.random(),
            region,
            email.canonical(),
            verified,
            null,
            locale,
            List.of(link),
            clock.instant());
    try {
      accounts.create(account);
    } catch (AccountStore.EmailTakenException raced) {
      throw Problems.conflict("An account with this address already exists.");
    }
    registerHere(keys.directoryKey(link));
    return signedIn(account, true);
  }

  /** Points the directory entry at this region; an entry already pointing here is fine. */
  private void registerHere(app.stride.core.directory.DirectoryKey key) {
    try {
      directory.register(key, region);
    } catch (VersionConflictException exists) {
      if (!directory.homeRegion(key).map(region::equals).orElse(false)) {
        throw Problems.conflict("This identity belongs to an account in another region.");
      }
    }
  }

  private SignInResult signedIn(Account account, boolean created) {
    if (account.mfa().enabled()) {
      return new SignInResult.MfaRequired(signIn.challenge(account));
    }
    return new SignInResult.SignedIn(sessions.start(account, List.of("ext")), created);
  }

  private SocialIdentity verify(SocialProvider provider, String idToken, String nonce) {
    try {
      return verifier.verify(provider, idToken, nonce);
    } catch (SocialTokenRejectedException e) {
      throw rejected("The " + provider.name().toLowerCase(Locale.ROOT) + " token was refused.");
    } catch (SocialProviderUnavailableException e) {
      throw new ProblemException(
          Problem.of(
              ProblemType.DEPENDENCY_UNAVAILABLE,
              "The identity provider cannot be reached; try again shortly."),
          Map.of("Retry-After", "30"),
          null);
    }
  }

  private static ProblemException rejected(String detail) {
    return new ProblemException(ProblemType.SOCIAL_TOKEN_REJECTED, detail);
  }
}
