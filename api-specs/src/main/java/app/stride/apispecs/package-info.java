/**
 * Classpath access to Stride's OpenAPI contracts, the single source of routes for the local gateway
 * and the functions. This package has no dependencies beyond the JDK.
 */
package app.stride.apispecs;
