/**
 * Access tokens and the keys that sign them. Each region signs with its own ES256 keys, whose key
 * ids bind the region ({@code <region>-<yyyyMMdd>-<8 hex>}), so a key of one region cannot vouch
 * for a user of another.
 *
 * <p>Pure logic, no I/O: {@link app.stride.auth.token.KeyRing} (the region's keys and their states,
 * its public JWKS and its stored JSON form), {@link app.stride.auth.token.KeyRotation} (the
 * rotation procedure as a function of ring and time), {@link
 * app.stride.auth.token.AccessTokenIssuer}. The one port, {@link
 * app.stride.auth.token.KeyRingStore}, is implemented by the cloud modules.
 */
package app.stride.auth.token;
