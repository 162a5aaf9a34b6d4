package app.stride.core.function;

import app.stride.core.auth.Principal;
import app.stride.core.http.ApiRequest;
import app.stride.core.openapi.Operation;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * A request that passed validation and authentication, handed to an operation handler.
 *
 * @param request the raw request
 * @param operation the matched spec operation
 * @param body the schema-valid JSON body, or null
 * @param principal the verified caller, or null on an unsecured operation
 */
public record ApiCall(ApiRequest request, Operation operation, JsonNode body, Principal principal) {
  /** The verified caller; fails on an unsecured operation. */
  public Principal caller() {
    if (principal == null) {
      throw new IllegalStateException(operation.operationId() + " is not a secured operation");
    }
    return principal;
  }

  /** A header value, matched case-insensitively. */
  public Optional<String> header(String name) {
    return request.header(name);
  }
}
