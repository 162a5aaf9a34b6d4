package app.stride.aws.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.stride.core.config.Env;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What {@link SecretsOverlay} does without a call: no region or endpoint is configured here, so
 * building a Secrets Manager client would fail. The calls themselves: {@code SecretsOverlayIT}.
 */
class SecretsOverlayTest {

  @Test
  void resolve_withoutArnVariables_returnsTheSameVariables_andCallsNothing() {
    Map<String, String> values = Map.of("STRIDE_REGION", "eu", "STRIDE_CURSOR_KEY", "a2V5");

    Env env =
        SecretsOverlay.byArn(List.of("STRIDE_CURSOR_KEY"))
            .andBundle(List.of("STRIDE_OAUTH_STATE_KEY"))
            .resolve(new Env(values));

    assertThat(env.asMap()).isEqualTo(values);
  }

  @Test
  void resolve_whenEveryNameIsSet_readsNoSecret_evenWithArnsPresent() {
    Env env =
        SecretsOverlay.byArn(List.of("STRIDE_CURSOR_KEY"))
            .andBundle(List.of("STRIDE_OAUTH_STATE_KEY"))
            .resolve(
                new Env(
                    Map.of(
                        "STRIDE_CURSOR_KEY",
                        "a2V5",
                        "STRIDE_CURSOR_KEY_ARN",
                        "arn:aws:secretsmanager:x",
                        "STRIDE_OAUTH_STATE_KEY",
                        "c3RhdGU=",
                        SecretsOverlay.BUNDLE_ARN_ENV,
                        "arn:aws:secretsmanager:y")));

    assertThat(env.require("STRIDE_CURSOR_KEY")).isEqualTo("a2V5");
    assertThat(env.require("STRIDE_OAUTH_STATE_KEY")).isEqualTo("c3RhdGU=");
  }

  @Test
  void byArn_refusesNamesThatAreNotPlainVariables() {
    for (String name :
        List.of("stride_cursor_key", "STRIDE_CURSOR_KEY_ARN", SecretsOverlay.ENDPOINT_ENV, "")) {
      assertThatThrownBy(() -> SecretsOverlay.byArn(List.of(name)))
          .as(name)
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void bundle_refusesItsOwnVariableAsAMember() {
    assertThatThrownBy(() -> SecretsOverlay.bundle(List.of(SecretsOverlay.BUNDLE_ARN_ENV)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
