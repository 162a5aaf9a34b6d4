/**
 * Regions and data residency: the configured regions, and the guard that keeps a function inside
 * its own region's store.
 */
package app.stride.core.region;
