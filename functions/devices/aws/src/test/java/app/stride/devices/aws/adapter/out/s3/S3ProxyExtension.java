package app.stride.devices.aws.adapter.out.s3;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;
import org.jclouds.logging.slf4j.config.SLF4JLoggingModule;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real S3-protocol server per test class: s3proxy (its own HTTP server, S3 REST API, SigV4
 * checks) in this JVM on a free loopback port, over jclouds' in-memory {@code transient} blob
 * store. Clients sign with identity and secret {@value #CREDENTIAL} (the dummy credentials {@code
 * AwsClientDefaults} uses behind an endpoint override) and must use path-style requests.
 */
public final class S3ProxyExtension implements BeforeAllCallback, AfterAllCallback {
  /** The access key id and secret the server accepts. */
  static final String CREDENTIAL = "local";

  private static final Duration START_TIMEOUT = Duration.ofSeconds(20);

  private BlobStoreContext blobs;
  private S3Proxy proxy;

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    blobs =
        ContextBuilder.newBuilder("transient")
            .credentials(CREDENTIAL, CREDENTIAL)
            .modules(List.of(new SLF4JLoggingModule()))
            .build(BlobStoreContext.class);
    proxy =
        S3Proxy.builder()
            .blobStore(blobs.getBlobStore())
            .endpoint(URI.create("http://127.0.0.1:0"))
            .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, CREDENTIAL, CREDENTIAL)
            .build();
    proxy.start();
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (!"STARTED".equals(proxy.getState())) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("s3proxy did not start: " + proxy.getState());
      }
      Thread.sleep(10);
    }
  }

  @Override
  public void afterAll(ExtensionContext context) throws Exception {
    if (proxy != null) {
      proxy.stop();
    }
    if (blobs != null) {
      blobs.close();
    }
  }

  /**
   * Creates a bucket in the backing store (an S3 CreateBucket from a client outside us-east-1 sends
   * a location constraint the in-memory store does not know).
   */
  public void createBucket(String name) {
    blobs.getBlobStore().createContainerInLocation(null, name);
  }

  /** The server's endpoint, {@code http://127.0.0.1:<port>}. */
  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + proxy.getPort());
  }
}
