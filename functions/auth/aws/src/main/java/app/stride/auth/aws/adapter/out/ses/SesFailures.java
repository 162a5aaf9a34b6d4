package app.stride.auth.aws.adapter.out.ses;

import app.stride.auth.mail.MailUnavailableException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sesv2.model.LimitExceededException;

/**
 * Translates SES failures into {@link MailUnavailableException}. Throttling ({@code 429}, a sending
 * quota reached), a {@code 5xx}, a timeout or a network failure may pass later (retryable); any
 * other refusal ({@code MessageRejected}, {@code SendingPaused}, an unverified sender, a missing
 * configuration set) will not. The new message carries the status, SES's error code and the request
 * id, never SES's own text, which can quote addresses.
 */
final class SesFailures {
  private SesFailures() {}

  static MailUnavailableException translate(SdkException e) {
    if (e instanceof AwsServiceException service) {
      return new MailUnavailableException(describe(service), isTemporary(service));
    }
    if (e instanceof ApiCallTimeoutException || e instanceof ApiCallAttemptTimeoutException) {
      return new MailUnavailableException("SES SendEmail timed out", true);
    }
    if (e instanceof SdkClientException) {
      return new MailUnavailableException(
          "SES unreachable (" + rootCause(e).getClass().getSimpleName() + ")", true);
    }
    return new MailUnavailableException(
        "SES SendEmail failed (" + e.getClass().getSimpleName() + ")", true);
  }

  static boolean isTemporary(AwsServiceException e) {
    return e.isThrottlingException()
        || e instanceof LimitExceededException
        || e.statusCode() >= 500;
  }

  private static String describe(AwsServiceException e) {
    String code =
        e.awsErrorDetails() != null && e.awsErrorDetails().errorCode() != null
            ? e.awsErrorDetails().errorCode()
            : e.getClass().getSimpleName();
    return "SES refused SendEmail (status "
        + e.statusCode()
        + ", "
        + code
        + ", request id "
        + e.requestId()
        + ")";
  }

  private static Throwable rootCause(Throwable e) {
    Throwable current = e;
    while (current.getCause() != null && current.getCause() != current) {
      current = current.getCause();
    }
    return current;
  }
}
