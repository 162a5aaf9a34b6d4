package app.stride.directory.aws;

import app.stride.aws.directory.DynamoDirectory;
import app.stride.aws.dynamodb.DynamoDbClients;
import app.stride.aws.dynamodb.LocalTables;
import app.stride.aws.lambda.AwsFunctions;
import app.stride.core.config.Env;
import app.stride.core.directory.http.DirectoryApi;
import java.time.Clock;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.support.GenericApplicationContext;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The global directory's Lambda deployable ({@code MAIN_CLASS}). Spring Cloud Function's {@code
 * FunctionInvoker} starts it functionally (no scanning) and calls {@value #FUNCTION}{@code Http}
 * with the events of the function URL, which share API Gateway HTTP API's payload format 2.0, so
 * the API Gateway v2 twin of {@link AwsFunctions#registerHttp} serves them as they are. The neutral
 * bean {@value #FUNCTION} is registered alongside.
 *
 * <p>The DynamoDB client and the signing secret (one Secrets Manager read) are built on the first
 * request, not at start: a SnapStart snapshot then holds neither a connection nor the secret.
 */
public class DirectoryAwsApplication
    implements ApplicationContextInitializer<GenericApplicationContext> {

  /** The neutral function's name; the function URL's is {@code directoryHttp}. */
  public static final String FUNCTION = "directory";

  @Override
  public void initialize(GenericApplicationContext context) {
    DirectoryAwsConfig config = DirectoryAwsConfig.fromEnv(Env.system());
    AwsFunctions.registerHttp(context, FUNCTION, () -> api(config, Clock.systemUTC()));
  }

  /** The directory API over the configured table. */
  static DirectoryApi api(DirectoryAwsConfig config, Clock clock) {
    DynamoDbClient client = DynamoDbClients.client(config.dynamoDb());
    DynamoDirectory directory =
        new DynamoDirectory(DynamoDbClients.enhanced(client), config.tableName());
    if (config.createTable()) {
      LocalTables.createIfMissing(directory.table(), client);
    }
    return new DirectoryApi(directory, SecretsManagerSecrets.signer(config.apiSecret()), clock);
  }
}
