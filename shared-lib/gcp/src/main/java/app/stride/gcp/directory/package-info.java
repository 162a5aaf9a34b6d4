/** The global directory on Firestore: keyed hashes to home regions, nothing else. */
package app.stride.gcp.directory;
