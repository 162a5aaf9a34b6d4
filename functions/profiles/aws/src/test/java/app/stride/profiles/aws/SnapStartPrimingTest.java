package app.stride.profiles.aws;

import static org.assertj.core.api.Assertions.assertThat;

import app.stride.testkit.tokens.TestTokens;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.cloud.function.adapter.aws.FunctionInvoker;

/**
 * The priming hook on the real wiring: {@code FunctionInvoker} starts the deployable's initializer,
 * then the hook runs as it would before a SnapStart snapshot. The store and queue endpoints point
 * at a closed port, so any network call would turn the 401 into a 503 (or fail the priming).
 */
class SnapStartPrimingTest {
  private static final String CLOSED = "http://127.0.0.1:9";
  private static final Map<String, String> SETTINGS =
      Map.ofEntries(
          Map.entry("MAIN_CLASS", ProfilesAwsApplication.class.getName()),
          Map.entry("spring.cloud.function.definition", "profilesHttp"),
          Map.entry("STRIDE_REGION", "eu"),
          Map.entry("STRIDE_PROFILES_TABLE", "stride-profiles-eu-priming"),
          Map.entry("STRIDE_DYNAMODB_ENDPOINT", CLOSED),
          Map.entry("STRIDE_EVENTS_QUEUE_URL", CLOSED + "/000000000000/events"),
          Map.entry("STRIDE_SQS_ENDPOINT", CLOSED),
          Map.entry("STRIDE_LOCAL_MODE", "true"),
          Map.entry("STRIDE_LOCAL_JWKS", new TestTokens().publicJwks()),
          Map.entry("STRIDE_JWT_ISSUER", TestTokens.ISSUER),
          Map.entry("STRIDE_JWT_AUDIENCE", TestTokens.AUDIENCE));

  @AfterEach
  void clearSettings() {
    List.copyOf(SETTINGS.keySet()).forEach(System::clearProperty);
  }

  @Test
  void prime_goesThroughProfilesHttp_andVerifiesAThrowawayToken_withoutNetwork() {
    SETTINGS.forEach(System::setProperty);
    new FunctionInvoker();

    SnapStartPriming.Primed primed = SnapStartPriming.registered().prime();

    assertThat(primed.httpStatus()).isEqualTo(401);
    assertThat(primed.verifiedSubject()).isEqualTo("snapstart-priming");
  }

  @Test
  void prime_canRunTwice() {
    SETTINGS.forEach(System::setProperty);
    new FunctionInvoker();
    SnapStartPriming priming = SnapStartPriming.registered();

    priming.prime();

    assertThat(priming.prime().httpStatus()).isEqualTo(401);
  }
}
