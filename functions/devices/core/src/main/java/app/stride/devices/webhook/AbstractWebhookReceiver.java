package app.stride.devices.webhook;

import app.stride.devices.connection.Secret;
import app.stride.devices.domain.Provider;
import app.stride.devices.webhook.WebhookOutcome.Accepted;
import app.stride.devices.webhook.WebhookOutcome.Refused;
import app.stride.devices.webhook.WebhookOutcome.Replayed;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The steps every receiver shares, in this order: the body bound (413), the method (GET for a
 * handshake, POST for a notification, anything else 405), the provider's own verification, and, for
 * an accepted notification, the replay check. A subclass verifies and parses; it never throws.
 */
public abstract class AbstractWebhookReceiver implements WebhookReceiver {
  private final Provider provider;
  private final WebhookPolicy policy;
  private final SeenSignatures seen;
  private final WebhookSecrets secrets;

  protected AbstractWebhookReceiver(
      Provider provider, WebhookSecrets secrets, WebhookPolicy policy, SeenSignatures seen) {
    this.provider = Objects.requireNonNull(provider, "provider");
    this.secrets = Objects.requireNonNull(secrets, "secrets");
    this.policy = Objects.requireNonNull(policy, "policy");
    this.seen = Objects.requireNonNull(seen, "seen");
  }

  @Override
  public final Provider provider() {
    return provider;
  }

  @Override
  public final WebhookOutcome receive(WebhookRequest request, Instant now) {
    if (request.bodyLength() > policy.maxBodyBytes()) {
      return Refused.of(WebhookProblem.TOO_LARGE);
    }
    return switch (request.method()) {
      case "GET" -> handshake(request);
      case "POST" -> notification(request, now);
      default -> Refused.of(WebhookProblem.METHOD_NOT_ALLOWED);
    };
  }

  /** Answers a GET (a verification handshake); by default GET is not allowed. */
  protected WebhookOutcome handshake(WebhookRequest request) {
    return Refused.of(WebhookProblem.METHOD_NOT_ALLOWED);
  }

  /** Verifies and parses a POST. */
  protected abstract WebhookOutcome notification(WebhookRequest request, Instant now);

  /** The limits in force. */
  protected final WebhookPolicy policy() {
    return policy;
  }

  /** A configured secret of this provider. */
  protected final Optional<Secret> secret(SecretKind kind) {
    return secrets.secret(provider, kind);
  }

  /**
   * The outcome for a verified request: {@link Accepted} the first time this exact body is seen in
   * the window, {@link Replayed} after that.
   */
  protected final WebhookOutcome accept(
      WebhookRequest request, Instant now, int status, List<WebhookNotification> notifications) {
    String replayKey = IdempotencyKeys.ofBody(provider, request.body());
    if (!seen.firstSeen(replayKey, now)) {
      return new Replayed(status, WebhookProblem.REPLAYED);
    }
    return new Accepted(status, notifications, replayKey);
  }

  /** Whether a provider timestamp is inside the window around {@code now}. */
  protected final boolean fresh(Instant timestamp, Instant now) {
    return !timestamp.isBefore(now.minus(policy.maxAge()))
        && !timestamp.isAfter(now.plus(policy.maxFutureSkew()));
  }

  /** A refusal with the problem's usual status. */
  protected static WebhookOutcome refuse(WebhookProblem problem) {
    return Refused.of(problem);
  }
}
