package app.stride.auth.application.service;

import app.stride.auth.application.port.out.AccountStore;
import app.stride.auth.credential.EmailAddress;
import app.stride.auth.domain.Account;
import app.stride.auth.domain.SocialLink;
import app.stride.auth.domain.UserId;
import app.stride.core.directory.DirectoryPort;
import app.stride.core.event.EventPublisher;
import app.stride.core.event.OutboundEvent;
import app.stride.core.region.RegionId;
import app.stride.core.trigger.ScheduledTick;
import app.stride.events.EventCodec;
import app.stride.events.user.v1.UserDeleted;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deleting an account: the account and its login claims go at once, leaving a tombstone that holds
 * the {@code app.stride.user.v1.deleted} event until it is published; every capability's eraser
 * consumes that event. The scheduled relay republishes what a failed publish left behind.
 */
public final class AccountDeletion implements Consumer<ScheduledTick> {
  private static final Logger log = LoggerFactory.getLogger(AccountDeletion.class);
  private static final int BATCH = 100;

  private final AccountStore accounts;
  private final DirectoryPort directory;
  private final AccountKeys keys;
  private final EventPublisher events;
  private final PasswordRecovery passwords;
  private final RegionId region;
  private final Clock clock;
  private final EventCodec codec = new EventCodec();

  AccountDeletion(
      AccountStore accounts,
      DirectoryPort directory,
      AccountKeys keys,
      EventPublisher events,
      PasswordRecovery passwords,
      RegionId region,
      Clock clock) {
    this.accounts = accounts;
    this.directory = directory;
    this.keys = keys;
    this.events = events;
    this.passwords = passwords;
    this.region = region;
    this.clock = clock;
  }

  /** Deletes the signed-in user's account; an account with a password must give it. */
  public void delete(UserId userId, String password, String ip) {
    Account account = accounts.findById(userId).orElseThrow(PasswordRecovery::noAccount);
    if (account.password().isPresent()) {
      passwords.requireCurrentPassword(account, password, ip);
    }
    Instant now = clock.instant();
    String eventId = UUID.randomUUID().toString();
    OutboundEvent deleted =
        new OutboundEvent(
            eventId,
            UserDeleted.TYPE,
            userId.value(),
            codec.encodeToBytes(UserDeleted.event(eventId, region.value(), userId.value(), now)));
    accounts.delete(account, deleted);
    directory.remove(keys.directoryKey(EmailAddress.parse(account.email())));
    for (SocialLink link : account.socialLinks()) {
      directory.remove(keys.directoryKey(link));
    }
    publish(userId, deleted);
  }

  /** The relay: publishes deletion events a failed publish left in tombstones. */
  @Override
  public void accept(ScheduledTick tick) {
    int published = 0;
    for (OutboundEvent event : accounts.pendingDeletions(BATCH)) {
      if (publish(new UserId(event.subject()), event)) {
        published++;
      }
    }
    log.info("schedule={} tick={} republished={}", tick.schedule(), tick.id(), published);
  }

  private boolean publish(UserId userId, OutboundEvent event) {
    try {
      events.publish(event);
    } catch (RuntimeException e) {
      log.warn(
          "deletion event {} left for the relay: {}", event.id(), e.getClass().getSimpleName());
      return false;
    }
    accounts.markPublished(userId, event.id());
    return true;
  }
}
