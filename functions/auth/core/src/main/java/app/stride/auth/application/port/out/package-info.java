/**
 * What the auth use cases need from the outside: the region's stores (accounts, sessions, one-time
 * tokens, the signing key ring), the global directory, mail and events. Each store adapter is bound
 * to one region.
 */
package app.stride.auth.application.port.out;
