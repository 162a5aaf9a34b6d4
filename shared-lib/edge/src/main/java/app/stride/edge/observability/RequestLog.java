package app.stride.edge.observability;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes {@link RequestLogLine}s, one JSON object per request, at INFO on the SLF4J logger {@value
 * #LOGGER}, so a deployment can route or silence it on its own.
 */
public final class RequestLog {
  /** The logger name request lines go to. */
  public static final String LOGGER = "stride.request";

  private final Logger log;

  /** Logs to {@value #LOGGER}. */
  public RequestLog() {
    this(LoggerFactory.getLogger(LOGGER));
  }

  /** Logs to the given logger. */
  public RequestLog(Logger log) {
    this.log = log;
  }

  /** Writes the line as one JSON object ({@link RequestLogLine#toJson()}). */
  public void write(RequestLogLine line) {
    if (log.isInfoEnabled()) {
      log.info(line.toJson());
    }
  }
}
