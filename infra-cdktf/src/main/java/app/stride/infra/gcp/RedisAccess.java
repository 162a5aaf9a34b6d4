package app.stride.infra.gcp;

import com.hashicorp.cdktf.ITerraformDependable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What one HTTP function needs to reach the region's Redis ({@link RegionRedis#grantTo}): the VPC
 * connector its private traffic goes through, the plain variables {@value #URL_ENV} and {@value
 * #CA_ENV}, the secret read as {@value #PASSWORD_ENV}, and what must exist before the function is
 * deployed (its account's grant on that secret and the secret's version).
 *
 * @param connectorId the Serverless VPC Access connector's id
 * @param url {@code rediss://<host>:<port>?verifyPeer=CA} of the instance ({@link
 *     RegionRedis#VERIFY_PEER})
 * @param caPem the certificates of the instance's server CAs (public, all it lists), which the
 *     client trusts alone
 * @param secretId the Secret Manager secret holding the instance's AUTH string
 * @param ready the reader's grant on the secret and the secret's version
 */
public record RedisAccess(
    String connectorId,
    String url,
    String caPem,
    String secretId,
    List<ITerraformDependable> ready) {

  /** The Redis URL variable ({@code RedisEndpoint.URL} in shared-lib/edge). */
  public static final String URL_ENV = "STRIDE_REDIS_URL";

  /** The variable holding the PEM of the server CAs the client trusts. */
  public static final String CA_ENV = "STRIDE_REDIS_CA_PEM";

  /** The secret variable holding the AUTH string. */
  public static final String PASSWORD_ENV = "STRIDE_REDIS_PASSWORD";

  /**
   * Egress through the connector: private ranges only, so public traffic (Google APIs, providers)
   * leaves directly and no Cloud NAT is needed.
   */
  public static final String EGRESS = "PRIVATE_RANGES_ONLY";

  /** Checks every part is there and copies the dependencies. */
  public RedisAccess {
    Objects.requireNonNull(connectorId, "connectorId");
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(caPem, "caPem");
    Objects.requireNonNull(secretId, "secretId");
    ready = List.copyOf(ready);
  }

  /** The plain variables: {@value #URL_ENV} and {@value #CA_ENV}. */
  public Map<String, String> environment() {
    Map<String, String> env = new LinkedHashMap<>();
    env.put(URL_ENV, url);
    env.put(CA_ENV, caPem);
    return env;
  }
}
