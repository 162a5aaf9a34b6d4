package app.stride.devices.pull;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import app.stride.devices.connection.Secret;
import app.stride.devices.domain.Provider;
import app.stride.devices.files.ImportLimits;
import app.stride.devices.webhook.NotificationKind;
import app.stride.devices.webhook.WebhookNotification;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Objects;

/** A local stand-in for the providers' APIs and the pieces every fetcher test needs. */
final class PullTestSupport {
  static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
  static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  static final String TOKEN = "access-token-never-logged";
  static final Secret ACCESS_TOKEN = Secret.of(TOKEN);

  private PullTestSupport() {}

  static WireMockServer startServer() {
    WireMockServer server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    server.start();
    return server;
  }

  /** A client with a 2-second deadline and the default import limits. */
  static ProviderHttp http() {
    return http(Duration.ofSeconds(2), ImportLimits.DEFAULT);
  }

  static ProviderHttp http(Duration timeout, ImportLimits limits) {
    return new ProviderHttp(ProviderHttp.client(Duration.ofSeconds(1)), timeout, limits, CLOCK);
  }

  /** The production bases with {@code provider}'s API (and its notified URLs) on the server. */
  static ProviderApis apis(Provider provider, WireMockServer server) {
    return ProviderApis.defaults().withOverride(provider, URI.create(server.baseUrl()));
  }

  static WebhookNotification created(Provider provider, String activityId) {
    return WebhookNotification.of(provider, "user-1", NotificationKind.ACTIVITY_CREATED, "key-1")
        .withActivityId(activityId);
  }

  static byte[] resource(String path) {
    try (InputStream in =
        Objects.requireNonNull(PullTestSupport.class.getResourceAsStream("/pull/" + path), path)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A FIT file with one byte of its data changed, so its CRC no longer matches. */
  static byte[] corrupted(byte[] fit) {
    byte[] copy = fit.clone();
    copy[fit.length / 2] ^= 0x5A;
    return copy;
  }
}
