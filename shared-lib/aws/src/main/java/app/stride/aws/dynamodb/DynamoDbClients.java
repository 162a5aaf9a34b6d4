package app.stride.aws.dynamodb;

import app.stride.aws.client.AwsClientDefaults;
import app.stride.edge.resilience.StoreResilience;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.extensions.VersionedRecordExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Builds DynamoDB clients from {@link DynamoDbSettings}. Build once per function instance.
 *
 * <p>Every client is guarded ({@link DynamoDbGuard}): each call (retries included) asks the {@value
 * DynamoDbGuard#DEPENDENCY} circuit breaker and takes a bulkhead slot first, on the caller's
 * thread, and is bounded by the SDK's call timeout, attempt timeout and attempt count. An open
 * breaker or a full bulkhead throws a {@code 503 store-unavailable} {@link
 * app.stride.core.store.StoreUnavailableException} with {@code Retry-After} before anything is
 * sent; a call cut off by the time limit, throttled or failing with a 5xx or an I/O error becomes
 * one through {@link DynamoFailures}, and counts against the breaker. Lost conditions and other 4xx
 * answers are the store answering and count as successes.
 */
public final class DynamoDbClients {
  private DynamoDbClients() {}

  /** A low-level client behind the process's guard ({@link DynamoDbGuard#process()}). */
  public static DynamoDbClient client(DynamoDbSettings settings) {
    return client(settings, DynamoDbGuard.process());
  }

  /** A low-level client behind {@code guard} (tests, or a process that wires its own meters). */
  public static DynamoDbClient client(DynamoDbSettings settings, DynamoDbGuard guard) {
    return AwsClientDefaults.apply(
            DynamoDbClient.builder(), settings.awsRegion(), settings.endpoint())
        .overrideConfiguration(guarded(guard))
        .build();
  }

  private static ClientOverrideConfiguration guarded(DynamoDbGuard guard) {
    StoreResilience limits = guard.resilience();
    return ClientOverrideConfiguration.builder()
        .apiCallTimeout(limits.policy().callTimeout())
        .apiCallAttemptTimeout(limits.attemptTimeout())
        .retryStrategy(
            AwsRetryStrategy.standardRetryStrategy().toBuilder()
                .maxAttempts(limits.maxAttempts())
                .build())
        .addExecutionInterceptor(new GuardInterceptor(guard.calls(), limits.dependency()))
        .build();
  }

  /**
   * An enhanced client whose only extension is the {@link VersionedRecordExtension}: a bean's
   * {@code DynamoDbVersionAttribute} is checked and incremented on every put and update.
   */
  public static DynamoDbEnhancedClient enhanced(DynamoDbClient client) {
    return DynamoDbEnhancedClient.builder()
        .dynamoDbClient(client)
        .extensions(VersionedRecordExtension.builder().build())
        .build();
  }
}
