/**
 * Social sign-in: verification of Google and Apple OpenID Connect ID tokens.
 *
 * <p>The public face is {@link app.stride.auth.social.OidcIdTokenVerifier}: given a provider, the
 * ID token the app received and the raw nonce the app generated, it answers a {@link
 * app.stride.auth.social.SocialIdentity} or throws {@link
 * app.stride.auth.social.SocialTokenRejectedException} (the token is not acceptable; the reason is
 * a short code safe to log and show) or {@link
 * app.stride.auth.social.SocialProviderUnavailableException} (the provider's keys could not be
 * obtained; try again later).
 *
 * <p>Inside, pure logic is kept apart from I/O:
 *
 * <ul>
 *   <li>pure: {@code IdTokenClaimsValidator} (issuer, audience, time, nonce, email claims), {@code
 *       OidcDiscovery} (parsing the discovery document), {@code IdTokenSignature} (algorithm
 *       pinning, key choice, signature check);
 *   <li>I/O: {@code OidcHttpFetcher} (java.net.http GET with timeouts and a size limit) and {@code
 *       ProviderKeys} (per-provider cache of the discovery document and JWKS, refreshed on an
 *       unknown {@code kid} at most once a minute, behind a Resilience4j circuit breaker).
 * </ul>
 *
 * <p>Nothing here logs or puts into an exception message a token, a nonce or an email address.
 */
package app.stride.auth.social;
