/**
 * Access-token verification. Every function verifies the caller's ES256 JWT against its issuer's
 * JWKS and derives the caller's identity and home region from it; nothing else about a caller is
 * trusted.
 */
package app.stride.core.auth;
