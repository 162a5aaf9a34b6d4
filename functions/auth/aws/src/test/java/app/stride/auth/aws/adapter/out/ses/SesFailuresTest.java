package app.stride.auth.aws.adapter.out.ses;

import static org.assertj.core.api.Assertions.assertThat;

import app.stride.auth.mail.MailUnavailableException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.services.sesv2.model.LimitExceededException;
import software.amazon.awssdk.services.sesv2.model.SendingPausedException;

class SesFailuresTest {

  @Test
  void sendingQuotaReached_isRetryable() {
    var e =
        LimitExceededException.builder()
            .statusCode(400)
            .awsErrorDetails(AwsErrorDetails.builder().errorCode("LimitExceededException").build())
            .build();

    assertThat(SesFailures.translate(e).retryable()).isTrue();
  }

  @Test
  void sendingPaused_isPermanent_andNamesTheErrorCode() {
    var e =
        SendingPausedException.builder()
            .statusCode(400)
            .requestId("req-1")
            .awsErrorDetails(AwsErrorDetails.builder().errorCode("SendingPausedException").build())
            .build();

    MailUnavailableException failure = SesFailures.translate(e);

    assertThat(failure.retryable()).isFalse();
    assertThat(failure.getMessage())
        .isEqualTo("SES refused SendEmail (status 400, SendingPausedException, request id req-1)");
  }

  @Test
  void callTimeout_isRetryable() {
    MailUnavailableException failure = SesFailures.translate(ApiCallTimeoutException.create(5000));

    assertThat(failure.retryable()).isTrue();
    assertThat(failure.getMessage()).isEqualTo("SES SendEmail timed out");
  }
}
