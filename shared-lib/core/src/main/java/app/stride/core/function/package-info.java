/**
 * The runtime glue around Spring Cloud Function: a capability exposes one {@code
 * Function<ApiRequest, ApiResponse>} bean that validates, authenticates, dispatches by operationId
 * and answers errors as problems; the cloud entry points look it up in the {@code FunctionCatalog}.
 */
package app.stride.core.function;
