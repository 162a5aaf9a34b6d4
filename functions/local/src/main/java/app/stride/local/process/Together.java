package app.stride.local.process;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closes several resources at once. Each may spend seconds in its close (an event source waits out
 * a receive's long poll, a child JVM its shutdown hooks) without needing the others, so closing
 * them one after another only adds those waits up: a platform took about 35 s to stop that way.
 */
public final class Together {
  private static final Logger log = LoggerFactory.getLogger(Together.class);

  private Together() {}

  /**
   * Closes every resource on a thread of its own and returns when all are closed; a failure is
   * logged and does not stop the others.
   */
  public static void close(Collection<? extends AutoCloseable> resources) {
    List<Thread> closing = new ArrayList<>();
    for (AutoCloseable resource : resources) {
      Thread thread = new Thread(() -> closeQuietly(resource), "close-together");
      thread.start();
      closing.add(thread);
    }
    boolean interrupted = false;
    for (Thread thread : closing) {
      while (true) {
        try {
          thread.join();
          break;
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  private static void closeQuietly(AutoCloseable resource) {
    try {
      resource.close();
    } catch (Exception e) {
      log.warn("stopping {} failed: {}", resource, e.toString());
    }
  }
}
