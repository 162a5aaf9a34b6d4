package app.stride.auth.aws.adapter.out.ses;

import app.stride.aws.client.AwsRegions;
import app.stride.core.config.Env;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.regions.Region;

/**
 * How a function sends mail through Amazon SES v2.
 *
 * @param awsRegion the SES region ({@code AWS_REGION})
 * @param fromAddress the verified sender, e.g. {@code Stride <no-reply@stride.example>} ({@code
 *     STRIDE_MAIL_FROM})
 * @param configurationSet the SES configuration set that records deliveries, bounces and complaints
 *     ({@code STRIDE_SES_CONFIGURATION_SET})
 * @param endpoint an endpoint override for a local stand-in ({@code STRIDE_SES_ENDPOINT}); empty in
 *     the cloud
 * @param apiCallTimeout the limit for one {@code SendEmail} call, retries included
 * @param maxAttempts attempts per call (1 = no retry); the SDK retries throttling and 5xx answers
 *     with backoff
 */
public record SesMailSettings(
    Region awsRegion,
    String fromAddress,
    String configurationSet,
    Optional<URI> endpoint,
    Duration apiCallTimeout,
    int maxAttempts) {

  /** The sender address (shared with the SMTP adapter). */
  public static final String FROM_ENV = "STRIDE_MAIL_FROM";

  /** The SES configuration set. */
  public static final String CONFIGURATION_SET_ENV = "STRIDE_SES_CONFIGURATION_SET";

  /** A local SES endpoint, for tests. */
  public static final String ENDPOINT_ENV = "STRIDE_SES_ENDPOINT";

  /** Used by {@link #fromEnv}: a mail call must not hold a request for long. */
  public static final Duration DEFAULT_API_CALL_TIMEOUT = Duration.ofSeconds(10);

  /** Used by {@link #fromEnv}: the SDK's standard number of attempts. */
  public static final int DEFAULT_MAX_ATTEMPTS = 3;

  /**
   * @throws IllegalArgumentException when a value is blank, multi-line or out of range
   */
  public SesMailSettings {
    Objects.requireNonNull(awsRegion, "awsRegion");
    requireSingleLine(fromAddress, "fromAddress");
    requireSingleLine(configurationSet, "configurationSet");
    endpoint = endpoint == null ? Optional.empty() : endpoint;
    Objects.requireNonNull(apiCallTimeout, "apiCallTimeout");
    if (apiCallTimeout.isNegative() || apiCallTimeout.isZero()) {
      throw new IllegalArgumentException("apiCallTimeout must be positive");
    }
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1");
    }
  }

  /**
   * Reads {@code AWS_REGION} (or the catalog region of {@code STRIDE_REGION}), {@code
   * STRIDE_MAIL_FROM}, {@code STRIDE_SES_CONFIGURATION_SET} and {@code STRIDE_SES_ENDPOINT}.
   */
  public static SesMailSettings fromEnv(Env env) {
    return new SesMailSettings(
        AwsRegions.fromEnv(env),
        env.require(FROM_ENV),
        env.require(CONFIGURATION_SET_ENV),
        env.optional(ENDPOINT_ENV).map(URI::create),
        DEFAULT_API_CALL_TIMEOUT,
        DEFAULT_MAX_ATTEMPTS);
  }

  private static void requireSingleLine(String value, String name) {
    Objects.requireNonNull(value, name);
    if (value.isBlank() || value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
      throw new IllegalArgumentException(name + " must be a non-blank single line");
    }
  }
}
