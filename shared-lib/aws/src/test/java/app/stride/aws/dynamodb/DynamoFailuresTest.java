package app.stride.aws.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.stride.core.store.StoreUnavailableException;
import app.stride.core.store.VersionConflictException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

class DynamoFailuresTest {

  @Test
  void translate_lostConditionIsAVersionConflict() {
    assertThat(DynamoFailures.translate(ConditionalCheckFailedException.builder().build()))
        .isInstanceOf(VersionConflictException.class);
  }

  @Test
  void translate_clientSideFailureIsUnavailable() {
    assertThat(DynamoFailures.translate(SdkClientException.create("connection refused")))
        .isInstanceOf(StoreUnavailableException.class);
  }

  @Test
  void translate_serverErrorIsUnavailable() {
    DynamoDbException e =
        (DynamoDbException) DynamoDbException.builder().statusCode(500).message("boom").build();

    assertThat(DynamoFailures.translate(e))
        .isInstanceOfSatisfying(
            StoreUnavailableException.class,
            u -> assertThat(u.headers()).containsKey("Retry-After"));
  }

  @Test
  void translate_throttlingIsUnavailable() {
    var e =
        ProvisionedThroughputExceededException.builder()
            .statusCode(400)
            .awsErrorDetails(
                AwsErrorDetails.builder()
                    .errorCode("ProvisionedThroughputExceededException")
                    .build())
            .build();

    assertThat(DynamoFailures.translate(e)).isInstanceOf(StoreUnavailableException.class);
  }

  @Test
  void translate_aWiringMistakeStaysAsItIs() {
    ResourceNotFoundException e =
        (ResourceNotFoundException)
            ResourceNotFoundException.builder().statusCode(400).message("no table").build();

    assertThat(DynamoFailures.translate(e)).isSameAs(e);
  }

  @Test
  void call_translatesWhatTheCallThrows() {
    assertThatThrownBy(
            () ->
                DynamoFailures.call(
                    () -> {
                      throw ConditionalCheckFailedException.builder().build();
                    }))
        .isInstanceOf(VersionConflictException.class);
  }
}
