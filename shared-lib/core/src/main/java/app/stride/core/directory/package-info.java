/**
 * The global directory: which region a login identifier's account lives in. It is the one store
 * shared by all regions, so it holds no personal data: only a keyed hash of the identifier and a
 * region id.
 */
package app.stride.core.directory;
