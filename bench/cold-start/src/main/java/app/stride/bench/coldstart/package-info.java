/**
 * The cold-start benchmark of DESIGN.md §2: JVM start to first response of a capability's AWS entry
 * against a plain {@code RequestHandler} doing the same work, each in a fresh process.
 */
package app.stride.bench.coldstart;
