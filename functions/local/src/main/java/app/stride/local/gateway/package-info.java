/**
 * The local API gateway: routes by the OpenAPI spec, authorises the bearer token as the managed
 * gateway's JWT authorizer would, and sends each request to its caller's home region.
 */
package app.stride.local.gateway;
