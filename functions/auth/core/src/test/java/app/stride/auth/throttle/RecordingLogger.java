package app.stride.auth.throttle;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.helpers.MessageFormatter;

/** An SLF4J logger that keeps the formatted WARN lines (every level enabled, others dropped). */
public final class RecordingLogger {

  private final List<String> warnings = Collections.synchronizedList(new ArrayList<>());
  private final Logger logger =
      (Logger)
          Proxy.newProxyInstance(
              Logger.class.getClassLoader(),
              new Class<?>[] {Logger.class},
              (proxy, method, args) -> {
                String name = method.getName();
                if (name.equals("warn") && args.length >= 1 && args[0] instanceof String format) {
                  Object[] arguments = new Object[args.length - 1];
                  System.arraycopy(args, 1, arguments, 0, arguments.length);
                  if (arguments.length == 1 && arguments[0] instanceof Object[] varargs) {
                    arguments = varargs;
                  }
                  warnings.add(MessageFormatter.arrayFormat(format, arguments).getMessage());
                  return null;
                }
                if (method.getReturnType() == boolean.class) {
                  return true;
                }
                if (name.equals("getName")) {
                  return "recording";
                }
                return null;
              });

  /** The logger to hand to the class under test. */
  public Logger logger() {
    return logger;
  }

  /** The WARN lines so far, formatted. */
  public List<String> warnings() {
    synchronized (warnings) {
      return List.copyOf(warnings);
    }
  }
}
