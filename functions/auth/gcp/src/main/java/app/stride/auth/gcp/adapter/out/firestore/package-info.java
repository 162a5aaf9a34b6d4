/**
 * The auth stores of one Firestore region: accounts with their login claims and deletion
 * tombstones, sessions and refresh tokens, one-time tokens.
 *
 * <p>Collections: {@code authAccounts} (id = user id), {@code authLoginClaims} (id = the encoded
 * login identifier, see {@link app.stride.auth.gcp.adapter.out.firestore.LoginClaim}), {@code
 * authTombstones} (id = user id), {@code authSessions}, {@code authRefreshTokens}, {@code
 * authOneTimeTokens} (ids = the encoded family id or token hash, see {@link
 * app.stride.auth.gcp.adapter.out.firestore.DocumentIds}). Documents that expire carry an {@code
 * expiresAt} timestamp, the field of the TTL policy infra declares; readers check expiry
 * themselves, since TTL deletion runs late.
 *
 * <p>Every write is a single-document conditional write (DESIGN.md section 4): {@code create}, or
 * an update or delete with {@code Precondition.updatedAt} of the read it is based on. That is also
 * how the single-use operations (consume a one-time token, rotate a refresh token) let exactly one
 * caller win. Persistence models ({@code ...Document}) are separate from the domain and mapped by
 * hand.
 */
package app.stride.auth.gcp.adapter.out.firestore;
