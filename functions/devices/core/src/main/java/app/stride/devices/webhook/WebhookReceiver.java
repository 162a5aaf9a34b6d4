package app.stride.devices.webhook;

import app.stride.devices.domain.Provider;
import java.time.Instant;

/**
 * Verifies one provider's webhook request and normalises it. Pure and fast (no network): the caller
 * can answer within the provider's deadline (two seconds or less).
 */
public interface WebhookReceiver {
  /** The provider this receiver serves. */
  Provider provider();

  /**
   * Verifies and normalises a request.
   *
   * @param request the request as received
   * @param now the current time, for timestamp windows and replay detection
   * @return the outcome; never throws on bad input
   */
  WebhookOutcome receive(WebhookRequest request, Instant now);
}
