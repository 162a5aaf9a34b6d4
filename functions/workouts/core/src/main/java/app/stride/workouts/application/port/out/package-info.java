/**
 * What the workout use cases need from the outside: a regional workout store (reads, conditional
 * writes with a per-item outbox, idempotency claims, the erasure of a deleted user's data), the
 * user's unit preference from the profiles store, and an event transport. Each cloud module
 * implements these (DynamoDB, Firestore); the use cases never see an SDK type.
 */
package app.stride.workouts.application.port.out;
