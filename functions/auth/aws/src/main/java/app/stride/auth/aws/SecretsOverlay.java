package app.stride.auth.aws;

import app.stride.aws.client.AwsClientDefaults;
import app.stride.core.config.Env;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * Resolves the auth function's secrets. Infra passes each secret by ARN ({@code <NAME>_ARN}), never
 * by value; this reads each one from Secrets Manager once at start and exposes it under {@code
 * <NAME>}. A value already set under {@code <NAME>} (the local platform, tests) wins and no call is
 * made. Values are never logged.
 */
final class SecretsOverlay {
  /** The secrets the auth function needs. */
  static final List<String> SECRETS =
      List.of("STRIDE_DIRECTORY_SECRET", "STRIDE_DIRECTORY_API_SECRET", "STRIDE_SMTP_PASSWORD");

  private SecretsOverlay() {}

  static Env resolve(Env env) {
    Map<String, String> values = new HashMap<>(env.asMap());
    SecretsManagerClient client = null;
    try {
      for (String name : SECRETS) {
        Optional<String> arn = env.optional(name + "_ARN");
        if (env.optional(name).isPresent() || arn.isEmpty()) {
          continue;
        }
        if (client == null) {
          client = client(env);
        }
        values.put(name, client.getSecretValue(b -> b.secretId(arn.get())).secretString());
      }
    } finally {
      if (client != null) {
        client.close();
      }
    }
    return new Env(values);
  }

  private static SecretsManagerClient client(Env env) {
    Region region = Region.of(env.require("AWS_REGION"));
    Optional<URI> endpoint = env.optional("STRIDE_SECRETSMANAGER_ENDPOINT").map(URI::create);
    return AwsClientDefaults.apply(SecretsManagerClient.builder(), region, endpoint).build();
  }
}
