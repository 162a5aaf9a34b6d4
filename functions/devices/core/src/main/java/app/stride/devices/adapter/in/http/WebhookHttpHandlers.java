package app.stride.devices.adapter.in.http;

import app.stride.core.function.ApiCall;
import app.stride.core.function.ApiFunction;
import app.stride.core.http.ApiResponse;
import app.stride.core.problem.Problem;
import app.stride.core.problem.ProblemException;
import app.stride.core.problem.ProblemType;
import app.stride.core.region.RegionId;
import app.stride.core.store.StoreUnavailableException;
import app.stride.devices.application.port.out.WorkQueue;
import app.stride.devices.domain.Provider;
import app.stride.devices.webhook.QueuedNotifications;
import app.stride.devices.webhook.SeenSignatures;
import app.stride.devices.webhook.WebhookNotification;
import app.stride.devices.webhook.WebhookOutcome;
import app.stride.devices.webhook.WebhookProblem;
import app.stride.devices.webhook.WebhookReceiver;
import app.stride.devices.webhook.WebhookRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /v1/webhooks/{provider}/{region}}: each provider's receiver verifies the request before
 * anything else; a verified notification is queued on the region's work queue with its idempotency
 * key and acknowledged at once (the activity is fetched from the queue, never inside the provider's
 * deadline). A request that does not verify is {@code 401 webhook-rejected} and queues nothing.
 * When the queue cannot take a notification the answer is 503, the replay marker is forgotten, and
 * the provider's retry is accepted again.
 */
public final class WebhookHttpHandlers {
  private final Map<Provider, WebhookReceiver> receivers = new EnumMap<>(Provider.class);
  private final WorkQueue queue;
  private final SeenSignatures seen;
  private final RegionId servingRegion;
  private final Clock clock;

  public WebhookHttpHandlers(
      List<WebhookReceiver> receivers,
      WorkQueue queue,
      SeenSignatures seen,
      RegionId servingRegion,
      Clock clock) {
    receivers.forEach(r -> this.receivers.put(r.provider(), r));
    this.queue = queue;
    this.seen = seen;
    this.servingRegion = servingRegion;
    this.clock = clock;
  }

  /** Adds the handlers to a function builder. */
  public ApiFunction.Builder register(ApiFunction.Builder builder) {
    return builder.on("verifyWebhookSubscription", this::handle).on("receiveWebhook", this::handle);
  }

  ApiResponse handle(ApiCall call) {
    WebhookReceiver receiver = receiver(call);
    WebhookRequest request =
        WebhookRequest.of(
            call.request().method(),
            multi(call.request().query()),
            call.request().headers(),
            call.request().body());
    WebhookOutcome outcome = receiver.receive(request, clock.instant());
    if (outcome instanceof WebhookOutcome.Handshake h) {
      return h.contentType() == null
          ? ApiResponse.empty(h.status())
          : new ApiResponse(
              h.status(),
              Map.of("Content-Type", h.contentType()),
              h.body().getBytes(StandardCharsets.UTF_8));
    }
    if (outcome instanceof WebhookOutcome.Refused r) {
      throw refusal(r.status(), r.problem());
    }
    if (outcome instanceof WebhookOutcome.Accepted a) {
      return accept(a);
    }
    return ApiResponse.empty(outcome.status());
  }

  private ApiResponse accept(WebhookOutcome.Accepted accepted) {
    try {
      for (WebhookNotification n : accepted.notifications()) {
        queue.send(
            QueuedNotifications.kind(n.provider()),
            n.idempotencyKey(),
            QueuedNotifications.write(n));
      }
    } catch (StoreUnavailableException e) {
      seen.forget(accepted.replayKey());
      throw e;
    }
    return ApiResponse.empty(accepted.status());
  }

  private WebhookReceiver receiver(ApiCall call) {
    String[] segments = call.request().path().split("/");
    String provider = segments.length > 3 ? segments[3] : "";
    String region = segments.length > 4 ? segments[4] : "";
    WebhookReceiver receiver = null;
    try {
      receiver = receivers.get(Provider.fromWire(provider));
    } catch (IllegalArgumentException unknown) {
      receiver = null;
    }
    if (receiver == null || !servingRegion.value().equals(region)) {
      throw new ProblemException(ProblemType.NOT_FOUND, "No webhook here.");
    }
    return receiver;
  }

  private static ProblemException refusal(int status, WebhookProblem problem) {
    ProblemType type =
        switch (status) {
          case 404 -> ProblemType.NOT_FOUND;
          case 401, 403 -> ProblemType.WEBHOOK_REJECTED;
          case 413 -> ProblemType.PAYLOAD_TOO_LARGE;
          case 405 -> ProblemType.METHOD_NOT_ALLOWED;
          case 503 -> ProblemType.DEPENDENCY_UNAVAILABLE;
          default -> ProblemType.VALIDATION_FAILED;
        };
    String detail = problem.title() + " (" + problem.slug() + ").";
    if (type == ProblemType.VALIDATION_FAILED) {
      return ProblemException.invalid("", detail);
    }
    return new ProblemException(Problem.of(type, detail), Map.of(), null);
  }

  private static Map<String, List<String>> multi(Map<String, String> query) {
    Map<String, List<String>> multi = new java.util.TreeMap<>();
    query.forEach((k, v) -> multi.put(k, new ArrayList<>(List.of(v))));
    return multi;
  }
}
