package app.stride.aws.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import org.junit.jupiter.api.Test;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;

class NoBootLoggingSystemTest {

  @Test
  void factory_givesALoggingSystemThatIgnoresBootsLevels() {
    LoggingSystem system =
        new NoBootLoggingSystem.Factory().getLoggingSystem(getClass().getClassLoader());

    assertThat(system).isInstanceOf(NoBootLoggingSystem.class);
    assertThatCode(
            () -> {
              system.beforeInitialize();
              system.setLogLevel("org.springframework.cloud.function", LogLevel.INFO);
            })
        .doesNotThrowAnyException();
    assertThat(system.getLoggerConfigurations()).isEmpty();
    assertThat(system.getLoggerConfiguration("org.springframework")).isNull();
  }
}
