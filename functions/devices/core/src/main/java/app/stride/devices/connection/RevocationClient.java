package app.stride.devices.connection;

import app.stride.devices.connection.OAuthException.Reason;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;

/**
 * Sends a {@link ProviderRevocation}: bounded in time, redirects not followed, the answer read to
 * at most 4 KiB and never logged (it may echo the token).
 */
public final class RevocationClient {
  private static final int MAX_ANSWER_BYTES = 4 * 1024;

  private final HttpClient http;
  private final Duration requestTimeout;

  /**
   * @param http the client (its connect timeout applies)
   * @param requestTimeout the longest a revocation may take, answer included
   */
  public RevocationClient(HttpClient http, Duration requestTimeout) {
    this.http = Objects.requireNonNull(http, "http");
    this.requestTimeout = Objects.requireNonNull(requestTimeout, "requestTimeout");
  }

  /** A client with a 3-second connect and a 10-second request timeout. */
  public static RevocationClient withDefaults() {
    HttpClient http =
        HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(3))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    return new RevocationClient(http, Duration.ofSeconds(10));
  }

  /** What the provider made of a revocation. */
  public enum Result {
    /** The provider took the grant back. */
    REVOKED,
    /**
     * The provider no longer knows the token or the user (401, 404, or RFC 7009's {@code
     * invalid_token}): the grant is gone already.
     */
    ALREADY_GONE,
    /** The provider refused for another reason (a 4xx): trying again will not help. */
    REFUSED
  }

  /**
   * Revokes a user's grant.
   *
   * @throws OAuthException {@code UNAVAILABLE} when the provider cannot be reached, times out,
   *     answers 5xx, 408 or 429: try again later
   * @throws IllegalArgumentException when the provider's user id cannot be placed in the URL
   */
  public Result revoke(ProviderRevocation revocation, Secret accessToken, String providerUserId) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(revocation.urlFor(providerUserId)).timeout(requestTimeout);
    switch (revocation.token()) {
      case BEARER -> {
        request.header("Authorization", "Bearer " + accessToken.reveal());
        request.method(revocation.method(), HttpRequest.BodyPublishers.noBody());
      }
      case FORM_ACCESS_TOKEN -> form(request, revocation, "access_token", accessToken);
      case FORM_TOKEN -> form(request, revocation, "token", accessToken);
    }
    int status;
    byte[] answer;
    try {
      HttpResponse<InputStream> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
      status = response.statusCode();
      try (InputStream in = response.body()) {
        answer = in.readNBytes(MAX_ANSWER_BYTES);
      }
    } catch (IOException e) {
      throw new OAuthException(revocation.provider(), Reason.UNAVAILABLE, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new OAuthException(revocation.provider(), Reason.UNAVAILABLE, e);
    }
    if (status >= 200 && status < 300) {
      return Result.REVOKED;
    }
    if (status >= 500 || status == 408 || status == 429) {
      throw new OAuthException(revocation.provider(), Reason.UNAVAILABLE, status, null);
    }
    if (status == 401 || status == 404 || status == 410 || invalidToken(status, answer)) {
      return Result.ALREADY_GONE;
    }
    return Result.REFUSED;
  }

  private static void form(
      HttpRequest.Builder request, ProviderRevocation revocation, String name, Secret token) {
    request.header("Content-Type", "application/x-www-form-urlencoded");
    request.method(
        revocation.method(),
        HttpRequest.BodyPublishers.ofString(
            name + "=" + AuthorizationRequest.encode(token.reveal()), StandardCharsets.UTF_8));
  }

  /** RFC 7009 section 2.2.1: an unknown or revoked token is answered 400 {@code invalid_token}. */
  private static boolean invalidToken(int status, byte[] answer) {
    return status == 400
        && new String(answer, StandardCharsets.UTF_8).contains("\"invalid_token\"");
  }
}
