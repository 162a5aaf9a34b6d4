/**
 * The Firestore profile store: collection {@code profiles}, one document per user (document id =
 * user id), holding the profile, its optimistic version and its per-document outbox of pending
 * events. The persistence model ({@link
 * app.stride.profiles.gcp.adapter.out.firestore.ProfileDocument}) is separate from the domain and
 * mapped by hand: no reflection, no SDK types in the domain.
 */
package app.stride.profiles.gcp.adapter.out.firestore;
