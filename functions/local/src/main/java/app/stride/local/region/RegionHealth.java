package app.stride.local.region;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A region's line in {@code GET /health}.
 *
 * @param id the region id
 * @param cloud {@code aws} or {@code gcp}
 * @param store {@code dynamodb} or {@code firestore}
 * @param endpoint the local store's endpoint, when it runs
 * @param status {@code UP} or {@code DOWN}
 * @param reason why it is down
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RegionHealth(
    String id, String cloud, String store, String endpoint, String status, String reason) {}
