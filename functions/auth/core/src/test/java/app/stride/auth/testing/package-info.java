/**
 * Test doubles and contract suites for the auth store ports, shipped in the core test-jar:
 * in-memory stores for service tests, and abstract JUnit 5 suites that every store adapter (in
 * memory, DynamoDB, Firestore) runs to prove the same semantics.
 */
package app.stride.auth.testing;
