package app.stride.profiles.gcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.cloud.function.context.FunctionCatalog;
import org.springframework.cloud.function.context.FunctionalSpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The GCP wiring starts the way every entry point starts it, and an entry that is not HTTP does not
 * need the HTTP function's configuration. Endpoints point at a closed port: starting must not call
 * out.
 */
class ProfilesGcpApplicationTest {
  private static final String CLOSED = "127.0.0.1:9";
  private static final Map<String, String> SETTINGS_WITHOUT_JWT =
      Map.of(
          "STRIDE_REGION", "apac",
          "STRIDE_FIRESTORE_PROJECT", "stride-test",
          "STRIDE_FIRESTORE_EMULATOR_HOST", CLOSED,
          "STRIDE_EVENTS_TOPIC", "projects/stride-test/topics/profile-events",
          "STRIDE_PUBSUB_ENDPOINT", CLOSED);

  @AfterEach
  void clearSettings() {
    SETTINGS_WITHOUT_JWT.keySet().forEach(System::clearProperty);
  }

  @Test
  void context_startsWithoutTokenSettings_andRegistersTheEraserBothWays() {
    SETTINGS_WITHOUT_JWT.forEach(System::setProperty);
    FunctionalSpringApplication application =
        new FunctionalSpringApplication(ProfilesGcpApplication.class);
    application.setWebApplicationType(WebApplicationType.NONE);

    try (ConfigurableApplicationContext context = application.run()) {
      FunctionCatalog catalog = context.getBean(FunctionCatalog.class);

      assertThat((Object) catalog.lookup("profilesUserEraser")).isNotNull();
      assertThat((Object) catalog.lookup(ProfilesGcpApplication.USER_ERASER_MESSAGE)).isNotNull();
      assertThat((Object) catalog.lookup("profiles")).isNotNull();
    }
  }
}
