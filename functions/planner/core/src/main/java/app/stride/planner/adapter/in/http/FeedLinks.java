package app.stride.planner.adapter.in.http;

import app.stride.core.http.ApiRequest;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;

/**
 * The absolute URL of a calendar feed: under the API's public base URL when one is configured
 * ({@code STRIDE_API_PUBLIC_URL}, e.g. {@code https://api.stride.app}), else under the address the
 * request came to ({@code X-Forwarded-Proto} and {@code Host}, as the local gateway passes them).
 */
final class FeedLinks {
  /** The path of a feed, before its token. */
  static final String FEED_PATH = "/v1/calendar/";

  private final Optional<String> base;

  FeedLinks(Optional<URI> publicApiUrl) {
    this.base = publicApiUrl.map(uri -> stripSlash(uri.toString()));
  }

  /** The feed URL of {@code token}, answering {@code request}. */
  String url(ApiRequest request, String token) {
    String origin =
        base.orElseGet(
            () ->
                request.header("X-Forwarded-Proto").orElse("https").toLowerCase(Locale.ROOT)
                    + "://"
                    + request.header("Host").orElse("localhost"));
    return origin + FEED_PATH + token;
  }

  /** The same URL with the {@code webcal} scheme, which makes devices offer to subscribe. */
  static String webcal(String url) {
    return url.replaceFirst("^https?://", "webcal://");
  }

  private static String stripSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }
}
