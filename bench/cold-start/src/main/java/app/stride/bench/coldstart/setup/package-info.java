/**
 * Prepares one bench run: a fresh ES256 key whose public half is the JWKS both sides trust, a token
 * signed with it, and the API Gateway events (from the fixture files under {@code bench/}) carrying
 * that token.
 */
package app.stride.bench.coldstart.setup;
