package app.stride.auth.domain;

import app.stride.core.region.RegionId;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A sign-in account, kept only in its home region's store.
 *
 * @param id the account id
 * @param home the home region, chosen at sign-up
 * @param email the canonical email address (the login identifier)
 * @param emailVerified whether the owner proved they receive mail at {@code email}
 * @param passwordHash the Argon2id PHC string, or null for an account created by social sign-in
 * @param locale the language of the account's mail
 * @param mfa the second factor
 * @param socialLinks the external identities linked to the account
 * @param sessionsValidAfter refresh tokens of sessions started at or before this instant are
 *     refused (sign-out everywhere, password reset); {@link Instant#EPOCH} when never used
 * @param createdAt when the account was created
 * @param version the optimistic version, 1 on creation
 */
public record Account(
    UserId id,
    RegionId home,
    String email,
    boolean emailVerified,
    String passwordHash,
    Locale locale,
    Mfa mfa,
    List<SocialLink> socialLinks,
    Instant sessionsValidAfter,
    Instant createdAt,
    long version) {
  public Account {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(home, "home");
    Objects.requireNonNull(email, "email");
    Objects.requireNonNull(locale, "locale");
    Objects.requireNonNull(createdAt, "createdAt");
    mfa = mfa == null ? Mfa.NONE : mfa;
    socialLinks = socialLinks == null ? List.of() : List.copyOf(socialLinks);
    sessionsValidAfter = sessionsValidAfter == null ? Instant.EPOCH : sessionsValidAfter;
  }

  /** A new account at version 1. */
  public static Account create(
      UserId id,
      RegionId home,
      String email,
      boolean emailVerified,
      String passwordHash,
      Locale locale,
      List<SocialLink> links,
      Instant now) {
    return new Account(
        id,
        home,
        email,
        emailVerified,
        passwordHash,
        locale,
        Mfa.NONE,
        links,
        Instant.EPOCH,
        now,
        1);
  }

  public Optional<String> password() {
    return Optional.ofNullable(passwordHash);
  }

  /** The next version with the email verified. */
  public Account withEmailVerified() {
    return next(true, passwordHash, mfa, socialLinks, sessionsValidAfter);
  }

  /** The next version with a new password hash. */
  public Account withPasswordHash(String hash) {
    return next(emailVerified, hash, mfa, socialLinks, sessionsValidAfter);
  }

  /** The next version with a new second-factor state. */
  public Account withMfa(Mfa nextMfa) {
    return next(emailVerified, passwordHash, nextMfa, socialLinks, sessionsValidAfter);
  }

  /** The next version with {@code link} added. */
  public Account withSocialLink(SocialLink link) {
    List<SocialLink> links = new java.util.ArrayList<>(socialLinks);
    if (!links.contains(link)) {
      links.add(link);
    }
    return next(emailVerified, passwordHash, mfa, links, sessionsValidAfter);
  }

  /**
   * The next version with a new password hash and every session started before {@code now} ended
   * (password reset and change).
   */
  public Account withNewPassword(String hash, Instant now) {
    return next(emailVerified, hash, mfa, socialLinks, now);
  }

  /**
   * The next version after a password reset by mail link: the new hash, every session ended, and
   * the email verified (the link reached the mailbox).
   */
  public Account withPasswordReset(String hash, Instant now) {
    return next(true, hash, mfa, socialLinks, now);
  }

  /** The next version in which every session started before {@code now} is ended. */
  public Account withSessionsEndedAt(Instant now) {
    return next(emailVerified, passwordHash, mfa, socialLinks, now);
  }

  /** The next version with the changeable parts given; identity and creation never change. */
  private Account next(
      boolean verified, String hash, Mfa nextMfa, List<SocialLink> links, Instant validAfter) {
    return new Account(
        id,
        home,
        email,
        verified,
        hash,
        locale,
        nextMfa,
        links,
        validAfter,
        createdAt,
        version + 1);
  }
}
