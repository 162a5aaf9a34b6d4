package app.stride.local;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import app.stride.core.region.RegionCatalog;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.ClassDescriptor;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.ClassOrdererContext;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One local platform for the suites that need a running one but never stop it ({@link LocalAuthIT},
 * {@link LocalDevicesWorkerIT}, {@link LocalRealtimeIT}): the first of them to run starts it,
 * JUnit's root store keeps it, and it is closed once when the run ends. A platform's start and stop
 * cost about a minute and a half (some twenty child JVMs on two cores); the suites share nothing
 * else: each has its own users, emails and provider accounts, so they pass in any order and alone.
 * {@link LocalPlatformIT} keeps its own platform, since it stops and restarts it.
 *
 * <p>It runs every bundled region ({@code apac} reports DOWN without the Google emulators; the
 * suites then report their apac parts as not run) and points the devices functions at WireMock's
 * Polar and Strava, the stubs {@link LocalDevicesWorkerIT} programs.
 *
 * <p>A suite asks for it as a {@code @BeforeAll} parameter with
 * {@code @ExtendWith(Extension.class)}.
 */
final class SharedPlatform implements AutoCloseable {
  private final Path data;
  private final WireMockServer polar;
  private final WireMockServer strava;
  private final LocalPlatform platform;

  private SharedPlatform(
      Path data, WireMockServer polar, WireMockServer strava, LocalPlatform platform) {
    this.data = data;
    this.polar = polar;
    this.strava = strava;
    this.platform = platform;
  }

  /** The running platform. */
  LocalPlatform platform() {
    return platform;
  }

  /** The platform's data folder (its token issuer's keys live there). */
  Path data() {
    return data;
  }

  /** WireMock as Polar's OAuth token endpoint and AccessLink API. */
  WireMockServer polar() {
    return polar;
  }

  /** WireMock as Strava's token endpoint and API v3. */
  WireMockServer strava() {
    return strava;
  }

  private static SharedPlatform start() {
    Path data;
    try {
      data = Files.createTempDirectory("stride-shared-platform-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    WireMockServer polar = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    WireMockServer strava = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    try {
      polar.start();
      strava.start();
      Path root = Path.of(System.getProperty("stride.root", "../..")).toAbsolutePath();
      LocalPlatform platform =
          LocalPlatform.start(
              new LocalOptions(0, false, root, data),
              RegionCatalog.bundled(),
              Map.ofEntries(
                  Map.entry("STRIDE_OAUTH_POLAR_CLIENT_ID", "polar-client"),
                  Map.entry("STRIDE_OAUTH_POLAR_CLIENT_SECRET", "polar-client-secret"),
                  Map.entry("STRIDE_OAUTH_POLAR_TOKEN_URL", polar.baseUrl() + "/v2/oauth2/token"),
                  Map.entry("STRIDE_OAUTH_POLAR_REVOKE_URL", polar.baseUrl() + "/v3/users/{user}"),
                  Map.entry("STRIDE_PROVIDER_API_POLAR", polar.baseUrl()),
                  Map.entry("STRIDE_OAUTH_STRAVA_CLIENT_ID", "4711"),
                  Map.entry("STRIDE_OAUTH_STRAVA_CLIENT_SECRET", "strava-client-secret"),
                  Map.entry("STRIDE_OAUTH_STRAVA_TOKEN_URL", strava.baseUrl() + "/oauth/token"),
                  Map.entry("STRIDE_PROVIDER_API_STRAVA", strava.baseUrl())));
      return new SharedPlatform(data, polar, strava, platform);
    } catch (RuntimeException e) {
      polar.stop();
      strava.stop();
      deleteTree(data);
      throw e;
    }
  }

  @Override
  public void close() {
    platform.close();
    polar.stop();
    strava.stop();
    deleteTree(data);
  }

  private static void deleteTree(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + dir, e);
    }
  }

  /**
   * Resolves a {@link SharedPlatform} parameter: the one in the root store, started on first use.
   */
  static final class Extension implements ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE =
        ExtensionContext.Namespace.create(SharedPlatform.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
      return parameter.getParameter().getType() == SharedPlatform.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
      return context
          .getRoot()
          .getStore(NAMESPACE)
          .computeIfAbsent(SharedPlatform.class, key -> start(), SharedPlatform.class);
    }
  }

  /**
   * Runs the suites that share the platform after all others, by class name within each group. No
   * suite depends on this order; it keeps a suite with a platform of its own ({@link
   * LocalPlatformIT}) from running beside the shared one, which would idle until the end of the run
   * with its child JVMs on the same two cores. Set in {@code junit-platform.properties}.
   */
  static final class SharersLast implements ClassOrderer {
    @Override
    public void orderClasses(ClassOrdererContext context) {
      context
          .getClassDescriptors()
          .sort(
              Comparator.comparing(SharersLast::shares)
                  .thenComparing(suite -> suite.getTestClass().getName()));
    }

    private static boolean shares(ClassDescriptor suite) {
      return suite.findRepeatableAnnotations(ExtendWith.class).stream()
          .anyMatch(with -> Arrays.asList(with.value()).contains(Extension.class));
    }
  }
}
