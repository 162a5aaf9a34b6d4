/** Checks on what a built deployable carries. */
package app.stride.testkit.packaging;
