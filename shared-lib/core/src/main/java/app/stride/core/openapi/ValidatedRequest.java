package app.stride.core.openapi;

import tools.jackson.databind.JsonNode;

/**
 * A request that passed the spec's checks.
 *
 * @param operation the matched operation
 * @param body the parsed JSON body, or null when the request has none
 */
public record ValidatedRequest(Operation operation, JsonNode body) {}
