package app.stride.devices.pull;

import app.stride.devices.domain.Provider;
import app.stride.devices.webhook.NotificationKind;
import app.stride.devices.webhook.WebhookNotification;

/** What every fetcher checks of a notification before it makes a request. */
final class Announcements {
  private Announcements() {}

  /**
   * Whether the notification announces an activity to fetch (created or updated); deletions,
   * deauthorisations and permission changes are the worker's to handle without a fetch.
   *
   * @throws IllegalArgumentException when the notification is another provider's
   */
  static boolean announcesActivity(WebhookNotification notification, Provider provider) {
    if (notification.provider() != provider) {
      throw new IllegalArgumentException(
          "a "
              + notification.provider().wire()
              + " notification given to the "
              + provider.wire()
              + " fetcher");
    }
    return notification.kind() == NotificationKind.ACTIVITY_CREATED
        || notification.kind() == NotificationKind.ACTIVITY_UPDATED;
  }
}
