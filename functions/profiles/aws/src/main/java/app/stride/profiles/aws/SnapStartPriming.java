package app.stride.profiles.aws;

import app.stride.core.http.ApiRequest;
import app.stride.core.http.ApiResponse;
import app.stride.profiles.ProfilesFunctions;
import java.util.Map;
import java.util.function.Function;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;
import org.springframework.cloud.function.context.FunctionRegistration;
import org.springframework.context.support.GenericApplicationContext;

/**
 * A CRaC hook for Lambda SnapStart: before the snapshot it sends one unauthenticated request
 * through the HTTP function, which builds the function (spec, validator, clients) and loads the
 * classes of routing, validation and problem encoding, without any network call. On a JVM without
 * CRaC it does nothing.
 */
final class SnapStartPriming implements Resource {
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

  /** Runs the priming request; answers 401 as it carries no token. */
  @SuppressWarnings("unchecked")
  ApiResponse prime() {
    Function<ApiRequest, ApiResponse> http =
        (Function<ApiRequest, ApiResponse>)
            context.getBean(ProfilesFunctions.NAME, FunctionRegistration.class).getTarget();
    return http.apply(
        new ApiRequest(
            "GET", "/v1/me/profile", Map.of(), Map.of(), new byte[0], "127.0.0.1", "snapstart"));
  }

  @Override
  public void beforeCheckpoint(Context<? extends Resource> crac) {
    prime();
  }

  @Override
  public void afterRestore(Context<? extends Resource> crac) {
    // nothing to refresh: clients hold no connection opened before the snapshot
  }
}
