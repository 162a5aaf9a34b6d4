package app.stride.core.function;

import app.stride.core.auth.Principal;
import app.stride.core.auth.TokenVerifier;
import app.stride.core.http.ApiRequest;
import app.stride.core.http.ApiResponse;
import app.stride.core.openapi.Operation;
import app.stride.core.openapi.RequestValidator;
import app.stride.core.openapi.ValidatedRequest;
import app.stride.core.problem.Problem;
import app.stride.core.problem.ProblemException;
import app.stride.core.problem.ProblemType;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A capability's HTTP entry function, the bean both clouds serve. Each call is validated against
 * the spec, authenticated when the operation is secured, dispatched by operationId, and every
 * failure becomes an {@code application/problem+json} answer: a {@link ProblemException} with its
 * own status, anything else a bare {@code 500 internal} with the cause logged on the server only.
 */
public final class ApiFunction implements Function<ApiRequest, ApiResponse> {
  private static final Logger log = LoggerFactory.getLogger(ApiFunction.class);

  private final String name;
  private final RequestValidator validator;
  private final TokenVerifier verifier;
  private final Map<String, OperationHandler> handlers;

  private ApiFunction(
      String name,
      RequestValidator validator,
      TokenVerifier verifier,
      Map<String, OperationHandler> handlers) {
    this.name = name;
    this.validator = validator;
    this.verifier = verifier;
    this.handlers = Map.copyOf(handlers);
  }

  /** Starts a function serving the operations whose {@code x-stride-function} is {@code name}. */
  public static Builder builder(String name, RequestValidator validator, TokenVerifier verifier) {
    return new Builder(name, validator, verifier);
  }

  /** The capability name, the spec's {@code x-stride-function}. */
  public String name() {
    return name;
  }

  @Override
  public ApiResponse apply(ApiRequest request) {
    long start = System.nanoTime();
    ApiResponse response;
    try {
      response = dispatch(request);
    } catch (ProblemException e) {
      response = ApiResponse.problem(e.problem().at(request.path()), e.headers());
      if (e.getCause() != null) {
        log.warn(
            "function={} requestId={} problem={} cause={}",
            name,
            request.requestId(),
            e.problem().type(),
            e.getCause().toString());
      }
    } catch (RuntimeException e) {
      log.error("function={} requestId={} unhandled failure", name, request.requestId(), e);
      response =
          ApiResponse.problem(
              Problem.of(ProblemType.INTERNAL, "Something went wrong on our side.")
                  .at(request.path()),
              Map.of());
    }
    log.info(
        "function={} requestId={} method={} path={} status={} latencyMs={}",
        name,
        request.requestId(),
        request.method(),
        request.path(),
        response.status(),
        (System.nanoTime() - start) / 1_000_000);
    return response;
  }

  private ApiResponse dispatch(ApiRequest request) {
    Operation operation = validator.route(request.method(), request.path());
    OperationHandler handler = handlers.get(operation.operationId());
    if (handler == null) {
      throw new ProblemException(
          ProblemType.NOT_FOUND, "No route for " + request.path() + " in function " + name + ".");
    }
    Principal principal =
        operation.secured()
            ? verifier.verifyAuthorization(request.header("Authorization").orElse(null))
            : null;
    ValidatedRequest valid = validator.validate(request);
    return handler.handle(new ApiCall(request, operation, valid.body(), principal));
  }

  /** Collects the handlers and checks them against the spec. */
  public static final class Builder {
    private final String name;
    private final RequestValidator validator;
    private final TokenVerifier verifier;
    private final Map<String, OperationHandler> handlers = new HashMap<>();

    private Builder(String name, RequestValidator validator, TokenVerifier verifier) {
      this.name = Objects.requireNonNull(name, "name");
      this.validator = Objects.requireNonNull(validator, "validator");
      this.verifier = Objects.requireNonNull(verifier, "verifier");
    }

    /** Serves the operation with this operationId. */
    public Builder on(String operationId, OperationHandler handler) {
      if (handlers.put(operationId, Objects.requireNonNull(handler, "handler")) != null) {
        throw new IllegalArgumentException("two handlers for " + operationId);
      }
      return this;
    }

    /**
     * The function; fails when a handler names an operation the spec does not give to this
     * function, or an operation the spec gives to it has no handler.
     */
    public ApiFunction build() {
      Set<String> declared = new TreeSet<>();
      for (Operation op : validator.spec().operations()) {
        if (op.function().equals(name)) {
          declared.add(op.operationId());
        }
      }
      if (!declared.equals(new TreeSet<>(handlers.keySet()))) {
        throw new IllegalStateException(
            "function "
                + name
                + " must handle exactly "
                + declared
                + " but handles "
                + new TreeSet<>(handlers.keySet()));
      }
      return new ApiFunction(name, validator, verifier, handlers);
    }
  }
}
