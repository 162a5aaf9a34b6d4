/**
 * Pulling announced activities from providers' APIs: one {@link
 * app.stride.devices.pull.ActivityFetcher} per provider, spoken over HTTP with the user's token.
 * Depends on {@code domain}, {@code files} (parsers), {@code connection} ({@code Secret}) and
 * {@code webhook} (the queued notification); nothing here stores anything.
 */
package app.stride.devices.pull;
