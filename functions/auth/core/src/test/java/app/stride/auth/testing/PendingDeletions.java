package app.stride.auth.testing;

import app.stride.auth.application.port.out.AccountStore;
import app.stride.auth.domain.Account;
import app.stride.auth.domain.UserId;
import app.stride.core.event.OutboundEvent;
import app.stride.core.region.RegionId;
import app.stride.events.user.v1.UserDeleted;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** What an account deletion whose publish failed leaves in a store, for the relay's tests. */
public final class PendingDeletions {
  private PendingDeletions() {}

  /**
   * Creates an account homed in {@code home} in {@code accounts} and deletes it: its tombstone
   * holds the {@code app.stride.user.v1.deleted} event, which no one published.
   *
   * @return the pending event's id
   */
  public static String leaveOne(AccountStore accounts, RegionId home) {
    Account account =
        Account.create(
            UserId.random(),
            home,
            "gone-" + UUID.randomUUID() + "@example.com",
            false,
            "h",
            Locale.ENGLISH,
            List.of(),
            Instant.now());
    accounts.create(account);
    String eventId = UUID.randomUUID().toString();
    accounts.delete(
        account,
        new OutboundEvent(
            eventId,
            UserDeleted.TYPE,
            account.id().value(),
            ("{\"specversion\":\"1.0\",\"id\":\"" + eventId + "\"}")
                .getBytes(StandardCharsets.UTF_8)));
    return eventId;
  }
}
