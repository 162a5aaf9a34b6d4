package app.stride.testkit.junit;

import app.stride.testkit.server.ElasticMqServer;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A fresh embedded ElasticMQ (SQS API) per test class, with region {@value
 * ElasticMqServer#DEFAULT_REGION} and account {@value ElasticMqServer#DEFAULT_ACCOUNT_ID}.
 */
public final class ElasticMqExtension extends LocalServerExtension<ElasticMqServer> {

  @Override
  protected ElasticMqServer acquire(ExtensionContext context) {
    return ElasticMqServer.start();
  }

  @Override
  protected void releaseAfterClass(ElasticMqServer server) {
    server.close();
  }

  /** Region in queue ARNs, for SDK clients too. */
  public String region() {
    return server().region();
  }

  /** URL of the queue named {@code queueName}. */
  public String queueUrl(String queueName) {
    return server().queueUrl(queueName);
  }

  /** ARN of the queue named {@code queueName}. */
  public String queueArn(String queueName) {
    return server().queueArn(queueName);
  }
}
