package app.stride.aws.lambda;

import java.util.List;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggerConfiguration;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.logging.LoggingSystemFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * Spring Boot's logging system for Lambda deployables: none. The deployable logs through SLF4J's
 * simple provider, configured by its own {@code simplelogger.properties}; Boot neither initialises
 * a logging framework on the cold start nor applies {@code logging.level.*} properties (which is
 * why levels that matter, such as keeping the AWS adapter from logging whole events with their
 * bearer tokens, belong in {@code simplelogger.properties}).
 *
 * <p>The same effect as {@code -Dorg.springframework.boot.logging.LoggingSystem=none}, but carried
 * by the jar, so Lambda, the local platform and the cold-start bench behave alike. A deployable
 * opts in by listing {@link Factory} under {@code
 * org.springframework.boot.logging.LoggingSystemFactory} in its {@code META-INF/spring.factories};
 * it then wins over Boot's own factories. An explicit {@code
 * org.springframework.boot.logging.LoggingSystem} system property still takes precedence.
 */
public final class NoBootLoggingSystem extends LoggingSystem {

  @Override
  public void beforeInitialize() {
    // nothing to prepare: the SLF4J provider configures itself
  }

  @Override
  public void setLogLevel(String loggerName, LogLevel level) {
    // levels come from simplelogger.properties, which cannot change at run time
  }

  @Override
  public List<LoggerConfiguration> getLoggerConfigurations() {
    return List.of();
  }

  @Override
  public LoggerConfiguration getLoggerConfiguration(String loggerName) {
    return null;
  }

  /** Registered in a deployable's {@code spring.factories}; ordered before Boot's factories. */
  @Order(Ordered.HIGHEST_PRECEDENCE)
  public static final class Factory implements LoggingSystemFactory {
    @Override
    public LoggingSystem getLoggingSystem(ClassLoader classLoader) {
      return new NoBootLoggingSystem();
    }
  }
}
