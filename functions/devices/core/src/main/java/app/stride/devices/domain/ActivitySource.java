package app.stride.devices.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * One source an activity arrived from. An activity merged from a Garmin push and a Strava event has
 * two.
 *
 * @param provider the provider or upload path
 * @param externalId the provider's id of the activity (null for uploaded files)
 * @param importId the import that brought it (null when it came from a webhook)
 * @param device the recording device's name, null when unknown
 * @param receivedAt when it arrived
 */
public record ActivitySource(
    Provider provider, String externalId, ImportId importId, String device, Instant receivedAt) {
  public ActivitySource {
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(receivedAt, "receivedAt");
    if (externalId != null && (externalId.isEmpty() || externalId.length() > 128)) {
      throw new IllegalArgumentException("external id must be 1..128 characters");
    }
  }

  /** Whether this names the same provider record as {@code other} (same provider and id). */
  public boolean sameRecordAs(ActivitySource other) {
    return provider == other.provider && externalId != null && externalId.equals(other.externalId);
  }
}
