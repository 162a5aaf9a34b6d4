/**
 * What every AWS SDK client of a Stride function shares: the region from the environment, the light
 * URL-connection HTTP client, and local-only dummy credentials behind an endpoint override.
 */
package app.stride.aws.client;
