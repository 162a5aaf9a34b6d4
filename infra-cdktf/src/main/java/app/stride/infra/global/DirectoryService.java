package app.stride.infra.global;

import static app.stride.infra.aws.FunctionRole.allow;

import app.stride.infra.BuiltArtifact;
import app.stride.infra.aws.SpringLambda;
import app.stride.infra.config.GlobalConfig;
import app.stride.infra.config.ObservabilityConfig;
import com.hashicorp.cdktf.providers.aws.dynamodb_table.DynamodbTable;
import com.hashicorp.cdktf.providers.aws.kms_key.KmsKey;
import com.hashicorp.cdktf.providers.aws.lambda_alias.LambdaAlias;
import com.hashicorp.cdktf.providers.aws.lambda_function_url.LambdaFunctionUrl;
import com.hashicorp.cdktf.providers.aws.lambda_permission.LambdaPermission;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.constructs.Construct;

/**
 * The directory's HTTP service: one Lambda ({@code directoryHttp} of the directory jar; SnapStart
 * on published versions behind the alias {@value #ALIAS}) reached through a function URL by every
 * region, on either cloud.
 *
 * <p>Its role may only get, put and delete items of the directory table, read the request-signing
 * secret, decrypt with the directory key (the secret is encrypted with it) and write its own logs.
 */
public final class DirectoryService extends Construct {

  /** The alias the function URL serves; it points at the latest published version. */
  public static final String ALIAS = "live";

  /** The deployable's {@code MAIN_CLASS}. */
  public static final String MAIN_CLASS = "app.stride.directory.aws.DirectoryAwsApplication";

  /** The bean the Lambda runs (function URL events share the API Gateway v2 payload format). */
  public static final String DEFINITION = "directoryHttp";

  /** The only item actions {@code DynamoDirectory} performs: no query, scan or update. */
  public static final List<String> TABLE_ACTIONS =
      List.of("dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:DeleteItem");

  /** The variable naming the table. */
  public static final String TABLE_ENV = "STRIDE_DIRECTORY_TABLE";

  /** The variable carrying the secret's ARN; the value itself is never in the environment. */
  public static final String SECRET_ARN_ENV = "STRIDE_DIRECTORY_API_SECRET_ARN";

  private final LambdaFunctionUrl url;

  /** Creates the function, its alias and its public URL. */
  public DirectoryService(
      Construct scope,
      String id,
      GlobalConfig global,
      ObservabilityConfig observability,
      BuiltArtifact jar,
      DynamodbTable table,
      KmsKey key,
      DirectoryApiSecret secret,
      int reservedConcurrency) {
    super(scope, id);
    Map<String, String> env = new LinkedHashMap<>();
    env.put(TABLE_ENV, table.getName());
    env.put(SECRET_ARN_ENV, secret.arn());
    SpringLambda lambda =
        new SpringLambda(
            this,
            "lambda",
            new SpringLambda.Spec(
                global.directoryFunctionName(),
                MAIN_CLASS,
                DEFINITION,
                10,
                true,
                env,
                List.of(
                    allow("DirectoryTable", TABLE_ACTIONS, table.getArn()),
                    allow(
                        "DirectoryApiSecret",
                        List.of("secretsmanager:GetSecretValue"),
                        secret.arn()),
                    allow("DirectoryKey", List.of("kms:Decrypt"), key.getArn()))),
            SpringLambda.Sizing.arm64(1024, reservedConcurrency),
            jar,
            observability,
            "global");
    LambdaAlias alias =
        LambdaAlias.Builder.create(this, "alias")
            .name(ALIAS)
            .functionName(lambda.function().getFunctionName())
            .functionVersion(lambda.function().getVersion())
            .build();
    // Auth type NONE on purpose: the GCP regions' functions must call this URL too, and they hold
    // no
    // AWS credentials to sign SigV4 (AWS_IAM). It is acceptable only because DirectoryApi refuses
    // every request without a valid HMAC-SHA256 signature of the shared secret (401, before any
    // table access), checks its time to +-60 s, and answers nothing but a region id.
    url =
        LambdaFunctionUrl.Builder.create(this, "url")
            .functionName(lambda.function().getFunctionName())
            .qualifier(alias.getName())
            .authorizationType("NONE")
            .build();
    LambdaPermission.Builder.create(this, "public_url")
        .statementId("FunctionUrlHmacSignedRequests")
        .action("lambda:InvokeFunctionUrl")
        .functionName(lambda.function().getFunctionName())
        .qualifier(alias.getName())
        .principal("*")
        .functionUrlAuthType("NONE")
        .build();
  }

  /** The function URL, the base URL regions set as {@code STRIDE_DIRECTORY_URL}. */
  public String url() {
    return url.getFunctionUrl();
  }
}
