package app.stride.auth.aws.adapter.out.dynamodb;

import app.stride.auth.domain.Account;
import app.stride.auth.domain.Mfa;
import app.stride.auth.domain.SocialLink;
import app.stride.auth.domain.UserId;
import app.stride.core.event.OutboundEvent;
import app.stride.core.region.RegionId;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** Maps accounts, claims and tombstones between the domain and their items. */
final class AccountItemMapper {
  private AccountItemMapper() {}

  static AccountItem toItem(Account account) {
    AccountItem item = new AccountItem();
    item.setPk(AuthKeys.account(account.id()));
    item.setUserId(account.id().value());
    item.setHome(account.home().value());
    item.setEmail(account.email());
    item.setEmailVerified(account.emailVerified());
    item.setPasswordHash(account.passwordHash());
    item.setLocale(account.locale().toLanguageTag());
    Mfa mfa = account.mfa();
    item.setTotpSecret(mfa.totpSecret());
    item.setPendingTotpSecret(mfa.pendingSecret());
    item.setTotpLastUsedStep(mfa.lastUsedStep());
    item.setRecoveryCodeHashes(mfa.recoveryCodeHashes());
    item.setSocialLinks(account.socialLinks().stream().map(AccountItemMapper::toItem).toList());
    item.setSessionsValidAfter(account.sessionsValidAfter());
    item.setCreatedAt(account.createdAt());
    item.setVersion(account.version());
    return item;
  }

  static Account toDomain(AccountItem item) {
    Mfa mfa =
        new Mfa(
            item.getTotpSecret(),
            item.getPendingTotpSecret(),
            item.getTotpLastUsedStep() == null ? 0 : item.getTotpLastUsedStep(),
            item.getRecoveryCodeHashes());
    List<SocialLink> links =
        item.getSocialLinks() == null
            ? List.of()
            : item.getSocialLinks().stream().map(AccountItemMapper::toDomain).toList();
    return new Account(
        new UserId(item.getUserId()),
        RegionId.of(item.getHome()),
        item.getEmail(),
        Boolean.TRUE.equals(item.getEmailVerified()),
        item.getPasswordHash(),
        Locale.forLanguageTag(item.getLocale()),
        mfa,
        links,
        item.getSessionsValidAfter(),
        item.getCreatedAt(),
        item.getVersion());
  }

  static ClaimItem claim(String pk, UserId holder, Instant claimedAt) {
    ClaimItem item = new ClaimItem();
    item.setPk(pk);
    item.setUserId(holder.value());
    item.setClaimedAt(claimedAt);
    return item;
  }

  /**
   * The marker that replaces the account item when the deletion happens: the event, the version
   * deleted, and the claim keys still to release.
   */
  static TombstoneItem deletionMarker(
      Account account, OutboundEvent deleted, Instant now, List<String> claimKeys) {
    TombstoneItem item = new TombstoneItem();
    item.setPk(AuthKeys.account(account.id()));
    item.setDeleting(true);
    item.setClaimKeys(claimKeys);
    item.setUserId(account.id().value());
    item.setAccountVersion(account.version());
    item.setEventId(deleted.id());
    item.setEventType(deleted.type());
    item.setEventSubject(deleted.subject());
    item.setEventJson(deleted.json().clone());
    item.setCreatedAt(now);
    return item;
  }

  /** The tombstone a deletion marker leaves: the same event, without the claim keys. */
  static TombstoneItem tombstoneOf(TombstoneItem marker) {
    TombstoneItem item = new TombstoneItem();
    item.setPk(AuthKeys.TOMBSTONE + marker.getUserId());
    item.setUserId(marker.getUserId());
    item.setAccountVersion(marker.getAccountVersion());
    item.setEventId(marker.getEventId());
    item.setEventType(marker.getEventType());
    item.setEventSubject(marker.getEventSubject());
    item.setEventJson(marker.getEventJson());
    item.setCreatedAt(marker.getCreatedAt());
    return item;
  }

  static OutboundEvent event(TombstoneItem item) {
    return new OutboundEvent(
        item.getEventId(), item.getEventType(), item.getEventSubject(), item.getEventJson());
  }

  private static SocialLinkItem toItem(SocialLink link) {
    SocialLinkItem item = new SocialLinkItem();
    item.setProvider(link.provider());
    item.setSubject(link.subject());
    return item;
  }

  private static SocialLink toDomain(SocialLinkItem item) {
    return new SocialLink(item.getProvider(), item.getSubject());
  }
}
