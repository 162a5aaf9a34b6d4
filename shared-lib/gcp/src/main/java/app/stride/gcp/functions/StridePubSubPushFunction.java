package app.stride.gcp.functions;

import app.stride.core.trigger.QueueMessage;
import com.google.cloud.functions.HttpFunction;
import com.google.cloud.functions.HttpRequest;
import com.google.cloud.functions.HttpResponse;
import java.io.InputStream;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.support.GenericApplicationContext;

/**
 * The Google Cloud Functions entry for a queue worker fed by a Pub/Sub <em>push subscription</em>
 * (with its retry and dead-letter policies), as infra's {@code PushWorker} deploys it: an HTTP
 * function that takes the push body Pub/Sub posts ({@link PubSubPushes#fromPushBody}) and hands the
 * message to the function bean ({@code Consumer<QueueMessage>}). Unlike a {@code
 * CloudEventsFunction}, it needs no CloudEvent headers, which a plain push does not send (the
 * Functions Framework fails to convert such a request for a {@code CloudEventsFunction}).
 *
 * <p>Answers: 204 when the message was handled (Pub/Sub acknowledges it); 500 when handling threw
 * (Pub/Sub delivers it again after its backoff, and dead-letters it after the subscription's
 * maximum attempts); 400 for a body that is not a push and 413 for one over {@value
 * #MAX_BODY_BYTES} bytes (they too end in the dead-letter topic, where they can be looked at); 405
 * for anything but POST. Who may call is Cloud Run's business: the function admits only the push
 * subscription's invoker account. Logs name the message id and attempt, never the body.
 */
public abstract class StridePubSubPushFunction implements HttpFunction {
  /** Pub/Sub's largest message (10 MB) in base64, with room for the envelope. */
  public static final int MAX_BODY_BYTES = 14 * 1024 * 1024;

  private static final Logger log = LoggerFactory.getLogger(StridePubSubPushFunction.class);

  private final Function<Object, Object> function;

  @SuppressWarnings("unchecked")
  protected StridePubSubPushFunction(
      Class<? extends ApplicationContextInitializer<GenericApplicationContext>> initializer,
      String functionName) {
    this.function = (Function<Object, Object>) FunctionContexts.lookup(initializer, functionName);
  }

  @Override
  public void service(HttpRequest request, HttpResponse response) throws Exception {
    if (!"POST".equals(request.getMethod())) {
      response.setStatusCode(405);
      response.appendHeader("Allow", "POST");
      return;
    }
    byte[] body;
    try (InputStream in = request.getInputStream()) {
      body = in.readNBytes(MAX_BODY_BYTES + 1);
    }
    if (body.length > MAX_BODY_BYTES) {
      log.warn("push refused: over {} bytes", MAX_BODY_BYTES);
      response.setStatusCode(413);
      return;
    }
    QueueMessage message;
    try {
      message = PubSubPushes.fromPushBody(body);
    } catch (IllegalArgumentException e) {
      log.warn("push refused: {}", e.getMessage());
      response.setStatusCode(400);
      return;
    }
    try {
      function.apply(message);
    } catch (RuntimeException e) {
      log.warn(
          "message={} attempt={} failed: {}",
          message.id(),
          message.deliveryAttempt(),
          e.toString());
      response.setStatusCode(500);
      return;
    }
    response.setStatusCode(204);
  }
}
