/**
 * Credentials: pure logic, no I/O, no framework.
 *
 * <ul>
 *   <li>{@link app.stride.auth.credential.EmailAddress}: parsing and canonical form of login
 *       emails.
 *   <li>{@link app.stride.auth.credential.PasswordPolicy}: NIST 800-63B password rules.
 *   <li>{@link app.stride.auth.credential.PasswordHasher}: Argon2id hashing in PHC strings whose
 *       parameters can be raised later ({@code needsRehash}).
 *   <li>{@link app.stride.auth.credential.Totp} and {@link
 *       app.stride.auth.credential.RecoveryCodes}: the second factor.
 *   <li>{@link app.stride.auth.credential.SecretTokens}: opaque one-time and refresh tokens, stored
 *       only as SHA-256 hashes.
 * </ul>
 *
 * <p>Exceptions thrown here never carry the secret, password, code or address they refer to; their
 * messages are safe to show and to log.
 */
package app.stride.auth.credential;
