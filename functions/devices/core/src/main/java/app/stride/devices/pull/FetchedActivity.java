package app.stride.devices.pull;

import app.stride.devices.domain.ActivityData;
import java.util.Objects;

/**
 * One activity fetched from a provider, parsed, with the bytes it came from.
 *
 * @param providerActivityId the provider's id of the activity (the source id, for deduplication)
 * @param mediaType the media type of {@code original} (e.g. {@code application/fit}, {@code
 *     application/vnd.garmin.tcx+xml}, {@code application/json} for Strava's streams)
 * @param original the bytes as the provider sent them, kept in the region's bucket for reprocessing
 * @param data the normalised activity
 */
public record FetchedActivity(
    String providerActivityId, String mediaType, byte[] original, ActivityData data) {
  public FetchedActivity {
    Objects.requireNonNull(mediaType, "mediaType");
    Objects.requireNonNull(original, "original");
    Objects.requireNonNull(data, "data");
    if (providerActivityId == null || providerActivityId.isBlank()) {
      throw new IllegalArgumentException("providerActivityId must not be blank");
    }
  }

  @Override
  public String toString() {
    return "FetchedActivity[" + providerActivityId + ", " + mediaType + "]";
  }
}
