package app.stride.core.function;

import app.stride.core.auth.Principal;
import app.stride.core.auth.TokenVerifier;
import app.stride.core.http.ApiRequest;
import app.stride.core.http.ApiResponse;
import app.stride.core.openapi.OpenApiSpec;
import app.stride.core.openapi.Operation;
import app.stride.core.openapi.RequestValidator;
import app.stride.core.openapi.ValidatedRequest;
import app.stride.core.problem.Problem;
import app.stride.core.problem.ProblemException;
import app.stride.core.problem.ProblemType;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
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
 *
 * <p>An optional {@link CallGuard} runs after routing and authentication, before body validation
 * and the handler; the headers it admits a call with go on the answer, a problem answer included.
 * The per-request line is written at DEBUG: the edge's request observer writes the INFO line.
 */
public final class ApiFunction implements Function<ApiRequest, ApiResponse> {
  private static final Logger log = LoggerFactory.getLogger(ApiFunction.class);

  private final String name;
  private final RequestValidator validator;
  private final TokenVerifier verifier;
  private final Map<String, OperationHandler> handlers;
  private final CallGuard guard;

  /** {@link #operationIdOf}'s last answer on each thread, for the same request's dispatch. */
  private final ThreadLocal<Routed> lastRouted = new ThreadLocal<>();

  private ApiFunction(
      String name,
      RequestValidator validator,
      TokenVerifier verifier,
      Map<String, OperationHandler> handlers,
      CallGuard guard) {
    this.name = name;
    this.validator = validator;
    this.verifier = verifier;
    this.handlers = Map.copyOf(handlers);
    this.guard = guard;
  }

  /** Starts a function serving the operations whose {@code x-stride-function} is {@code name}. */
  public static Builder builder(String name, RequestValidator validator, TokenVerifier verifier) {
    return new Builder(name, validator, verifier);
  }

  /** The capability name, the spec's {@code x-stride-function}. */
  public String name() {
    return name;
  }

  /** The spec this function routes and validates against. */
  public OpenApiSpec spec() {
    return validator.spec();
  }

  /**
   * This function with {@code guard} in place of its current one, for wiring code that receives a
   * built function (the capability modules build it, the deployables choose the guard).
   */
  public ApiFunction withGuard(CallGuard guard) {
    return new ApiFunction(
        name, validator, verifier, handlers, Objects.requireNonNull(guard, "guard"));
  }

  /**
   * The operationId this function would serve {@code request} with, or null when it has no route
   * for it (unknown path, wrong method, or an operation of another function). Cheap: routing only,
   * no authentication or body check; for logs and metrics.
   */
  public String operationIdOf(ApiRequest request) {
    Routed routed = Routed.of(validator, request);
    lastRouted.set(routed);
    if (routed.operation() == null) {
      return null;
    }
    String operationId = routed.operation().operationId();
    return handlers.containsKey(operationId) ? operationId : null;
  }

  /**
   * The operation of {@code request}: the one {@link #operationIdOf} found just before on this
   * thread for the same method and path (the edge asks it for its logs, then calls the function,
   * possibly with a copy of the request carrying the viewer's address), else routed now. Routing
   * depends on nothing but the method and the path, so that pair is the whole key.
   */
  private Operation route(ApiRequest request) {
    Routed last = lastRouted.get();
    if (last != null) {
      lastRouted.remove();
      if (last.routes(request)) {
        return last.operationOrThrow();
      }
    }
    return validator.route(request.method(), request.path());
  }

  /** A routing result kept for the same request's dispatch on the same thread. */
  private record Routed(String method, String path, Operation operation, ProblemException failure) {
    static Routed of(RequestValidator validator, ApiRequest request) {
      try {
        return new Routed(
            request.method(),
            request.path(),
            validator.route(request.method(), request.path()),
            null);
      } catch (ProblemException e) {
        return new Routed(request.method(), request.path(), null, e);
      }
    }

    /** Whether this is the routing of {@code request}: same method, same path. */
    boolean routes(ApiRequest request) {
      return method.equals(request.method()) && path.equals(request.path());
    }

    Operation operationOrThrow() {
      if (failure != null) {
        throw failure;
      }
      return operation;
    }
  }

  @Override
  public ApiResponse apply(ApiRequest request) {
    long start = System.nanoTime();
    Map<String, String> admitted = new LinkedHashMap<>();
    ApiResponse response;
    try {
      response = withHeaders(dispatch(request, admitted), admitted);
    } catch (ProblemException e) {
      Map<String, String> headers = new LinkedHashMap<>(admitted);
      headers.putAll(e.headers());
      response = ApiResponse.problem(e.problem().at(request.path()), headers);
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
              admitted);
    }
    if (log.isDebugEnabled()) { // no argument array or boxing per request when it is off
      log.debug(
          "function={} requestId={} method={} path={} status={} latencyMs={}",
          name,
          request.requestId(),
          request.method(),
          request.path(),
          response.status(),
          (System.nanoTime() - start) / 1_000_000);
    }
    return response;
  }

  /**
   * Routes, authenticates, asks the guard (filling {@code admitted} with its headers), validates
   * and calls the handler.
   */
  private ApiResponse dispatch(ApiRequest request, Map<String, String> admitted) {
    Operation operation = route(request);
    OperationHandler handler = handlers.get(operation.operationId());
    if (handler == null) {
      throw new ProblemException(
          ProblemType.NOT_FOUND, "No route for " + request.path() + " in function " + name + ".");
    }
    Principal principal = null;
    if (operation.secured()) {
      try {
        principal = verifier.verifyAuthorization(request.header("Authorization").orElse(null));
      } catch (ProblemException unauthenticated) {
        admitted.putAll(guard.admit(request, operation, Optional.empty()));
        throw unauthenticated;
      }
    }
    admitted.putAll(guard.admit(request, operation, Optional.ofNullable(principal)));
    ValidatedRequest valid = validator.validate(request, operation);
    return handler.handle(new ApiCall(request, operation, valid.body(), principal));
  }

  /** The response with the guard's headers added; the handler's own headers win. */
  private static ApiResponse withHeaders(ApiResponse response, Map<String, String> admitted) {
    if (admitted.isEmpty()) {
      return response;
    }
    Map<String, String> headers = new LinkedHashMap<>(admitted);
    headers.putAll(response.headers());
    return new ApiResponse(response.status(), headers, response.body());
  }

  /** Collects the handlers and checks them against the spec. */
  public static final class Builder {
    private final String name;
    private final RequestValidator validator;
    private final TokenVerifier verifier;
    private final Map<String, OperationHandler> handlers = new HashMap<>();
    private CallGuard guard = CallGuard.NONE;

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
     * Runs {@code guard} on every routed call, after authentication; default {@link
     * CallGuard#NONE}.
     */
    public Builder guard(CallGuard guard) {
      this.guard = Objects.requireNonNull(guard, "guard");
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
      return new ApiFunction(name, validator, verifier, handlers, guard);
    }
  }
}
