package app.stride.gcp.functions;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.cloud.function.context.FunctionCatalog;
import org.springframework.cloud.function.context.FunctionalSpringApplication;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;

/**
 * Starts a capability's Spring Cloud Function context the lean way: {@link
 * FunctionalSpringApplication} with the capability's {@link ApplicationContextInitializer} as the
 * only source, no web server, no component scanning, no banner. Each initializer's context is
 * started once per JVM and reused by every entry instance that names it.
 */
final class FunctionContexts {
  private static final Map<Class<?>, ConfigurableApplicationContext> STARTED =
      new ConcurrentHashMap<>();

  private FunctionContexts() {}

  /** The function catalog of {@code initializer}'s context, starting the context on first use. */
  static FunctionCatalog catalog(
      Class<? extends ApplicationContextInitializer<GenericApplicationContext>> initializer) {
    return STARTED
        .computeIfAbsent(initializer, FunctionContexts::start)
        .getBean(FunctionCatalog.class);
  }

  /** The function {@code name}, failing fast when the initializer did not register it. */
  static Object lookup(
      Class<? extends ApplicationContextInitializer<GenericApplicationContext>> initializer,
      String name) {
    Object function = catalog(initializer).lookup(name);
    if (function == null) {
      throw new IllegalStateException(
          initializer.getName() + " registers no function named '" + name + "'");
    }
    return function;
  }

  private static ConfigurableApplicationContext start(Class<?> initializer) {
    // Spring reads spring.factories (the function catalog's initializer among them) through the
    // thread's context class loader, from the application's construction on. The Functions
    // Framework makes it the function's loader while it constructs an HTTP function, but constructs
    // an event function with its own: the function jar (--classpath) is then invisible and the
    // context starts without a function catalog.
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    thread.setContextClassLoader(initializer.getClassLoader());
    try {
      return run(initializer);
    } finally {
      thread.setContextClassLoader(previous);
    }
  }

  private static ConfigurableApplicationContext run(Class<?> initializer) {
    // Keep the Functions Framework's java.util.logging setup (structured logs in Cloud Logging):
    // Spring Boot's logging system would reset it, and costs start-up time.
    if (System.getProperty(LoggingSystem.SYSTEM_PROPERTY) == null) {
      System.setProperty(LoggingSystem.SYSTEM_PROPERTY, LoggingSystem.NONE);
    }
    FunctionalSpringApplication application = new FunctionalSpringApplication(initializer);
    application.setWebApplicationType(WebApplicationType.NONE);
    application.setBannerMode(Banner.Mode.OFF);
    application.setLogStartupInfo(false);
    application.setRegisterShutdownHook(true);
    return application.run();
  }
}
