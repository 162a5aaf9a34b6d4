package app.stride.bench.coldstart.plain;

import java.net.URI;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads profile items from the regional profiles table ({@code STRIDE_PROFILES_TABLE}, default
 * {@code stride-profiles-<STRIDE_REGION>}) with the enhanced client, strongly consistent, and
 * renders them as the API's JSON.
 */
final class ProfileRows {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final DynamoDbTable<ProfileRow> table;
  private final String region;

  ProfileRows(DynamoDbClient client, String tableName, String region) {
    this.table =
        DynamoDbEnhancedClient.builder()
            .dynamoDbClient(client)
            .build()
            .table(tableName, TableSchema.fromBean(ProfileRow.class));
    this.region = region;
  }

  static ProfileRows fromEnv(Map<String, String> env) {
    String region = BearerTokens.required(env, "STRIDE_REGION");
    String tableName = env.getOrDefault("STRIDE_PROFILES_TABLE", "stride-profiles-" + region);
    DynamoDbClientBuilder builder =
        DynamoDbClient.builder()
            .httpClientBuilder(UrlConnectionHttpClient.builder())
            .region(Region.of(BearerTokens.required(env, "AWS_REGION")));
    String endpoint = env.get("STRIDE_DYNAMODB_ENDPOINT");
    if (endpoint != null && !endpoint.isBlank()) {
      builder
          .endpointOverride(URI.create(endpoint))
          .credentialsProvider(
              StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")));
    } else {
      builder.credentialsProvider(EnvironmentVariableCredentialsProvider.create());
    }
    return new ProfileRows(builder.build(), tableName, region);
  }

  /** The Stride region this table belongs to. */
  String region() {
    return region;
  }

  /** The profile of {@code userId} as JSON, empty when there is none. */
  Optional<ProfileJson> read(String userId) {
    ProfileRow row =
        table.getItem(
            request ->
                request
                    .key(
                        Key.builder()
                            .partitionValue(ProfileRow.partitionOf(userId))
                            .sortValue(ProfileRow.PROFILE_SK)
                            .build())
                    .consistentRead(true));
    if (row == null || !row.live()) {
      return Optional.empty();
    }
    return Optional.of(
        new ProfileJson(JSON.writeValueAsString(ProfileResource.of(row, JSON)), row.getVersion()));
  }

  /**
   * A rendered profile.
   *
   * @param json the response body
   * @param version the item's version, for the entity tag
   */
  record ProfileJson(String json, long version) {}
}
