/**
 * The baseline: a plain {@code RequestHandler} serving {@code GET /v1/me/profile} with the bare
 * libraries (nimbus-jose-jwt, the AWS SDK v2 enhanced client on the URL-connection HTTP client,
 * Jackson), reading the same item of the same table as the profiles function. No framework, no spec
 * validation, no problem+json: what the function's start-up is compared against.
 */
package app.stride.bench.coldstart.plain;
