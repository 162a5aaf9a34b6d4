package app.stride.gcp.functions;

import app.stride.core.config.Env;
import app.stride.core.http.ApiRequest;
import app.stride.core.http.ApiResponse;
import app.stride.core.problem.Problem;
import app.stride.core.problem.ProblemException;
import app.stride.core.problem.ProblemType;
import com.google.cloud.functions.HttpFunction;
import com.google.cloud.functions.HttpRequest;
import com.google.cloud.functions.HttpResponse;
import java.io.IOException;
import java.util.Map;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.support.GenericApplicationContext;

/**
 * The Google Cloud Functions HTTP entry of a capability. A subclass is the deployed entry point:
 * its no-arg constructor names the capability's {@link ApplicationContextInitializer} and HTTP
 * function; this class starts that context once and, per request, decodes the request, calls the
 * neutral function bean and encodes its answer. The client's address is read from {@code
 * X-Forwarded-For} behind the load balancer named by {@code STRIDE_LB_ADDRESS} ({@link
 * ForwardedFor}).
 *
 * <pre>{@code
 * public final class ProfilesHttpFunction extends StrideHttpFunction {
 *   public ProfilesHttpFunction() {
 *     super(ProfilesGcpApplication.class, "profiles");
 *   }
 * }
 * }</pre>
 */
public abstract class StrideHttpFunction implements HttpFunction {
  /** The largest request body accepted unless a subclass says otherwise: 1 MiB. */
  public static final int DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

  private static final Logger log = LoggerFactory.getLogger(StrideHttpFunction.class);

  private final Function<Object, Object> function;
  private final int maxBodyBytes;
  private final ForwardedFor forwardedFor = ForwardedFor.fromEnv(Env.system());

  protected StrideHttpFunction(
      Class<? extends ApplicationContextInitializer<GenericApplicationContext>> initializer,
      String functionName) {
    this(initializer, functionName, DEFAULT_MAX_BODY_BYTES);
  }

  @SuppressWarnings("unchecked")
  protected StrideHttpFunction(
      Class<? extends ApplicationContextInitializer<GenericApplicationContext>> initializer,
      String functionName,
      int maxBodyBytes) {
    this.function = (Function<Object, Object>) FunctionContexts.lookup(initializer, functionName);
    this.maxBodyBytes = maxBodyBytes;
  }

  @Override
  public void service(HttpRequest request, HttpResponse response) throws IOException {
    ApiResponse answer;
    try {
      ApiRequest decoded = HttpRequests.toApiRequest(request, maxBodyBytes, forwardedFor);
      answer = (ApiResponse) function.apply(decoded);
    } catch (ProblemException e) {
      answer = ApiResponse.problem(e.problem().at(request.getPath()), e.headers());
    } catch (RuntimeException e) {
      log.error("path={} unhandled failure", request.getPath(), e);
      answer =
          ApiResponse.problem(
              Problem.of(ProblemType.INTERNAL, "Something went wrong on our side.")
                  .at(request.getPath()),
              Map.of());
    }
    HttpResponses.write(answer, response);
  }
}
