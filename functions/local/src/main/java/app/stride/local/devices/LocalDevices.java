package app.stride.local.devices;

import app.stride.core.region.Cloud;
import app.stride.core.region.Region;
import app.stride.local.region.Deployable;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;
import org.jclouds.logging.slf4j.config.SLF4JLoggingModule;

/**
 * What the devices functions need locally besides their region's store and queue:
 *
 * <ul>
 *   <li>the AWS regions' buckets on s3proxy, a real S3-protocol server run in this JVM on loopback
 *       over jclouds' filesystem store under {@code <data>/s3} (so originals survive restarts); the
 *       GCP regions keep theirs in the function's in-memory Storage ({@code STRIDE_GCS_IN_MEMORY}),
 *       as no Cloud Storage server runs here;
 *   <li>the providers' webhook secrets, the local token key (connections' tokens are sealed with it
 *       instead of KMS) and the OAuth state key, random per data folder, in {@code
 *       <data>/webhook-secrets.properties} (read it to sign test webhooks). For Fitbit (the Google
 *       Health API) that is the endpoint's {@code Authorization} value and an ECDSA P-256 key pair
 *       standing in for Google's signing key: the functions get the public key ({@code
 *       STRIDE_WEBHOOK_FITBIT_PUBLIC_KEY}), so the signature check runs locally too; the private
 *       key ({@value #FITBIT_SIGNING_KEY}, PKCS#8 base64) stays in the file for tests to sign with.
 *       Only {@code STRIDE_*} entries reach a function. Provider OAuth clients ({@code
 *       STRIDE_OAUTH_<PROVIDER>_CLIENT_ID} / {@code _CLIENT_SECRET}) are not set: no provider is
 *       offered for connecting locally unless you export them (with {@code
 *       STRIDE_OAUTH_<PROVIDER>_TOKEN_URL} and {@code STRIDE_PROVIDER_API_<PROVIDER>} to use
 *       stubs); every exported {@code STRIDE_OAUTH_*} and {@code STRIDE_PROVIDER_*} variable (or
 *       one of the map a test starts the platform with) is passed to the devices functions, the
 *       queue workers among them.
 * </ul>
 */
public final class LocalDevices implements AutoCloseable {
  /** The file holding this data folder's webhook secrets ({@code STRIDE_WEBHOOK_*=value}). */
  public static final String SECRETS_FILE = "webhook-secrets.properties";

  /** The Strava subscription id the local webhooks expect. */
  public static final String STRAVA_SUBSCRIPTION_ID = "4242";

  private static final String CREDENTIAL = "local";
  private static final Duration START_TIMEOUT = Duration.ofSeconds(30);

  /** Google Health's stand-in signing key (PKCS#8, base64): never given to a function. */
  public static final String FITBIT_SIGNING_KEY = "LOCAL_GOOGLE_HEALTH_SIGNING_KEY";

  /** The Fitbit endpoint's {@code Authorization} value, as registered with Google Health. */
  public static final String FITBIT_AUTHORIZATION = "STRIDE_WEBHOOK_FITBIT_WEBHOOK_TOKEN";

  private static final String FITBIT_PUBLIC_KEY = "STRIDE_WEBHOOK_FITBIT_PUBLIC_KEY";

  private static final List<String> SECRETS =
      List.of(
          "STRIDE_WEBHOOK_POLAR_SIGNING_KEY",
          "STRIDE_WEBHOOK_SUUNTO_SIGNING_KEY",
          "STRIDE_WEBHOOK_STRAVA_VERIFICATION_CODE",
          "STRIDE_WEBHOOK_WAHOO_WEBHOOK_TOKEN",
          "STRIDE_WEBHOOK_COROS_CLIENT_ID",
          "STRIDE_WEBHOOK_COROS_WEBHOOK_TOKEN",
          "STRIDE_WEBHOOK_GARMIN_CLIENT_ID");

  /** Keys of 256 bits (standard base64): the local token key and the OAuth state key. */
  private static final List<String> KEYS =
      List.of("STRIDE_DEVICES_TOKEN_LOCAL_KEY", "STRIDE_OAUTH_STATE_KEY");

  /** Where providers send users back locally: the app's link (the app completes the flow). */
  public static final String OAUTH_REDIRECT_URI = "stride://connect";

  private final BlobStoreContext blobs;
  private final S3Proxy proxy;
  private final Map<String, String> secrets;
  private final Map<String, String> developerSettings;

  private LocalDevices(
      BlobStoreContext blobs,
      S3Proxy proxy,
      Map<String, String> secrets,
      Map<String, String> developerSettings) {
    this.blobs = blobs;
    this.proxy = proxy;
    this.secrets = secrets;
    this.developerSettings = developerSettings;
  }

  /**
   * Starts the S3 server over {@code <dataDir>/s3} and loads or creates the secrets; the {@code
   * STRIDE_OAUTH_*} and {@code STRIDE_PROVIDER_*} variables of {@code environment} (the platform's
   * own environment, or a test's stubs) are passed on to the devices functions.
   */
  public static LocalDevices start(
      Path dataDir, List<Region> regions, Map<String, String> environment) {
    Map<String, String> developerSettings = new HashMap<>();
    environment.forEach(
        (name, value) -> {
          if (name.startsWith("STRIDE_OAUTH_") || name.startsWith("STRIDE_PROVIDER_")) {
            developerSettings.put(name, value);
          }
        });
    Map<String, String> secrets = loadOrCreateSecrets(dataDir.resolve(SECRETS_FILE));
    Properties overrides = new Properties();
    Path store = dataDir.resolve("s3");
    try {
      Files.createDirectories(store);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    overrides.setProperty("jclouds.filesystem.basedir", store.toString());
    BlobStoreContext blobs =
        ContextBuilder.newBuilder("filesystem")
            .credentials(CREDENTIAL, CREDENTIAL)
            .overrides(overrides)
            .modules(List.of(new SLF4JLoggingModule()))
            .build(BlobStoreContext.class);
    S3Proxy proxy =
        S3Proxy.builder()
            .blobStore(blobs.getBlobStore())
            .endpoint(URI.create("http://127.0.0.1:0"))
            .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, CREDENTIAL, CREDENTIAL)
            .build();
    try {
      proxy.start();
      long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
      while (!"STARTED".equals(proxy.getState())) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("s3proxy did not start: " + proxy.getState());
        }
        Thread.sleep(10);
      }
    } catch (Exception e) {
      blobs.close();
      throw new IllegalStateException("cannot start the local S3 server", e);
    }
    for (Region region : regions) {
      if (region.cloud() == Cloud.AWS) {
        blobs.getBlobStore().createContainerInLocation(null, bucket(region));
      }
    }
    return new LocalDevices(blobs, proxy, secrets, Map.copyOf(developerSettings));
  }

  /** The bucket of a region, as infra names it. */
  public static String bucket(Region region) {
    return "stride-devices-" + region.id().value();
  }

  /** The S3 endpoint, {@code http://127.0.0.1:<port>}. */
  public URI s3Endpoint() {
    return URI.create("http://127.0.0.1:" + proxy.getPort());
  }

  /** The devices function's variables in {@code region}; none for other functions. */
  public Map<String, String> functionEnv(Region region, Deployable deployable) {
    if (!deployable.serves(Deployable.DEVICES.function())) {
      return Map.of();
    }
    Map<String, String> env = new HashMap<>();
    secrets.forEach(
        (name, value) -> {
          if (name.startsWith("STRIDE_")) {
            env.put(name, value);
          }
        });
    env.put("STRIDE_WEBHOOK_STRAVA_SUBSCRIPTION_ID", STRAVA_SUBSCRIPTION_ID);
    env.put("STRIDE_OAUTH_REDIRECT_URI", OAUTH_REDIRECT_URI);
    // A developer's own provider clients and API stubs, when exported.
    env.putAll(developerSettings);
    env.put("STRIDE_DEVICES_BUCKET", bucket(region));
    if (region.cloud() == Cloud.AWS) {
      env.put("STRIDE_S3_ENDPOINT", s3Endpoint().toString());
    } else {
      env.put("STRIDE_GCS_IN_MEMORY", "true");
    }
    return env;
  }

  @Override
  public void close() {
    try {
      proxy.stop();
    } catch (Exception e) {
      // closing anyway
    }
    blobs.close();
  }

  private static KeyPair p256(SecureRandom random) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"), random);
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("no ECDSA P-256 here", e);
    }
  }

  private static Map<String, String> loadOrCreateSecrets(Path file) {
    Properties properties = new Properties();
    try {
      if (Files.isRegularFile(file)) {
        try (Reader in = Files.newBufferedReader(file)) {
          properties.load(in);
        }
      }
      boolean changed = false;
      SecureRandom random = new SecureRandom();
      for (String name : SECRETS) {
        if (!properties.containsKey(name)) {
          byte[] bytes = new byte[24];
          random.nextBytes(bytes);
          properties.setProperty(
              name, Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
          changed = true;
        }
      }
      if (!properties.containsKey(FITBIT_AUTHORIZATION)) {
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        properties.setProperty(
            FITBIT_AUTHORIZATION,
            "Bearer " + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
        changed = true;
      }
      if (!properties.containsKey(FITBIT_PUBLIC_KEY)
          || !properties.containsKey(FITBIT_SIGNING_KEY)) {
        KeyPair pair = p256(random);
        properties.setProperty(
            FITBIT_PUBLIC_KEY, Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()));
        properties.setProperty(
            FITBIT_SIGNING_KEY, Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()));
        changed = true;
      }
      for (String name : KEYS) {
        if (!properties.containsKey(name)) {
          byte[] bytes = new byte[32];
          random.nextBytes(bytes);
          properties.setProperty(name, Base64.getEncoder().encodeToString(bytes));
          changed = true;
        }
      }
      if (changed) {
        Files.createDirectories(file.getParent());
        try (Writer out = Files.newBufferedWriter(file)) {
          properties.store(out, "Local development webhook secrets of this data folder");
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Map<String, String> secrets = new HashMap<>();
    properties.forEach((k, v) -> secrets.put(k.toString(), v.toString()));
    return Map.copyOf(secrets);
  }
}
