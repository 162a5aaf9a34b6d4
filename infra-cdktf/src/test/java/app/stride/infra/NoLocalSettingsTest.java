package app.stride.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Local-only switches must never reach a deployed function: with them a function would trust an
 * inline signing key, create its own tables, or talk to an emulator.
 */
class NoLocalSettingsTest {
  private static final List<String> LOCAL_ONLY =
      List.of(
          "STRIDE_LOCAL_MODE",
          "STRIDE_LOCAL_JWKS",
          "STRIDE_CREATE_TABLES",
          "STRIDE_DYNAMODB_ENDPOINT",
          "STRIDE_SQS_ENDPOINT",
          "STRIDE_PUBSUB_ENDPOINT",
          "EMULATOR_HOST");

  @Test
  void noStack_setsALocalOnlyVariable() {
    assertThat(SynthesizedStacks.all()).containsKeys("aws-eu-central-1", "gcp-asia-southeast1");
    SynthesizedStacks.all()
        .forEach(
            (name, stack) -> {
              for (String variable : LOCAL_ONLY) {
                assertThat(stack.json())
                    .as(name + " must not set " + variable)
                    .doesNotContain(variable);
              }
            });
  }

  @Test
  void everyFunction_verifiesTokensAgainstTheIssuersJwksUrl() {
    SynthesizedStacks.all()
        .forEach(
            (name, stack) -> {
              if (stack.json().contains("STRIDE_JWT_ISSUER")) {
                assertThat(stack.json()).as(name).contains("STRIDE_JWKS_URL");
              }
            });
  }
}
