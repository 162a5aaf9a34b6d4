/** Access tokens for tests and the local platform, signed the way the auth service signs them. */
package app.stride.testkit.tokens;
