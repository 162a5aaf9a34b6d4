package app.stride.infra.aws;

import static app.stride.infra.aws.FunctionRole.allow;

import app.stride.infra.config.AuthConfig;
import app.stride.infra.config.AuthFunctionConfig;
import app.stride.infra.config.RegionConfig;
import com.hashicorp.cdktf.providers.aws.data_aws_iam_policy_document.DataAwsIamPolicyDocumentStatement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What every auth Lambda of a region runs with: the jar's main class, the environment that {@code
 * AuthAwsApplication} reads, and the grants to pick from. The three functions share one wiring in
 * code (it resolves both secrets and builds every adapter at start), so all three get the same
 * settings; they differ only in what they may touch.
 */
public final class AuthRuntime {

  /** The deployable's {@code MAIN_CLASS} (same jar for every auth Lambda). */
  public static final String MAIN_CLASS = "app.stride.auth.aws.AuthAwsApplication";

  /**
   * Item actions of the auth stores: conditional single-item writes, reads, and the scan that finds
   * deletion tombstones. No transactions, no PartiQL, no TTL calls, no index (there is none).
   */
  public static final List<String> TABLE_ACTIONS =
      List.of(
          "dynamodb:GetItem",
          "dynamodb:PutItem",
          "dynamodb:UpdateItem",
          "dynamodb:DeleteItem",
          "dynamodb:Query",
          "dynamodb:Scan");

  private final RegionConfig region;
  private final AuthConfig auth;
  private final AuthFunctionConfig functions;
  private final AuthTable table;
  private final EventsQueue events;
  private final RegionKey key;
  private final AuthSecrets secrets;
  private final AuthMail mail;

  /** The settings of {@code region}'s auth functions over its own resources. */
  public AuthRuntime(
      RegionConfig region,
      AuthConfig auth,
      AuthFunctionConfig functions,
      AuthTable table,
      EventsQueue events,
      RegionKey key,
      AuthSecrets secrets,
      AuthMail mail) {
    this.region = region;
    this.auth = auth;
    this.functions = functions;
    this.table = table;
    this.events = events;
    this.key = key;
    this.secrets = secrets;
    this.mail = mail;
  }

  /**
   * The environment: region, table, events queue, token settings, mail, directory, and secrets by
   * ARN only. {@code http} adds {@code STRIDE_JWKS_URL}, which only the HTTP function's token
   * verifier reads.
   */
  public Map<String, String> environment(boolean http) {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("STRIDE_REGION", region.id());
    env.put("STRIDE_AUTH_TABLE", table.name());
    env.put("STRIDE_EVENTS_QUEUE_URL", events.url());
    env.put("STRIDE_JWT_ISSUER", auth.jwtIssuer());
    env.put("STRIDE_JWT_AUDIENCE", auth.functionAudience());
    if (http) {
      env.put("STRIDE_JWKS_URL", auth.jwksUrl());
      env.put(EdgeProtection.ORIGIN_SECRET_ENV, EdgeProtection.ORIGIN_SECRET_REFERENCE);
    }
    env.put("STRIDE_PUBLIC_URL", functions.publicUrl());
    env.put("STRIDE_MAIL_FROM", functions.mailFrom());
    env.put("STRIDE_SES_CONFIGURATION_SET", mail.configurationSetName());
    env.put("STRIDE_DIRECTORY_URL", functions.directoryUrl());
    env.put(AuthSecrets.DIRECTORY_HASH_KEY_ARN_ENV, secrets.directoryHashKeyArn());
    env.put(AuthSecrets.DIRECTORY_API_SECRET_ARN_ENV, secrets.directoryApiSecretArn());
    if (!functions.googleClientIds().isEmpty()) {
      env.put("STRIDE_GOOGLE_CLIENT_IDS", String.join(",", functions.googleClientIds()));
    }
    if (!functions.appleClientIds().isEmpty()) {
      env.put("STRIDE_APPLE_CLIENT_IDS", String.join(",", functions.appleClientIds()));
    }
    return env;
  }

  /** {@link #TABLE_ACTIONS} on the region's auth table and nothing else. */
  public DataAwsIamPolicyDocumentStatement tableGrant() {
    return allow("AuthTable", TABLE_ACTIONS, table.arn());
  }

  /** Sending to the region's events queue ({@code app.stride.user.v1.deleted}). */
  public DataAwsIamPolicyDocumentStatement eventsGrant() {
    return allow("Events", List.of("sqs:SendMessage"), events.arn());
  }

  /** Using the region's key: the table, queue and secrets are encrypted with it. */
  public DataAwsIamPolicyDocumentStatement keyGrant() {
    return allow("RegionKey", List.of("kms:Decrypt", "kms:GenerateDataKey"), key.arn());
  }

  /** Reading the two secrets, which the wiring resolves at start. */
  public DataAwsIamPolicyDocumentStatement secretsGrant() {
    return allow(
        "AuthSecrets",
        List.of("secretsmanager:GetSecretValue"),
        secrets.directoryHashKeyArn(),
        secrets.directoryApiSecretArn());
  }

  /** Sending mail from the configured sender through the region's SES identity. */
  public DataAwsIamPolicyDocumentStatement mailGrant() {
    return mail.sendGrant();
  }
}
