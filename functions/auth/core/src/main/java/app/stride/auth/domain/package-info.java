/**
 * The auth domain: accounts, their second factor and linked identities. No framework or SDK types;
 * persistence models live in the cloud modules.
 */
package app.stride.auth.domain;
