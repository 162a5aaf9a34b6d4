package app.stride.auth.http;

import app.stride.auth.AuthConfig;
import app.stride.auth.AuthFunctions;
import app.stride.auth.application.service.AuthServices;
import app.stride.auth.mail.MailMessage;
import app.stride.auth.mail.MailPort;
import app.stride.auth.testing.InMemoryAccountStore;
import app.stride.auth.testing.InMemoryOneTimeTokenStore;
import app.stride.auth.testing.InMemorySessionStore;
import app.stride.auth.token.KeyRing;
import app.stride.auth.token.KeyRingStore;
import app.stride.core.auth.JwtTokenVerifier;
import app.stride.core.auth.TokenVerifier;
import app.stride.core.config.Env;
import app.stride.core.directory.DirectoryKey;
import app.stride.core.directory.DirectoryPort;
import app.stride.core.event.EventPublisher;
import app.stride.core.event.OutboundEvent;
import app.stride.core.function.ApiFunction;
import app.stride.core.http.ApiRequest;
import app.stride.core.http.ApiResponse;
import app.stride.core.json.Json;
import app.stride.core.region.RegionId;
import app.stride.core.store.VersionConflictException;
import app.stride.testkit.time.MutableClock;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * The auth HTTP function of region {@code eu} wired in memory: real credentials, tokens, throttle
 * and spec validation; stores, directory, mail and events are test doubles that record.
 */
final class AuthHarness {
  static final RegionId EU = RegionId.of("eu");
  static final String ISSUER = "https://auth.stride.test";
  static final String AUDIENCE = "stride-api";
  private static final Pattern TOKEN = Pattern.compile("token=([A-Za-z0-9._~%-]+)");

  final MutableClock clock = new MutableClock();
  final InMemoryAccountStore accounts = new InMemoryAccountStore(EU, clock);
  final InMemorySessionStore sessions = new InMemorySessionStore();
  final InMemoryOneTimeTokenStore oneTimeTokens = new InMemoryOneTimeTokenStore();
  final RecordingDirectory directory = new RecordingDirectory();
  final List<MailMessage> mail = new CopyOnWriteArrayList<>();
  final List<OutboundEvent> events = new CopyOnWriteArrayList<>();
  final MemoryKeyRings keyRings = new MemoryKeyRings();
  final AuthServices services;
  final ApiFunction function;

  AuthHarness() {
    Map<String, String> env = new HashMap<>();
    env.put("STRIDE_REGION", "eu");
    env.put("STRIDE_JWT_ISSUER", ISSUER);
    env.put("STRIDE_JWT_AUDIENCE", AUDIENCE);
    env.put("STRIDE_DIRECTORY_SECRET", Base64.getEncoder().encodeToString(new byte[32]));
    env.put("STRIDE_PUBLIC_URL", "https://app.stride.test");
    AuthConfig config = AuthConfig.from(new Env(env));
    MailPort mailPort = mail::add;
    EventPublisher publisher = events::add;
    services =
        AuthFunctions.services(
            config,
            new AuthFunctions.RegionStores(accounts, sessions, oneTimeTokens, keyRings),
            directory,
            mailPort,
            publisher,
            clock);
    function = AuthFunctions.http(services, verifier(), config);
  }

  /** The shared verifier, trusting the region's published keys. */
  TokenVerifier verifier() {
    return token ->
        JwtTokenVerifier.forJwks(
                services.signingKeys().current().publicJwks(), ISSUER, AUDIENCE, clock)
            .verify(token);
  }

  ApiResponse post(String path, String json) {
    return post(path, json, null, "203.0.113.7");
  }

  ApiResponse post(String path, String json, String bearer, String ip) {
    Map<String, String> headers = new HashMap<>();
    headers.put("Content-Type", "application/json");
    if (bearer != null) {
      headers.put("Authorization", "Bearer " + bearer);
    }
    byte[] body = json == null ? new byte[0] : json.getBytes(StandardCharsets.UTF_8);
    return function.apply(new ApiRequest("POST", path, Map.of(), headers, body, ip, "req-1"));
  }

  ApiResponse get(String path, String bearer) {
    Map<String, String> headers = new HashMap<>();
    if (bearer != null) {
      headers.put("Authorization", "Bearer " + bearer);
    }
    return function.apply(
        new ApiRequest("GET", path, Map.of(), headers, new byte[0], "203.0.113.7", "req-2"));
  }

  static JsonNode json(ApiResponse response) {
    return Json.mapper().readTree(response.body());
  }

  /** The token of the last link mailed to {@code to}. */
  String lastMailedToken(String to) {
    for (int i = mail.size() - 1; i >= 0; i--) {
      MailMessage message = mail.get(i);
      if (message.to().equals(to)) {
        Matcher m = TOKEN.matcher(message.text());
        if (m.find()) {
          return URLDecoder.decode(m.group(1), StandardCharsets.UTF_8);
        }
      }
    }
    throw new AssertionError("no link mailed to " + to);
  }

  /** Registers, verifies and returns nothing; the account can log in afterwards. */
  void registerVerified(String email, String password) {
    ApiResponse registered =
        post(
            "/v1/auth/register",
            """
            {"email":"%s","password":"%s","homeRegion":"eu","locale":"en"}"""
                .formatted(email, password));
    if (registered.status() != 202) {
      throw new AssertionError("register: " + registered.bodyText());
    }
    ApiResponse verified =
        post("/v1/auth/verify-email", "{\"token\":\"" + lastMailedToken(email) + "\"}");
    if (verified.status() != 204) {
      throw new AssertionError("verify: " + verified.bodyText());
    }
  }

  ApiResponse login(String email, String password) {
    return login(email, password, "203.0.113.7");
  }

  ApiResponse login(String email, String password, String ip) {
    return post(
        "/v1/auth/login",
        "{\"email\":\"%s\",\"password\":\"%s\"}".formatted(email, password),
        null,
        ip);
  }

  /** A directory that remembers entries in memory, with the real conflict rule. */
  static final class RecordingDirectory implements DirectoryPort {
    final Map<DirectoryKey, RegionId> entries = new ConcurrentHashMap<>();

    @Override
    public void register(DirectoryKey key, RegionId home) {
      if (entries.putIfAbsent(key, home) != null) {
        throw new VersionConflictException("taken");
      }
    }

    @Override
    public Optional<RegionId> homeRegion(DirectoryKey key) {
      return Optional.ofNullable(entries.get(key));
    }

    @Override
    public void remove(DirectoryKey key) {
      entries.remove(key);
    }
  }

  /** The key ring in memory, with the store's version rule. */
  static final class MemoryKeyRings implements KeyRingStore {
    private final Map<RegionId, KeyRing> rings = new ConcurrentHashMap<>();
    final List<KeyRing> saved = new ArrayList<>();

    @Override
    public synchronized Optional<KeyRing> load(RegionId region) {
      return Optional.ofNullable(rings.get(region)).map(r -> KeyRing.fromJson(r.toJson()));
    }

    @Override
    public synchronized void save(KeyRing ring, long expectedVersion) {
      KeyRing current = rings.get(ring.region());
      long version = current == null ? 0 : current.version();
      if (version != expectedVersion) {
        throw new VersionConflictException("key ring changed");
      }
      rings.put(ring.region(), ring);
      saved.add(ring);
    }
  }
}
