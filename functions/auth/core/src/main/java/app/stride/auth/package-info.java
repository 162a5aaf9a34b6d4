/**
 * Auth: accounts, credentials (passwords, TOTP, recovery codes), access and refresh tokens, social
 * sign-in, brute-force protection and the mail that goes with them. Cloud-neutral; the store and
 * mail adapters of each cloud live in {@code auth-aws} and {@code auth-gcp}.
 */
package app.stride.auth;
