package app.stride.apispecs;

import java.io.FileNotFoundException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Loads Stride's OpenAPI 3.1 documents from the classpath.
 *
 * <p>The documents ship in this jar as {@value #MOBILE_API} and {@value #LOCAL_DEV}, and the mobile
 * API also as {@value #MOBILE_API_JSON}, generated from its YAML at build time. The YAML files sit
 * side by side so that the relative reference {@code mobile-api.yaml#/components/schemas/Problem}
 * in the local-dev document resolves. Every operation carries {@code operationId} and the vendor
 * extension {@value #FUNCTION_EXTENSION}, naming the capability that serves it.
 */
public final class ApiSpecs {

  /** Classpath location of the mobile API document. */
  public static final String MOBILE_API = "api-specs/mobile-api.yaml";

  /**
   * Classpath location of the mobile API document as JSON: the same tree as {@link #MOBILE_API},
   * generated from it at build time, for readers that should not load a YAML parser.
   */
  public static final String MOBILE_API_JSON = "api-specs/mobile-api.json";

  /** Classpath location of the local-platform-only routes. */
  public static final String LOCAL_DEV = "api-specs/local-dev.yaml";

  /** Vendor extension on every operation: the capability that serves it, or {@code gateway}. */
  public static final String FUNCTION_EXTENSION = "x-stride-function";

  /**
   * Vendor extension on each operation that takes no access token and is served by a capability:
   * where the gateway finds the caller's home region. One of {@code body:<member>} (a region id in
   * that body member), {@code token:<member>} (the {@code <region>} prefix of the opaque token
   * {@code <region>.<secret>} in that member), {@code directory:email} (the global directory's
   * entry for the body's email), {@code social} (known once the ID token is verified) or {@code
   * all-regions} (merged from every region). Bearer-secured operations carry none: the token's
   * {@code home_region} decides. The mobile API's description holds the full rules.
   */
  public static final String ROUTE_EXTENSION = "x-stride-route";

  private ApiSpecs() {}

  /**
   * Opens the mobile API document.
   *
   * @return a fresh stream over the YAML document; the caller closes it
   */
  public static InputStream mobileApi() {
    return open(MOBILE_API);
  }

  /**
   * Opens the mobile API document as JSON (generated from the YAML at build time, same tree).
   *
   * @return a fresh stream over the JSON document; the caller closes it
   */
  public static InputStream mobileApiJson() {
    return open(MOBILE_API_JSON);
  }

  /**
   * Opens the local-platform-only document.
   *
   * @return a fresh stream over the YAML document; the caller closes it
   */
  public static InputStream localDev() {
    return open(LOCAL_DEV);
  }

  private static InputStream open(String resource) {
    InputStream in = ApiSpecs.class.getClassLoader().getResourceAsStream(resource);
    if (in == null) {
      throw new UncheckedIOException(
          new FileNotFoundException("classpath resource not found: " + resource));
    }
    return in;
  }
}
