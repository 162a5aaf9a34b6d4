package app.stride.auth.application.service;

import app.stride.auth.application.port.out.OneTimeTokenStore;
import app.stride.auth.domain.Account;
import app.stride.auth.domain.OneTimeToken;
import app.stride.auth.mail.MailMessage;
import app.stride.auth.mail.MailPort;
import app.stride.auth.mail.MailTemplates;
import app.stride.auth.mail.MailUnavailableException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The mail an account receives. Links carry a fresh single-use token; its hash is stored before the
 * mail goes out. A mail server that is down does not fail the request that wanted the mail (the
 * user can ask again), and is logged without the address or the token.
 */
final class AccountMail {
  private static final Logger log = LoggerFactory.getLogger(AccountMail.class);

  private final MailPort mail;
  private final MailTemplates templates;
  private final OneTimeTokenStore oneTimeTokens;
  private final RegionTokens tokens;
  private final Clock clock;

  AccountMail(
      MailPort mail,
      MailTemplates templates,
      OneTimeTokenStore oneTimeTokens,
      RegionTokens tokens,
      Clock clock) {
    this.mail = mail;
    this.templates = templates;
    this.oneTimeTokens = oneTimeTokens;
    this.tokens = tokens;
    this.clock = clock;
  }

  void verifyEmail(Account account) {
    String token = mint(account, OneTimeToken.Purpose.VERIFY_EMAIL);
    send(templates.verifyEmail(account.email(), account.locale(), token), "verify-email");
  }

  void resetPassword(Account account) {
    String token = mint(account, OneTimeToken.Purpose.RESET_PASSWORD);
    send(templates.resetPassword(account.email(), account.locale(), token), "reset-password");
  }

  void accountLocked(Account account, Duration lockedFor) {
    send(templates.accountLocked(account.email(), account.locale(), lockedFor), "account-locked");
  }

  void passwordChanged(Account account) {
    send(templates.passwordChanged(account.email(), account.locale()), "password-changed");
  }

  private String mint(Account account, OneTimeToken.Purpose purpose) {
    String token = tokens.mint();
    Instant now = clock.instant();
    oneTimeTokens.save(
        new OneTimeToken(
            tokens.hash(token), purpose, account.id(), now.plus(purpose.lifetime()), 0));
    return token;
  }

  private void send(MailMessage message, String kind) {
    try {
      mail.send(message);
    } catch (MailUnavailableException e) {
      log.warn("mail not sent: kind={} cause={}", kind, e.getClass().getSimpleName());
    }
  }
}
