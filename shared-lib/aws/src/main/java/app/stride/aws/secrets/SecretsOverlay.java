package app.stride.aws.secrets;

import app.stride.aws.client.AwsClientDefaults;
import app.stride.aws.client.AwsRegions;
import app.stride.core.config.Env;
import app.stride.core.json.Json;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Puts a function's secrets into its environment from Secrets Manager: infra passes where a secret
 * is, never its value, and the code keeps reading plain variables ({@code STRIDE_CURSOR_KEY}, ...).
 * Two forms, each limited to the names the caller lists:
 *
 * <ul>
 *   <li><b>per name</b> ({@link #byArn}): {@code <NAME>_ARN} names a secret whose string is the
 *       value of {@code <NAME>}; one {@code GetSecretValue} call per name;
 *   <li><b>bundle</b> ({@link #bundle}): {@value #BUNDLE_ARN_ENV} names one secret whose string is
 *       a JSON object of settings ({@code {"STRIDE_OAUTH_STATE_KEY": "...", ...}}, at most {@value
 *       #MAX_BUNDLE_CHARS} characters); each allowed member becomes a variable, members not allowed
 *       are ignored (their names logged). One call for any number of settings, one variable in the
 *       Lambda environment (its 4 KB limit).
 * </ul>
 *
 * <p>A value already set (the local platform, tests) wins: a name set is not read, and when every
 * name is set no call is made. Per-name secrets win over bundle members. A secret that cannot be
 * read (missing, denied, no string value, not a JSON object) fails with an {@link
 * IllegalStateException} naming the variable, never a value; values are never logged. {@value
 * #ENDPOINT_ENV} points the client at a local stand-in (tests only).
 */
public final class SecretsOverlay {
  /** The suffix of the variable naming the secret of {@code <NAME>}. */
  public static final String ARN_SUFFIX = "_ARN";

  /** The variable naming the settings bundle. */
  public static final String BUNDLE_ARN_ENV = "STRIDE_SECRETS_BUNDLE_ARN";

  /** The endpoint override of the Secrets Manager client (tests only). */
  public static final String ENDPOINT_ENV = "STRIDE_SECRETSMANAGER_ENDPOINT";

  /** The largest bundle read; Secrets Manager itself allows 64 KB. */
  public static final int MAX_BUNDLE_CHARS = 16_384;

  private static final Duration CALL_TIMEOUT = Duration.ofSeconds(5);
  private static final Pattern NAME = Pattern.compile("[A-Z][A-Z0-9_]{0,127}");
  private static final System.Logger LOG = System.getLogger(SecretsOverlay.class.getName());

  private final List<String> byArn;
  private final Set<String> bundled;

  private SecretsOverlay(Collection<String> byArn, Collection<String> bundled) {
    this.byArn = List.copyOf(new LinkedHashSet<>(byArn));
    this.bundled = Set.copyOf(bundled);
    for (String name : this.byArn) {
      requireName(name);
    }
    for (String name : this.bundled) {
      requireName(name);
    }
  }

  /** Reads each of {@code names} from the secret its {@code <NAME>_ARN} variable names. */
  public static SecretsOverlay byArn(Collection<String> names) {
    return new SecretsOverlay(names, List.of());
  }

  /** Takes the members {@code allowed} from the bundle {@value #BUNDLE_ARN_ENV} names. */
  public static SecretsOverlay bundle(Collection<String> allowed) {
    return new SecretsOverlay(List.of(), allowed);
  }

  /** This overlay also taking the members {@code allowed} from the bundle. */
  public SecretsOverlay andBundle(Collection<String> allowed) {
    List<String> all = new ArrayList<>(bundled);
    all.addAll(allowed);
    return new SecretsOverlay(byArn, all);
  }

  /**
   * {@code env} with the secrets put in, read now.
   *
   * @throws IllegalStateException when a named secret cannot be read or is malformed
   */
  public Env resolve(Env env) {
    Map<String, String> values = new HashMap<>(env.asMap());
    try (Reader reader = new Reader(env)) {
      for (String name : byArn) {
        Optional<String> arn = env.optional(name + ARN_SUFFIX);
        if (isSet(values, name) || arn.isEmpty()) {
          continue;
        }
        String value = reader.read(name + ARN_SUFFIX, arn.get());
        if (value.isBlank()) {
          throw new IllegalStateException("the secret " + name + ARN_SUFFIX + " names is empty");
        }
        values.put(name, value);
      }
      Optional<String> bundle = env.optional(BUNDLE_ARN_ENV);
      if (bundle.isPresent() && bundled.stream().anyMatch(n -> !isSet(values, n))) {
        overlay(values, reader.read(BUNDLE_ARN_ENV, bundle.get()));
      }
    }
    return new Env(values);
  }

  /**
   * {@code env} with the secrets put in, read on the first {@code get()} and kept: a SnapStart
   * snapshot or a function that is never called reads nothing.
   */
  public Supplier<Env> onFirstUse(Env env) {
    return new Supplier<>() {
      private Env resolved;

      @Override
      public synchronized Env get() {
        if (resolved == null) {
          resolved = resolve(env);
        }
        return resolved;
      }
    };
  }

  private void overlay(Map<String, String> values, String json) {
    if (json.length() > MAX_BUNDLE_CHARS) {
      throw new IllegalStateException(
          "the secret " + BUNDLE_ARN_ENV + " names exceeds " + MAX_BUNDLE_CHARS + " characters");
    }
    JsonNode root;
    try {
      root = Json.mapper().readTree(json);
    } catch (JacksonException e) {
      // The parser's message may quote the secret: not chained.
      root = null;
    }
    if (root == null || !root.isObject()) {
      throw new IllegalStateException(
          "the secret " + BUNDLE_ARN_ENV + " names is not a JSON object of settings");
    }
    List<String> ignored = new ArrayList<>();
    for (Map.Entry<String, JsonNode> member : root.properties()) {
      String name = member.getKey();
      if (!bundled.contains(name)) {
        ignored.add(NAME.matcher(name).matches() ? name : "(a member not named like a variable)");
        continue;
      }
      if (!member.getValue().isString()) {
        throw new IllegalStateException(
            "member " + name + " of the secret " + BUNDLE_ARN_ENV + " names is not a string");
      }
      String value = member.getValue().stringValue();
      if (!isSet(values, name) && !value.isBlank()) {
        values.put(name, value);
      }
    }
    if (!ignored.isEmpty()) {
      LOG.log(
          System.Logger.Level.WARNING,
          "ignored members of the secret {0} names, not settings of this function: {1}",
          BUNDLE_ARN_ENV,
          ignored);
    }
  }

  private static boolean isSet(Map<String, String> values, String name) {
    String value = values.get(name);
    return value != null && !value.isBlank();
  }

  private static void requireName(String name) {
    if (name == null
        || !NAME.matcher(name).matches()
        || name.endsWith(ARN_SUFFIX)
        || name.equals(ENDPOINT_ENV)) {
      throw new IllegalArgumentException("not a secret variable name: " + name);
    }
  }

  /** One Secrets Manager client for one resolution, built on the first read. */
  private static final class Reader implements AutoCloseable {
    private final Env env;
    private SecretsManagerClient client;

    Reader(Env env) {
      this.env = env;
    }

    String read(String variable, String arn) {
      String value;
      try {
        value = client().getSecretValue(b -> b.secretId(arn)).secretString();
      } catch (AwsServiceException e) {
        // The service's error names the secret and the caller, never a value.
        throw new IllegalStateException(
            "cannot read the secret "
                + variable
                + " names: "
                + e.awsErrorDetails().errorCode()
                + " (HTTP "
                + e.statusCode()
                + ")",
            e);
      } catch (SdkException e) {
        throw new IllegalStateException(
            "cannot reach Secrets Manager for the secret " + variable + " names", e);
      }
      if (value == null) {
        throw new IllegalStateException(
            "the secret " + variable + " names has no string value yet");
      }
      return value;
    }

    private SecretsManagerClient client() {
      if (client == null) {
        Optional<URI> endpoint = env.optional(ENDPOINT_ENV).map(URI::create);
        client =
            AwsClientDefaults.apply(
                    SecretsManagerClient.builder(), AwsRegions.fromEnv(env), endpoint)
                .overrideConfiguration(c -> c.apiCallTimeout(CALL_TIMEOUT))
                .build();
      }
      return client;
    }

    @Override
    public void close() {
      if (client != null) {
        client.close();
      }
    }
  }
}
