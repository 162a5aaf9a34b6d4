/**
 * What the auth functions need locally and no region owns: the global directory (its own dynalite
 * and its HTTP API in the platform's JVM), the directory's keyed-hash secret kept in the data
 * folder, and the per-function environment of the auth hosts (directory, mail server, throttle
 * Redis, the region's signing key).
 */
package app.stride.local.auth;
