package app.stride.aws.dynamodb;

import app.stride.core.store.StoreUnavailableException;
import app.stride.core.store.VersionConflictException;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Translates DynamoDB failures into the neutral store exceptions: a lost condition becomes {@link
 * VersionConflictException}; a client-side failure (network, timeout), a throttled request or a 5xx
 * becomes {@link StoreUnavailableException}. Anything else (a 4xx such as a validation error or a
 * missing table) is a bug or a wiring mistake and is rethrown unchanged, to answer {@code 500}.
 */
public final class DynamoFailures {
  private DynamoFailures() {}

  /** Runs a DynamoDB call, translating its failures. */
  public static <T> T call(Supplier<T> call) {
    try {
      return call.get();
    } catch (SdkException e) {
      throw translate(e);
    }
  }

  /** Runs a DynamoDB call without a result, translating its failures. */
  public static void run(Runnable call) {
    call(
        () -> {
          call.run();
          return null;
        });
  }

  /** The neutral exception for an SDK failure. */
  public static RuntimeException translate(SdkException e) {
    if (e instanceof ConditionalCheckFailedException) {
      return new VersionConflictException("a conditional write lost: the item changed", e);
    }
    if (isUnavailable(e)) {
      return new StoreUnavailableException("data store", e);
    }
    return e;
  }

  /** Whether the failure means "try again later" rather than "the request is wrong". */
  static boolean isUnavailable(SdkException e) {
    if (e instanceof SdkClientException) {
      return true;
    }
    if (e instanceof AwsServiceException service) {
      return service.isThrottlingException() || service.statusCode() >= 500;
    }
    return false;
  }
}
