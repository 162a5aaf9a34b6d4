/**
 * Firestore building blocks for the store adapters: a client factory from configuration, versioned
 * single-document writes with the same semantics as the DynamoDB side (create-if-absent, replace or
 * delete only at the expected version, no transactions), error mapping to the neutral store
 * exceptions, and signed cursor pagination.
 */
package app.stride.gcp.firestore;
