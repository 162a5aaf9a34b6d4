package app.stride.local.auth;

import app.stride.aws.directory.DynamoDirectory;
import app.stride.aws.dynamodb.DynamoDbClients;
import app.stride.aws.dynamodb.DynamoDbSettings;
import app.stride.aws.dynamodb.LocalTables;
import app.stride.core.directory.DirectoryPort;
import app.stride.core.directory.http.DirectoryApi;
import app.stride.core.directory.http.DirectoryRequestSigner;
import app.stride.core.http.ApiRequest;
import app.stride.core.http.ApiResponse;
import app.stride.core.problem.ProblemException;
import app.stride.local.http.HttpExchanges;
import app.stride.testkit.server.DynaliteServer;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The global directory as the global stack deploys it: {@link DirectoryApi} over {@link
 * DynamoDirectory}, on a dynalite of its own (data under {@code <data>/dynamodb/global}), served
 * over HTTP on its own loopback port in the platform's JVM. The regions' auth functions reach it
 * with {@code STRIDE_DIRECTORY_URL} and {@code STRIDE_DIRECTORY_API_SECRET} (fresh at every start);
 * the gateway reads it directly ({@link #port()}) to route sign-in calls.
 */
public final class LocalDirectory implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(LocalDirectory.class);

  private final DynaliteServer dynalite;
  private final DynamoDbClient client;
  private final DynamoDirectory directory;
  private final String apiSecret;
  private final HttpServer server;
  private final ExecutorService executor = Executors.newFixedThreadPool(4);

  private LocalDirectory(
      DynaliteServer dynalite,
      DynamoDbClient client,
      DynamoDirectory directory,
      String apiSecret,
      HttpServer server) {
    this.dynalite = dynalite;
    this.client = client;
    this.directory = directory;
    this.apiSecret = apiSecret;
    this.server = server;
  }

  /** Starts the directory's store (creating its table if missing) and its API. */
  public static LocalDirectory start(Path dataDir, Clock clock) {
    DynaliteServer dynalite =
        DynaliteServer.builder().dataDir(dataDir.resolve("dynamodb").resolve("global")).start();
    DynamoDbClient client = null;
    try {
      client =
          DynamoDbClients.client(
              new DynamoDbSettings(Region.US_EAST_1, Optional.of(dynalite.endpoint())));
      DynamoDirectory directory =
          new DynamoDirectory(DynamoDbClients.enhanced(client), DynamoDirectory.TABLE);
      LocalTables.createIfMissing(directory.table(), client);
      String apiSecret = DirectorySecret.random();
      DirectoryApi api =
          new DirectoryApi(directory, DirectoryRequestSigner.fromBase64(apiSecret), clock);
      HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
      LocalDirectory local = new LocalDirectory(dynalite, client, directory, apiSecret, server);
      server.setExecutor(local.executor);
      server.createContext("/", exchange -> local.serve(api, exchange));
      server.start();
      log.info("global directory at {} (store {})", local.url(), dynalite.endpoint());
      return local;
    } catch (IOException | RuntimeException e) {
      if (client != null) {
        client.close();
      }
      dynalite.close();
      throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
    }
  }

  /** The API's base URL ({@code STRIDE_DIRECTORY_URL}). */
  public URI url() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** The request-signing secret, base64 ({@code STRIDE_DIRECTORY_API_SECRET}). */
  public String apiSecret() {
    return apiSecret;
  }

  /** The directory itself, for the gateway's look-ups. */
  public DirectoryPort port() {
    return directory;
  }

  /** The store's endpoint. */
  public URI storeEndpoint() {
    return dynalite.endpoint();
  }

  private void serve(DirectoryApi api, HttpExchange exchange) throws IOException {
    String requestId = UUID.randomUUID().toString();
    ApiResponse response;
    try {
      ApiRequest request = HttpExchanges.read(exchange, requestId, DirectoryApi.MAX_BODY_BYTES);
      response = api.apply(request);
    } catch (ProblemException e) {
      response = ApiResponse.problem(e.problem(), e.headers());
    }
    HttpExchanges.write(exchange, response);
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
    client.close();
    dynalite.close();
  }
}
