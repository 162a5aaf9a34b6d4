package app.stride.testkit.junit;

import app.stride.testkit.server.DynaliteServer;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A fresh in-memory dynalite (DynamoDB API) per test class.
 *
 * <pre>{@code
 * @RegisterExtension static final DynaliteExtension DYNAMO = new DynaliteExtension();
 * ... DynamoDbClient.builder().endpointOverride(DYNAMO.endpoint()) ...
 * }</pre>
 */
public final class DynaliteExtension extends LocalServerExtension<DynaliteServer> {

  /** Region to give SDK clients; dynalite accepts any. */
  public static final String REGION = "eu-central-1";

  @Override
  protected DynaliteServer acquire(ExtensionContext context) {
    return DynaliteServer.start();
  }

  @Override
  protected void releaseAfterClass(DynaliteServer server) {
    server.close();
  }
}
