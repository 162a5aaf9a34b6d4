/**
 * The auth use cases: sign-up and verification, password and social sign-in with the second factor,
 * sessions with rotating refresh tokens, password recovery, two-factor management and account
 * deletion. They answer failures as problems whose details never reveal whether an account exists.
 */
package app.stride.auth.application.service;
