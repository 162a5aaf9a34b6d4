package app.stride.gcp.functions;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.net.URLClassLoader;
import org.junit.jupiter.api.Test;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.support.GenericApplicationContext;

class FunctionContextsTest {

  @Test
  void lookup_findsTheFunction_whenTheThreadsContextLoaderCannotSeeTheFunctionJar()
      throws Exception {
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    // What the Functions Framework does while it constructs an event function: its own loader,
    // which does not see the function jar given with --classpath. Here: one that sees nothing.
    try (URLClassLoader invokers = new URLClassLoader(new URL[0], null)) {
      thread.setContextClassLoader(invokers);

      Object function = FunctionContexts.lookup(SeparateToyApplication.class, "toyQueue");

      assertThat(function).isNotNull();
      assertThat(thread.getContextClassLoader()).isSameAs(invokers);
    } finally {
      thread.setContextClassLoader(previous);
    }
  }

  /** The toy capability under an initializer of its own: contexts start once per initializer. */
  public static final class SeparateToyApplication
      implements ApplicationContextInitializer<GenericApplicationContext> {
    @Override
    public void initialize(GenericApplicationContext context) {
      new ToyApplication().initialize(context);
    }
  }
}
