package app.stride.devices.webhook;

import java.util.List;
import java.util.Objects;

/**
 * What a receiver decided. The HTTP adapter answers with {@link #status()}; only an {@link
 * Accepted} outcome has anything to queue.
 */
public sealed interface WebhookOutcome
    permits WebhookOutcome.Handshake,
        WebhookOutcome.Refused,
        WebhookOutcome.Accepted,
        WebhookOutcome.Replayed {

  /** The HTTP status to answer with. */
  int status();

  /**
   * A verification handshake answered (Strava's {@code hub.challenge}, Google Health's {@code
   * verification} POST, Polar's {@code PING}): nothing to queue.
   *
   * @param status the status, e.g. 200 or 201
   * @param contentType the content type of {@code body}, or {@code null} for an empty body
   * @param body the body to answer with, possibly empty
   */
  record Handshake(int status, String contentType, String body) implements WebhookOutcome {
    public Handshake {
      Objects.requireNonNull(body, "body");
    }

    /** An empty answer with a status. */
    public static Handshake empty(int status) {
      return new Handshake(status, null, "");
    }
  }

  /**
   * The request was refused; nothing may be queued.
   *
   * @param status the status (usually {@code problem.status()})
   * @param problem the stable problem type
   */
  record Refused(int status, WebhookProblem problem) implements WebhookOutcome {
    public Refused {
      Objects.requireNonNull(problem, "problem");
    }

    /** A refusal with the problem's usual status. */
    public static Refused of(WebhookProblem problem) {
      return new Refused(problem.status(), problem);
    }
  }

  /**
   * The request is authentic: queue every notification (possibly none, for events we do not use),
   * then answer with {@code status}. If queueing fails, call {@link SeenSignatures#forget} with
   * {@code replayKey} before answering 5xx, so the provider's retry is not taken for a replay.
   *
   * @param status the provider's expected success status (200, or 204 for Google Health)
   * @param notifications the notifications to queue, in order
   * @param replayKey the key under which this exact request was recorded as seen
   */
  record Accepted(int status, List<WebhookNotification> notifications, String replayKey)
      implements WebhookOutcome {
    public Accepted {
      notifications = List.copyOf(notifications);
      Objects.requireNonNull(replayKey, "replayKey");
    }
  }

  /**
   * This exact authentic request was already accepted within the replay window: answer {@code
   * status} (the provider's success status, so it stops retrying) and queue nothing again.
   *
   * @param status the provider's success status
   * @param problem always {@link WebhookProblem#REPLAYED}, for logs and metrics
   */
  record Replayed(int status, WebhookProblem problem) implements WebhookOutcome {}
}
