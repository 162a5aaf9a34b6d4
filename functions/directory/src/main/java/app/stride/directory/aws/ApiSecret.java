package app.stride.directory.aws;

import app.stride.core.config.Env;
import app.stride.core.directory.http.DirectoryRequestSigner;
import app.stride.core.directory.http.HttpDirectory;

/**
 * Where the directory's request-signing secret comes from: inline as base64 ({@value
 * HttpDirectory#SECRET_ENV}, the local platform and tests) or by the ARN of a Secrets Manager
 * secret ({@value #ARN_ENV}, the cloud: infra never puts the value in Terraform or the
 * environment).
 */
public sealed interface ApiSecret {
  /** The variable carrying the ARN of the secret whose value is the base64 secret. */
  String ARN_ENV = "STRIDE_DIRECTORY_API_SECRET_ARN";

  /** Reads which source is configured; exactly one of the two variables must be set. */
  static ApiSecret fromEnv(Env env) {
    var inline = env.optional(HttpDirectory.SECRET_ENV);
    var arn = env.optional(ARN_ENV);
    if (inline.isPresent() == arn.isPresent()) {
      throw new IllegalStateException(
          "set exactly one of " + HttpDirectory.SECRET_ENV + " and " + ARN_ENV);
    }
    return inline
        .<ApiSecret>map(v -> new Inline(DirectoryRequestSigner.fromBase64(v)))
        .orElseGet(() -> new InSecretsManager(arn.orElseThrow()));
  }

  /** The secret given in the environment, already decoded; its signer never prints it. */
  record Inline(DirectoryRequestSigner signer) implements ApiSecret {}

  /** The secret held by Secrets Manager, read once on first use. */
  record InSecretsManager(String arn) implements ApiSecret {
    public InSecretsManager {
      if (!arn.startsWith("arn:") || arn.split(":", -1).length < 7) {
        throw new IllegalStateException(ARN_ENV + " is not a Secrets Manager ARN");
      }
    }

    /** The AWS region in the ARN ({@code arn:aws:secretsmanager:<region>:...}). */
    public String awsRegion() {
      return arn.split(":", -1)[3];
    }
  }
}
