package app.stride.testkit.server;

import java.net.URI;
import org.elasticmq.NodeAddress;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;

/**
 * ElasticMQ, an SQS-compatible server, embedded in this JVM. Region and account id are set so queue
 * URLs ({@code http://127.0.0.1:P/<account>/<queue>}) and ARNs look like AWS's. It logs through
 * SLF4J: the application (or test classpath) supplies the binding.
 */
public final class ElasticMqServer implements LocalServer {

  /** Region used in queue ARNs when none is given. */
  public static final String DEFAULT_REGION = "eu-central-1";

  /** Account id used in queue URLs and ARNs when none is given. */
  public static final String DEFAULT_ACCOUNT_ID = "000000000000";

  private final URI endpoint;
  private final String region;
  private final String accountId;
  private final SQSRestServer server;
  private boolean closed;

  private ElasticMqServer(URI endpoint, String region, String accountId, SQSRestServer server) {
    this.endpoint = endpoint;
    this.region = region;
    this.accountId = accountId;
    this.server = server;
  }

  /** Starts a server on a free loopback port with the default region and account. */
  public static ElasticMqServer start() {
    return builder().start();
  }

  /** Options: port, region, account id. */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public URI endpoint() {
    return endpoint;
  }

  /** Region in queue ARNs. */
  public String region() {
    return region;
  }

  /** Account id in queue URLs and ARNs. */
  public String accountId() {
    return accountId;
  }

  /** URL of the queue named {@code queueName}, as CreateQueue returns it. */
  public String queueUrl(String queueName) {
    return endpoint + "/" + accountId + "/" + queueName;
  }

  /** ARN of the queue named {@code queueName}, as GetQueueAttributes returns it. */
  public String queueArn(String queueName) {
    return "arn:aws:sqs:" + region + ":" + accountId + ":" + queueName;
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    ShutdownHooks.unregister(this);
    server.stopAndWait();
  }

  @Override
  public String toString() {
    return "ElasticMQ at " + endpoint;
  }

  /** Builder for {@link ElasticMqServer}. */
  public static final class Builder {
    private int port;
    private String region = DEFAULT_REGION;
    private String accountId = DEFAULT_ACCOUNT_ID;

    private Builder() {}

    /** Port to listen on; 0 (the default) picks a free one. */
    public Builder port(int port) {
      this.port = port;
      return this;
    }

    /** Region shown in queue ARNs. */
    public Builder region(String region) {
      this.region = region;
      return this;
    }

    /** Twelve-digit account id shown in queue URLs and ARNs. */
    public Builder accountId(String accountId) {
      this.accountId = accountId;
      return this;
    }

    /** Starts the server and waits until it is bound. */
    public ElasticMqServer start() {
      int chosenPort = Loopback.portOrFree(port);
      SQSRestServer server =
          SQSRestServerBuilder.withInterface(Loopback.HOST)
              .withPort(chosenPort)
              .withServerAddress(new NodeAddress("http", Loopback.HOST, chosenPort, ""))
              .withAWSRegion(region)
              .withAWSAccountId(accountId)
              .start();
      try {
        server.waitUntilStarted();
      } catch (RuntimeException e) {
        server.stopAndWait();
        throw new ServerStartException("ElasticMQ did not start on port " + chosenPort, e);
      }
      URI endpoint = URI.create("http://" + Loopback.HOST + ":" + chosenPort);
      ElasticMqServer started = new ElasticMqServer(endpoint, region, accountId, server);
      ShutdownHooks.register(started);
      StartLine.log(
          "ElasticMQ", endpoint, "in-process, region " + region + ", account " + accountId);
      return started;
    }
  }
}
