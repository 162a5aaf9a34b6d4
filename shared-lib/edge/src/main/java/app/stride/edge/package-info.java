/**
 * The edge layer shared by every function and the local gateway: {@code ratelimit}, {@code
 * resilience} and {@code observability}. Cloud-neutral; the clouds' metric outputs live in
 * shared-aws and shared-gcp.
 */
package app.stride.edge;
