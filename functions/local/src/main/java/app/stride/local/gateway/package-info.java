/**
 * The local API gateway: routes by the OpenAPI spec, authorises the bearer token as the managed
 * gateway's JWT authorizer would and sends each request to its caller's home region; calls without
 * a token go where their {@code x-stride-route} says (the body, an opaque token's prefix, the
 * global directory, every region). Also the local-only {@code /dev/*} routes.
 */
package app.stride.local.gateway;
