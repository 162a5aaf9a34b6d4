/**
 * Store semantics shared by the DynamoDB and Firestore adapters: optimistic versions, conditional
 * writes, cursor pages, and the failure a use case sees when a store is down.
 */
package app.stride.core.store;
