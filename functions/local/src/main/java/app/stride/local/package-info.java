/**
 * The local platform behind {@code ./run-local}: real local servers per region, each region's
 * functions in their own JVM through the real cloud entry shape, and a gateway that routes by the
 * OpenAPI spec.
 */
package app.stride.local;
