package app.stride.devices.pull;

import app.stride.devices.connection.Secret;
import app.stride.devices.domain.Provider;
import app.stride.devices.webhook.WebhookNotification;
import java.util.List;

/**
 * Fetches what a verified notification announces from the provider's API, with the user's access
 * token: the activity file (FIT, TCX) or, for Strava, the activity and its streams. Bounded in time
 * and size; follows no redirect off the provider's hosts; never logs a token or activity data.
 */
public interface ActivityFetcher {
  /** The provider this fetcher speaks to. */
  Provider provider();

  /**
   * Fetches the announced activities (usually one; a Google Health time window or a Garmin pull may
   * hold several). An empty list means the notification announces nothing to import (e.g. a
   * non-activity summary).
   *
   * @param notification a notification this provider's receiver verified and queued
   * @param accessToken the user's current access token at the provider
   * @throws FetchException when the provider cannot give the activity now or at all
   */
  List<FetchedActivity> fetch(WebhookNotification notification, Secret accessToken);
}
