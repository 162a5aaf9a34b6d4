/**
 * The global stack: the login-hash to home-region directory, its HMAC-signed HTTP service (Lambda
 * behind a function URL) that every region calls, and nothing personal.
 */
package app.stride.infra.global;
