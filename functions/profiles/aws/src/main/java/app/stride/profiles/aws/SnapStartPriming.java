package app.stride.profiles.aws;

import app.stride.aws.lambda.AwsFunctions;
import app.stride.aws.lambda.LocalLambdaContext;
import app.stride.core.json.Json;
import app.stride.profiles.ProfilesFunctions;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;
import org.springframework.cloud.function.adapter.aws.AWSLambdaUtils;
import org.springframework.cloud.function.context.FunctionCatalog;
import org.springframework.cloud.function.context.catalog.SimpleFunctionRegistry.FunctionInvocationWrapper;
import org.springframework.cloud.function.json.JsonMapper;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.messaging.Message;

/**
 * A CRaC hook for Lambda SnapStart: before the snapshot it warms what the first call after a
 * restore would otherwise load, without any network call and without touching data.
 *
 * <ol>
 *   <li>One synthetic API Gateway HTTP API v2 event ({@code GET /v1/me/profile}, no token) through
 *       {@code profilesHttp} from the {@link FunctionCatalog}, decoded and encoded by the AWS
 *       adapter as {@code FunctionInvoker} does: Spring Cloud Function's message conversion, the
 *       event mapping, building the function (spec, validator, store and publisher clients, table
 *       schema), routing and the 401 problem. It carries no token, so the real verifier never
 *       fetches its JWKS.
 *   <li>One ES256 token signed by a throwaway key and verified by a verifier built for that key
 *       only ({@link ThrowawayToken}): nimbus-jose-jwt and the JDK's EC crypto.
 * </ol>
 *
 * Not primed: a DynamoDB read. A {@code GetItem} before the snapshot would be a real call from the
 * init phase, and its kept-alive connection and resolved credentials would be frozen into the
 * snapshot; the SDK's request path is therefore loaded on the first real call. On a JVM without
 * CRaC the hook does nothing.
 */
final class SnapStartPriming implements Resource {
  /** The synthetic event, on the classpath. */
  static final String EVENT = "snapstart/get-profile-unauthenticated.json";

  /** CRaC holds resources weakly: keep a strong reference for the life of the function. */
  private static volatile SnapStartPriming registered;

  private final GenericApplicationContext context;

  private SnapStartPriming(GenericApplicationContext context) {
    this.context = context;
  }

  static void register(GenericApplicationContext context) {
    SnapStartPriming priming = new SnapStartPriming(context);
    registered = priming;
    Core.getGlobalContext().register(priming);
  }

  /** The registered hook (tests). */
  static SnapStartPriming registered() {
    return registered;
  }

  /**
   * What one priming run saw.
   *
   * @param httpStatus the status {@code profilesHttp} answered the synthetic event with (401)
   * @param verifiedSubject the subject of the throwaway token, as the throwaway verifier read it
   */
  record Primed(int httpStatus, String verifiedSubject) {}

  /** Runs the priming steps (the context must be refreshed). */
  Primed prime() {
    return new Primed(primeHttp(), ThrowawayToken.verifyOnce());
  }

  private int primeHttp() {
    FunctionCatalog catalog = context.getBean(FunctionCatalog.class);
    FunctionInvocationWrapper function =
        catalog.lookup(ProfilesFunctions.NAME + AwsFunctions.HTTP_SUFFIX, "application/json");
    JsonMapper mapper = context.getBean(JsonMapper.class);
    Message<byte[]> request =
        AWSLambdaUtils.generateMessage(
            event(),
            function.getInputType(),
            function.isSupplier(),
            mapper,
            new LocalLambdaContext("snapstart-priming", 30_000));
    Object result = function.apply(request);
    byte[] response =
        AWSLambdaUtils.generateOutputFromObject(request, result, mapper, function.getOutputType());
    return Json.mapper().readTree(response).path("statusCode").asInt();
  }

  private static byte[] event() {
    try (InputStream in = SnapStartPriming.class.getClassLoader().getResourceAsStream(EVENT)) {
      if (in == null) {
        throw new IllegalStateException("missing classpath resource " + EVENT);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void beforeCheckpoint(Context<? extends Resource> crac) {
    prime();
  }

  @Override
  public void afterRestore(Context<? extends Resource> crac) {
    // nothing to refresh: no connection was opened before the snapshot
  }
}
