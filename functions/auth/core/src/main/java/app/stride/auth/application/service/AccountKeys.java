package app.stride.auth.application.service;

import app.stride.auth.credential.EmailAddress;
import app.stride.auth.domain.Account;
import app.stride.auth.domain.SocialLink;
import app.stride.core.directory.DirectoryKey;
import app.stride.core.directory.DirectoryKeys;

/**
 * Keyed hashes of login identifiers: the global directory's keys and the throttle's account keys.
 * Neither the directory nor Redis ever sees an email address.
 */
public final class AccountKeys {
  private final DirectoryKeys keys;

  public AccountKeys(DirectoryKeys keys) {
    this.keys = keys;
  }

  DirectoryKey directoryKey(EmailAddress email) {
    return keys.of("email:" + email.canonical());
  }

  DirectoryKey directoryKey(SocialLink link) {
    return keys.of("social:" + link.provider() + ":" + link.subject());
  }

  String throttleKey(EmailAddress email) {
    return directoryKey(email).value();
  }

  String throttleKey(Account account) {
    return keys.of("email:" + account.email()).value();
  }
}
