/**
 * The auth capability on Google Cloud: the Cloud Functions entry points and their wiring. The
 * Firestore adapters live in {@code adapter.out.firestore}.
 */
package app.stride.auth.gcp;
